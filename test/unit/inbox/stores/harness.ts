import Redis, { type Cluster } from 'ioredis';
import type { RedisClusterSet } from '../../../support/redisServers';
import RedisMock from 'ioredis-mock';
import { randomUUID } from 'node:crypto';
import { deletePrefix, testRedisUrl, uniquePrefix } from '../../../support/redis';

/** A fresh, isolated key space on one backend, plus a second client on the same data (another instance). */
export interface RedisHarness {
  client: Redis;
  duplicate(): Redis;
  embedded: boolean;
  /** Another instance's connection to the same data. */
  sibling(): { client: Redis; duplicate(): Redis; embedded: boolean };
  close(): Promise<void>;
}

export type MakeHarness = () => Promise<RedisHarness>;

export const memoryHarness: MakeHarness = async () => {
  const prefix = `mem-${randomUUID().slice(0, 8)}:`;
  const opened: Redis[] = [];
  const open = (): Redis => {
    const r = new RedisMock({ keyPrefix: prefix }) as unknown as Redis;
    opened.push(r);
    return r;
  };
  const dup = (r: Redis) => () => {
    const d = (r as unknown as { duplicate(): Redis }).duplicate();
    opened.push(d);
    return d;
  };
  const client = open();
  return {
    client,
    duplicate: dup(client),
    embedded: true,
    sibling: () => {
      const c = open();
      return { client: c, duplicate: dup(c), embedded: true };
    },
    close: async () => {
      for (const r of opened) r.disconnect();
    },
  };
};

export const realHarness: MakeHarness = async () => {
  const prefix = uniquePrefix('inbox');
  const opened: Redis[] = [];
  const open = (): Redis => {
    const r = new Redis(testRedisUrl, { keyPrefix: prefix, maxRetriesPerRequest: 1 });
    opened.push(r);
    return r;
  };
  const dup = (r: Redis) => () => {
    const d = r.duplicate();
    opened.push(d);
    return d;
  };
  const client = open();
  return {
    client,
    duplicate: dup(client),
    embedded: false,
    sibling: () => {
      const c = open();
      return { client: c, duplicate: dup(c), embedded: false };
    },
    close: async () => {
      await deletePrefix(testRedisUrl, prefix);
      for (const r of opened) r.disconnect();
    },
  };
};

/** Runs `body` with a fresh harness before each test; `h()` gives the current one. */
export function withHarness(make: MakeHarness): () => RedisHarness {
  let current: RedisHarness | undefined;
  beforeEach(async () => {
    current = await make();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('harness used outside a test');
    return current;
  };
}

/** A fresh key prefix on a Redis Cluster (a Cluster client speaks Redis's commands; the stores are typed for Redis). */
export function clusterHarness(cluster: () => RedisClusterSet): MakeHarness {
  return async () => {
    const prefix = uniquePrefix('inbox');
    const opened: Cluster[] = [];
    const open = (): Redis => {
      const c = cluster().client(prefix);
      opened.push(c);
      return c as unknown as Redis;
    };
    const dup = (r: Redis) => () => {
      const d = (r as unknown as Cluster).duplicate();
      d.on('error', () => undefined);
      opened.push(d);
      return d as unknown as Redis;
    };
    const client = open();
    return {
      client,
      duplicate: dup(client),
      embedded: false,
      sibling: () => {
        const c = open();
        return { client: c, duplicate: dup(c), embedded: false };
      },
      close: async () => {
        await cluster().deletePrefix(prefix);
        for (const r of opened) r.disconnect();
      },
    };
  };
}
