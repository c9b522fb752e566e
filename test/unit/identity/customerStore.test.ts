import { customerStoreContract } from './contracts/customerStore.contract';
import { mockRedisPair } from './support';

describe('RedisCustomerStore on the embedded Redis (ioredis-mock)', () => {
  customerStoreContract(mockRedisPair);
});
