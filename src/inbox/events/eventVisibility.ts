import type { Agent } from '../../handoff/types';
import type { LiveEvent } from '../contracts';

/**
 * Which live events an agent's stream carries: admins get everything; agents get events of their
 * teams, events about themselves, and events that name no team (messages, presence).
 */
export function isVisibleTo(agent: Agent, event: LiveEvent): boolean {
  if (agent.role === 'admin') return true;
  if ('agentId' in event && event.agentId === agent.id) return true;
  if ('assigneeId' in event && event.assigneeId === agent.id) return true;
  if ('team' in event && typeof event.team === 'string') return agent.teams.includes(event.team);
  return true;
}
