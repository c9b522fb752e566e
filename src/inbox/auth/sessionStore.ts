import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { parseJson } from '../redisLike';
import { taggedKey } from '../../store/keys';

/**
 * Opaque bearer sessions. The token (32 random bytes, base64url) is given to the agent once;
 * Redis keeps only sha256(token) → agent id, expiring with the session.
 */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface SessionOptions {
  ttlHours: number;
  /** Clock (tests move it). */
  now?: () => number;
}

/**
 * A session is found by its token alone and written with its agent's set of sessions in one MULTI:
 * all sessions share one hash tag (a few per agent; src/store/keys.ts).
 */
const DIR = 'sessions';
export const sessionKeys = {
  session: (digest: string) => taggedKey('session', DIR, digest),
  byAgent: (agentId: string) => taggedKey('sessions', DIR, 'agent', agentId),
};
const K = sessionKeys;

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class SessionStore {
  private readonly ttlMs: number;
  readonly ttlSeconds: number;
  private readonly now: () => number;

  constructor(
    private readonly redis: Redis,
    options: SessionOptions,
  ) {
    this.ttlMs = options.ttlHours * 3600_000;
    this.ttlSeconds = options.ttlHours * 3600;
    this.now = options.now ?? Date.now;
  }

  async create(agentId: string): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const digest = tokenDigest(token);
    const expiresAt = this.now() + this.ttlMs;
    await this.redis
      .multi()
      .set(K.session(digest), JSON.stringify({ agentId, expiresAt }), 'PX', this.ttlMs)
      .sadd(K.byAgent(agentId), digest)
      .pexpire(K.byAgent(agentId), this.ttlMs)
      .exec();
    return { token, expiresAt };
  }

  /** The session behind a token, or null when it is unknown, revoked or past its expiry. */
  async resolve(token: string): Promise<{ agentId: string; expiresAt: number } | null> {
    if (!SESSION_TOKEN_PATTERN.test(token)) return null;
    const s = parseJson<{ agentId: string; expiresAt: number }>(await this.redis.get(K.session(tokenDigest(token))));
    if (!s || typeof s.agentId !== 'string' || typeof s.expiresAt !== 'number') return null;
    if (s.expiresAt <= this.now()) return null;
    return s;
  }

  /** Ends one session; answers whose it was and its digest (null when it was unknown). */
  async revoke(token: string): Promise<{ agentId: string; digest: string } | null> {
    const digest = tokenDigest(token);
    const s = parseJson<{ agentId: string }>(await this.redis.get(K.session(digest)));
    const tx = this.redis.multi().del(K.session(digest));
    if (s?.agentId) tx.srem(K.byAgent(s.agentId), digest);
    await tx.exec();
    return typeof s?.agentId === 'string' ? { agentId: s.agentId, digest } : null;
  }

  /** Logs an agent out everywhere (disabled, password changed); answers how many sessions ended. */
  async revokeAll(agentId: string): Promise<number> {
    const digests = await this.redis.smembers(K.byAgent(agentId));
    const tx = this.redis.multi();
    for (const d of digests) tx.del(K.session(d));
    tx.del(K.byAgent(agentId));
    await tx.exec();
    return digests.length;
  }
}
