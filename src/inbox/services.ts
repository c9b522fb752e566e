import type { Logger } from '../logger';
import { AgentStore } from './agents/agentStore';
import type { ScryptCost } from './agents/passwordHash';
import { RedisAuditLog } from './audit/redisAuditLog';
import { LoginLimiter, type LoginLimits } from './auth/loginLimiter';
import { SessionStore } from './auth/sessionStore';
import { CannedAnswerStore } from './canned/cannedAnswerStore';
import { RedisEventBus } from './events/redisEventBus';
import { FollowUpStore } from './followups/followUpStore';
import { PresenceTracker } from './presence/presenceTracker';
import { SearchIndex } from './search/searchIndex';
import type { RedisLike } from './redisLike';
import { TeamStore } from './teams/teamStore';

export interface InboxServiceOptions {
  /** SESSION_TTL_HOURS (default 12). */
  sessionTtlHours?: number;
  /** Sign-in and unauthenticated-request budgets (defaults in LoginLimiter). */
  limits?: LoginLimits;
  /** Events kept in the stream for resuming (default 10 000). */
  eventStreamMaxLength?: number;
  /** Clock for sessions (tests). */
  now?: () => number;
  /** Password hashing cost; lower it only in tests. */
  scryptCost?: ScryptCost;
  /** Mark the session cookie `Secure` (PUBLIC_URL is https), whatever the request looked like. */
  secureCookies?: boolean;
  /** AGENT_IDLE_AWAY_MINUTES (default 15; 0 = never away by idleness). */
  idleAwayMinutes?: number;
  /** SEARCH_RETENTION_DAYS (default 90). */
  searchRetentionDays?: number;
  /** The time audit entries are stamped with (default: the wall clock; the demo seed plays a past month). */
  recordClock?: () => number;
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
  limiter: LoginLimiter;
  /** Online at login, away after the idle timeout. */
  presence: PresenceTracker;
  /** Order numbers, phones, e-mails and words of customer messages → conversations. */
  search: SearchIndex;
  /** The session cookie is always `Secure` (PUBLIC_URL is https). */
  secureCookies: boolean;
  /** Ends one session (logout) and closes its open event streams on every instance. */
  endSession(token: string): Promise<void>;
  /** Ends every session of an agent (disabled, password changed) and closes all their streams. */
  endAllSessions(agentId: string): Promise<void>;
  /** Writes the search entries still gathered and closes the bus's subscriber connection (the command connection belongs to the caller). */
  close(): Promise<void>;
}

export function createInboxServices(connection: RedisLike, logger: Logger, opts: InboxServiceOptions = {}): InboxServices {
  const redis = connection.client;
  const bus = new RedisEventBus(connection, logger, { ...(opts.eventStreamMaxLength ? { maxLength: opts.eventStreamMaxLength } : {}) });
  const sessions = new SessionStore(redis, { ttlHours: opts.sessionTtlHours ?? 12, ...(opts.now ? { now: opts.now } : {}) });
  const agents = new AgentStore(redis, opts.scryptCost ? { scryptCost: opts.scryptCost } : {});
  const audit = new RedisAuditLog(redis, opts.recordClock ? { clock: opts.recordClock } : {});
  const presence = new PresenceTracker({ redis, agents, bus, audit, logger, idleMs: (opts.idleAwayMinutes ?? 15) * 60_000, ...(opts.now ? { now: opts.now } : {}) });
  const search = new SearchIndex(redis, { logger, ...(opts.searchRetentionDays ? { retentionDays: opts.searchRetentionDays } : {}), ...(connection.embedded ? { oneSetPerWord: true } : {}) });
  return {
    agents,
    sessions,
    teams: new TeamStore(redis),
    canned: new CannedAnswerStore(redis),
    audit,
    followUps: new FollowUpStore(redis),
    bus,
    limiter: new LoginLimiter(redis, opts.limits),
    presence,
    search,
    secureCookies: opts.secureCookies ?? false,
    async endSession(token) {
      const ended = await sessions.revoke(token);
      if (ended) await bus.publishSessionsEnded({ agentId: ended.agentId, digests: [ended.digest] });
    },
    async endAllSessions(agentId) {
      await sessions.revokeAll(agentId);
      await bus.publishSessionsEnded({ agentId });
    },
    close: async () => {
      presence.stop();
      await search.flush();
      return bus.close();
    },
  };
}
