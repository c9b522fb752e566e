import { parseConfig } from '../../../src/config';
import { describeRedisTarget } from '../../../src/store/redisConnection';

describe('describeRedisTarget', () => {
  it('names a Redis URL without its user and password', () => {
    expect(describeRedisTarget(parseConfig({ REDIS_URL: 'redis://baton:s3cret-pass@redis.internal:6380/2' }))).toBe('redis://redis.internal:6380/2');
  });

  it('names a Sentinel set and a Cluster without their addresses', () => {
    expect(describeRedisTarget(parseConfig({ REDIS_SENTINELS: '10.0.0.1:26379,10.0.0.2:26379', REDIS_SENTINEL_NAME: 'baton' }))).toBe('Redis (Sentinel)');
    expect(describeRedisTarget(parseConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000,10.0.0.2:7000' }))).toBe('Redis Cluster');
  });
});
