import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';

/** The Redis URL found by globalSetup, or '' when none answers. */
export const testRedisUrl = process.env.BATON_TEST_REDIS ?? '';

/** `describe` when a Redis answers, `describe.skip` otherwise (globalSetup already said why). Undefined outside jest (benchmarks). */
export const describeWithRedis: jest.Describe = (testRedisUrl ? globalThis.describe : globalThis.describe?.skip) as jest.Describe;

/** A unique key prefix so suites running side by side on one Redis never see each other's keys. */
export function uniquePrefix(label = 'test'): string {
  return `baton-test:${label}:${randomUUID().slice(0, 8)}:`;
}

/** Deletes every key under a prefix (SCAN, never FLUSHALL: other suites share the server). */
export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const r = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}
