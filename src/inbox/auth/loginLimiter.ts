import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { BatonError } from '../../errors';
import { normalizeEmail } from '../agents/agentStore';

/**
 * Sign-in attempts, counted atomically in Redis (rate-limiter-flexible: one Lua INCR per attempt)
 * and consumed *before* the password is checked, so a burst of parallel guesses cannot slip past
 * the count. Three budgets, consumed in this order, stopping at the first one spent:
 *
 * 1. per client address: attempts on any e-mail (stops one client spraying many accounts);
 * 2. per account and client address: the lock a wrong password earns, for that address only,
 *    so an attacker cannot lock the owner out from elsewhere;
 * 3. per account, across addresses: a slower ceiling against a guess spread over many addresses.
 *
 * A successful sign-in clears (2) and gives back its attempt in (1). Unauthenticated requests of
 * the API also share a per-client budget (`publicRequest`).
 */
export interface LoginLimits {
  /** Sign-in attempts per client address in `clientWindowSeconds` (default 20 in 15 min). */
  perClient?: number;
  clientWindowSeconds?: number;
  /** Attempts per account from one client address (default 10 in 15 min). */
  perAccountAndClient?: number;
  accountClientWindowSeconds?: number;
  /** Attempts per account from every address together (default 50 per hour). */
  perAccount?: number;
  accountWindowSeconds?: number;
  /** Unauthenticated API requests per client address per minute (default 120). */
  publicPerMinute?: number;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

export class LoginLimiter {
  readonly limits: Required<LoginLimits>;
  private readonly client: RateLimiterRedis;
  private readonly accountClient: RateLimiterRedis;
  private readonly account: RateLimiterRedis;
  private readonly publicClient: RateLimiterRedis;

  constructor(redis: Redis, limits: LoginLimits = {}) {
    this.limits = {
      perClient: limits.perClient ?? 20,
      clientWindowSeconds: limits.clientWindowSeconds ?? 15 * 60,
      perAccountAndClient: limits.perAccountAndClient ?? 10,
      accountClientWindowSeconds: limits.accountClientWindowSeconds ?? 15 * 60,
      perAccount: limits.perAccount ?? 50,
      accountWindowSeconds: limits.accountWindowSeconds ?? 60 * 60,
      publicPerMinute: limits.publicPerMinute ?? 120,
    };
    const l = this.limits;
    const make = (keyPrefix: string, points: number, duration: number) => new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration });
    this.client = make('limit:login:client', l.perClient, l.clientWindowSeconds);
    this.accountClient = make('limit:login:account-client', l.perAccountAndClient, l.accountClientWindowSeconds);
    this.account = make('limit:login:account', l.perAccount, l.accountWindowSeconds);
    this.publicClient = make('limit:public:client', l.publicPerMinute, 60);
  }

  private static accountKey(email: string): string {
    return hash(normalizeEmail(email));
  }

  /**
   * Takes one attempt from every budget of this (e-mail, client), or throws TOO_MANY_ATTEMPTS
   * (429, with retryAfterSeconds) without touching the budgets after the one that is spent.
   */
  async admit(email: string, clientAddress: string): Promise<void> {
    const account = LoginLimiter.accountKey(email);
    const client = hash(clientAddress);
    await consume(this.client, client, 'Too many sign-in attempts from your address');
    await consume(this.accountClient, `${account}:${client}`, 'Too many failed sign-in attempts for this e-mail from your address');
    await consume(this.account, account, 'Too many failed sign-in attempts for this e-mail');
  }

  /** The right password: this address may try again at once; the per-account ceiling keeps its count. */
  async succeeded(email: string, clientAddress: string): Promise<void> {
    const client = hash(clientAddress);
    await Promise.all([this.accountClient.delete(`${LoginLimiter.accountKey(email)}:${client}`), this.client.reward(client, 1)]);
  }

  /** One unauthenticated API request from this address, or TOO_MANY_ATTEMPTS. */
  async publicRequest(clientAddress: string): Promise<void> {
    await consume(this.publicClient, hash(clientAddress), 'Too many requests from your address');
  }
}

async function consume(limiter: RateLimiterRedis, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection; // the store failed: let it be a 5xx
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    const minutes = Math.ceil(seconds / 60);
    throw new BatonError('TOO_MANY_ATTEMPTS', `${what}; try again in ${seconds < 90 ? `${seconds} seconds` : `${minutes} minutes`}`, {
      retryAfterSeconds: seconds,
    });
  }
}
