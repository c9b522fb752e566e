import { describeWithRedis } from '../../support/redis';
import { customerStoreContract } from '../../unit/identity/contracts/customerStore.contract';
import { realRedisPair } from '../../unit/identity/support';

describeWithRedis('RedisCustomerStore on a real Redis server', () => {
  customerStoreContract(realRedisPair);
});
