import { createLogger } from '../../../src/logger';
import { connectRedis, reconnectAfterEndDelay, type RedisConnection } from '../../../src/store/redisConnection';
import { describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';

/**
 * Baton connects again a client ioredis ended by itself (see sentinelReconnect.redis.test.ts); one
 * its owner closed must stay closed, or every subscriber a closed event bus quit would come back.
 */

const settle = () => new Promise((r) => setTimeout(r, reconnectAfterEndDelay(1) * 5));

describeWithRedis('clients of a Redis connection closed by their owner', () => {
  let connection: RedisConnection;

  beforeEach(() => {
    connection = connectRedis({ url: testRedisUrl, keyPrefix: uniquePrefix('owned'), logger: createLogger('error') });
  });

  afterEach(async () => {
    await connection.close();
  });

  it('keeps a subscriber its owner quit closed', async () => {
    const sub = connection.duplicate();
    await sub.subscribe('owned-clients');
    await sub.quit();
    await settle();
    expect(sub.status).toBe('end');
  });

  it('keeps a subscriber its owner disconnected closed', async () => {
    const sub = connection.duplicate();
    await sub.subscribe('owned-clients');
    sub.disconnect();
    await settle();
    expect(sub.status).toBe('end');
  });
});

describe('the wait before connecting again a client ioredis ended', () => {
  it('starts at 100 ms, doubles, and stays at 2 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(reconnectAfterEndDelay)).toEqual([100, 200, 400, 800, 1600, 2000, 2000, 2000]);
  });
});
