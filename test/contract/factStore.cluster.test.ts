import type Redis from 'ioredis';
import { describeWithRedisCluster, useRedisCluster } from '../support/redisServers';
import { uniquePrefix } from '../support/redis';
import { factStoreContract } from './factStore.contract';

describeWithRedisCluster('FactStore on a Redis Cluster', () => {
  const cluster = useRedisCluster();

  factStoreContract(async () => {
    const prefix = uniquePrefix('facts');
    const redis = cluster().client(prefix);
    return {
      redis: redis as unknown as Redis,
      close: async () => {
        await cluster().deletePrefix(prefix);
        redis.disconnect();
      },
    };
  });
});
