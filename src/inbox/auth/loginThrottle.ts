import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { normalizeEmail } from '../agents/agentStore';

/**
 * Failed sign-ins per e-mail address: after `maxFailures` within `windowMs` of the first failure,
 * further attempts are refused until the window ends (a correct password included).
 */
export interface ThrottleOptions {
  maxFailures?: number;
  windowMs?: number;
}

export class LoginThrottle {
  readonly maxFailures: number;
  readonly windowMs: number;

  constructor(
    private readonly redis: Redis,
    options: ThrottleOptions = {},
  ) {
    this.maxFailures = options.maxFailures ?? 10;
    this.windowMs = options.windowMs ?? 15 * 60_000;
  }

  private key(email: string): string {
    return `login:failures:${createHash('sha256').update(normalizeEmail(email)).digest('hex').slice(0, 32)}`;
  }

  /** Milliseconds until attempts are allowed again, or 0 when they are allowed now. */
  async blockedFor(email: string): Promise<number> {
    const key = this.key(email);
    const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.pttl(key)]);
    if (Number(count ?? 0) < this.maxFailures) return 0;
    return ttl > 0 ? ttl : this.windowMs;
  }

  async recordFailure(email: string): Promise<number> {
    const key = this.key(email);
    const count = await this.redis.incr(key);
    if (count === 1) await this.redis.pexpire(key, this.windowMs);
    return count;
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.key(email));
  }
}
