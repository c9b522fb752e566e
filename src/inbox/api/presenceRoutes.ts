import type { InboxServices } from '../services';
import { route, type RouteSpec } from './route';
import { agentView } from './schemas';

/** The console says "the agent is here" (keys, clicks) at most once a minute; the idle timeout counts from it. */
export function presenceRoutes(s: InboxServices): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/agents/me/activity',
      tag: 'agents',
      access: 'agent',
      summary: 'Record that I am active (resets the idle timeout; back online if it had set me away)',
      description: `After ${Math.round(s.presence.idleMs / 60_000)} minutes without activity an online agent is set away (AGENT_IDLE_AWAY_MINUTES; 0 = never).`,
      response: { description: 'The agent, with their presence now', schema: agentView },
      handle: async ({ caller }) => (await s.presence.touch(caller.id)) ?? caller,
    }),
  ];
}
