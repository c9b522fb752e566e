import { linkVerificationContract } from './contracts/linkVerification.contract';
import { mockRedisPair } from './support';

describe('LinkVerification on the embedded Redis (ioredis-mock)', () => {
  linkVerificationContract(mockRedisPair);
});
