import type Redis from 'ioredis';
import { describeWithRedisCluster, startRedisCluster, type RedisClusterSet } from '../support/redisServers';
import { uniquePrefix } from '../support/redis';
import { factStoreContract } from './factStore.contract';

describeWithRedisCluster('FactStore on a Redis Cluster', () => {
  let cluster: RedisClusterSet;
  beforeAll(async () => {
    cluster = await startRedisCluster();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  factStoreContract(async () => {
    const prefix = uniquePrefix('facts');
    const redis = cluster.client(prefix);
    return {
      redis: redis as unknown as Redis,
      close: async () => {
        await cluster.deletePrefix(prefix);
        redis.disconnect();
      },
    };
  });
});
