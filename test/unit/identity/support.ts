import Redis from 'ioredis';
import RedisMock from 'ioredis-mock';
import { randomUUID } from 'node:crypto';
import { RedisCustomerStore } from '../../../src/identity/redisCustomerStore';
import { LinkVerification } from '../../../src/identity/linkVerification';
import type { ChannelName } from '../../../src/conversations/types';
import { RedisAuditLog } from '../../../src/inbox/audit/redisAuditLog';
import { deletePrefix, testRedisUrl, uniquePrefix } from '../../support/redis';

/** Two connections to one Redis under one fresh key prefix: two Baton instances sharing a store. */
export interface RedisPair {
  a: Redis;
  b: Redis;
  prefix: string;
  /** Every key matching a pattern (on a Redis Cluster, KEYS asks one node: the cluster pair asks each master). */
  keys?(pattern: string): Promise<string[]>;
  close(): Promise<void>;
}

export type MakeRedisPair = () => Promise<RedisPair>;

export const mockRedisPair: MakeRedisPair = async () => {
  const prefix = `identity-test:${randomUUID().slice(0, 8)}:`;
  const a = new RedisMock({ keyPrefix: prefix }) as unknown as Redis;
  const b = new RedisMock({ keyPrefix: prefix }) as unknown as Redis;
  return {
    a,
    b,
    prefix,
    close: async () => {
      a.disconnect();
      b.disconnect();
    },
  };
};

export const realRedisPair: MakeRedisPair = async () => {
  const prefix = uniquePrefix('identity');
  const a = new Redis(testRedisUrl, { keyPrefix: prefix });
  const b = new Redis(testRedisUrl, { keyPrefix: prefix });
  return {
    a,
    b,
    prefix,
    close: async () => {
      await deletePrefix(testRedisUrl, prefix);
      a.disconnect();
      b.disconnect();
    },
  };
};

export interface SentCode {
  channel: ChannelName;
  address: string;
  code: string;
  lang: string;
}

/** A store, a verification and an audit log on one Redis, with a clock the test moves. */
export function identityOn(redis: Redis, opts: { sendFails?: () => Error | null } = {}) {
  const clock = { now: 1_760_000_000_000 };
  const audit = new RedisAuditLog(redis);
  const store = new RedisCustomerStore(redis, { audit, clock: () => clock.now });
  const sent: SentCode[] = [];
  const verification = new LinkVerification({
    redis,
    store,
    audit,
    clock: () => clock.now,
    sendCode: async (channel, address, code, lang) => {
      const failure = opts.sendFails?.();
      if (failure) throw failure;
      sent.push({ channel, address, code, lang });
    },
  });
  return { clock, audit, store, verification, sent };
}

export const WA = 'whatsapp:+919812345678';
export const WA_OTHER = 'whatsapp:+923001234567';
export const PSID = '24012345678901234';
export const PSID_OTHER = '24099999999999999';

/** A different 6-digit code than the one given. */
export function wrongCodeFor(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}
