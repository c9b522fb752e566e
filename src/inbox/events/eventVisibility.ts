import { canSeeConversation } from '../../handoff/teamAccess';
import type { Agent } from '../../handoff/types';
import type { LiveEvent } from '../contracts';

/**
 * Which live events an agent's stream carries: admins get everything; agents get the events of
 * conversations they may see (canSeeConversation: their teams', or assigned to them), events
 * about themselves, and presence. An event about a conversation that names no team is not sent
 * to agents (the publisher adds the team; without it, closed by default).
 */
export function isVisibleTo(agent: Agent, event: LiveEvent): boolean {
  if (agent.role === 'admin') return true;
  if ('agentId' in event && event.agentId === agent.id) return true;
  if ('assigneeId' in event && event.assigneeId === agent.id) return true;
  if ('team' in event && typeof event.team === 'string' && event.team !== '') {
    return canSeeConversation(agent, { team: event.team, ...('assigneeId' in event ? { assigneeId: event.assigneeId } : {}) });
  }
  if ('conversationId' in event) return false;
  return true;
}
