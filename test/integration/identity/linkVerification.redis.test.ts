import { describeWithRedis } from '../../support/redis';
import { linkVerificationContract } from '../../unit/identity/contracts/linkVerification.contract';
import { realRedisPair } from '../../unit/identity/support';

describeWithRedis('LinkVerification on a real Redis server', () => {
  linkVerificationContract(realRedisPair);
});
