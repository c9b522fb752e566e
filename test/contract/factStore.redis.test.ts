import Redis from 'ioredis';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { factStoreContract } from './factStore.contract';

describeWithRedis('FactStore on a real Redis server', () => {
  factStoreContract(async () => {
    const prefix = uniquePrefix('facts');
    const redis = new Redis(testRedisUrl, { keyPrefix: prefix });
    return {
      redis,
      close: async () => {
        await deletePrefix(testRedisUrl, prefix);
        redis.disconnect();
      },
    };
  });
});
