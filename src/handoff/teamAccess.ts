import { DEFAULT_ESCALATION_CONFIG, type Agent } from './types';

/**
 * Who may see and act on a conversation: admins, the agents of its team, and the agent it is
 * assigned to. A conversation the bot still holds belongs to the team it would be escalated to
 * by default. The API guards, the list filter and the live event stream all ask this one rule.
 */
export interface TeamOwned {
  team?: string | null;
  assigneeId?: string | null;
}

export function conversationTeam(c: TeamOwned, defaultTeam: string = DEFAULT_ESCALATION_CONFIG.defaultTeam): string {
  return c.team || defaultTeam;
}

export function canSeeConversation(agent: Pick<Agent, 'id' | 'role' | 'teams'>, c: TeamOwned, defaultTeam?: string): boolean {
  if (agent.role === 'admin') return true;
  if (c.assigneeId && c.assigneeId === agent.id) return true;
  return agent.teams.includes(conversationTeam(c, defaultTeam));
}
