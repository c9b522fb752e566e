import type { Logger } from '../../logger';
import type { ConversationActions } from '../contracts';
import type { InboxServices } from '../services';
import { agentRoutes } from './agentRoutes';
import { auditRoutes } from './auditRoutes';
import { authRoutes } from './authRoutes';
import { cannedRoutes } from './cannedRoutes';
import { conversationRoutes } from './conversationRoutes';
import { eventRoutes } from './eventRoutes';
import { followUpRoutes } from './followUpRoutes';
import { presenceRoutes } from './presenceRoutes';
import type { RouteSpec } from './route';
import { searchRoutes } from './searchRoutes';
import { teamRoutes } from './teamRoutes';

export const DEFAULT_HEARTBEAT_MS = 15_000;

/** Every endpoint of the agent API, in registration order. */
export function allRoutes(s: InboxServices, actions: ConversationActions, logger: Logger, heartbeatMs = DEFAULT_HEARTBEAT_MS): RouteSpec[] {
  return [
    ...authRoutes(s),
    ...conversationRoutes(actions),
    ...searchRoutes(s, actions),
    ...presenceRoutes(s),
    ...agentRoutes(s),
    ...teamRoutes(s),
    ...cannedRoutes(s),
    ...followUpRoutes(s),
    ...auditRoutes(s),
    ...eventRoutes(s, logger, heartbeatMs),
  ];
}
