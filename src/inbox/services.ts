import type { Logger } from '../logger';
import { AgentStore } from './agents/agentStore';
import type { ScryptCost } from './agents/passwordHash';
import { RedisAuditLog } from './audit/redisAuditLog';
import { LoginThrottle, type ThrottleOptions } from './auth/loginThrottle';
import { SessionStore } from './auth/sessionStore';
import { CannedAnswerStore } from './canned/cannedAnswerStore';
import { RedisEventBus } from './events/redisEventBus';
import { FollowUpStore } from './followups/followUpStore';
import type { RedisLike } from './redisLike';
import { TeamStore } from './teams/teamStore';

export interface InboxServiceOptions {
  /** SESSION_TTL_HOURS (default 12). */
  sessionTtlHours?: number;
  throttle?: ThrottleOptions;
  /** Events kept in the stream for resuming (default 10 000). */
  eventStreamMaxLength?: number;
  /** Clock for sessions (tests). */
  now?: () => number;
  /** Password hashing cost; lower it only in tests. */
  scryptCost?: ScryptCost;
}

/** Every store and the event bus of the agent inbox, on one Redis connection; shared with the handoff core. */
export interface InboxServices {
  agents: AgentStore;
  sessions: SessionStore;
  teams: TeamStore;
  canned: CannedAnswerStore;
  audit: RedisAuditLog;
  followUps: FollowUpStore;
  bus: RedisEventBus;
  throttle: LoginThrottle;
  /** Closes the bus's subscriber connection (the command connection belongs to the caller). */
  close(): Promise<void>;
}

export function createInboxServices(connection: RedisLike, logger: Logger, opts: InboxServiceOptions = {}): InboxServices {
  const redis = connection.client;
  const bus = new RedisEventBus(connection, logger, { ...(opts.eventStreamMaxLength ? { maxLength: opts.eventStreamMaxLength } : {}) });
  return {
    agents: new AgentStore(redis, opts.scryptCost ? { scryptCost: opts.scryptCost } : {}),
    sessions: new SessionStore(redis, { ttlHours: opts.sessionTtlHours ?? 12, ...(opts.now ? { now: opts.now } : {}) }),
    teams: new TeamStore(redis),
    canned: new CannedAnswerStore(redis),
    audit: new RedisAuditLog(redis),
    followUps: new FollowUpStore(redis),
    bus,
    throttle: new LoginThrottle(redis, opts.throttle),
    close: () => bus.close(),
  };
}
