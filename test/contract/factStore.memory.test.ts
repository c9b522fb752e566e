import RedisMock from 'ioredis-mock';
import type Redis from 'ioredis';
import { factStoreContract } from './factStore.contract';

describe('FactStore on the embedded in-memory store', () => {
  factStoreContract(async () => {
    const redis = new RedisMock({ keyPrefix: `facts${Math.random()}:` }) as unknown as Redis;
    return { redis, close: async () => redis.disconnect() };
  });
});
