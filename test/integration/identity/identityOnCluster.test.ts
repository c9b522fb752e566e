import type Redis from 'ioredis';
import { describeWithRedisCluster, useRedisCluster } from '../../support/redisServers';
import { uniquePrefix } from '../../support/redis';
import { customerStoreContract } from '../../unit/identity/contracts/customerStore.contract';
import { linkVerificationContract } from '../../unit/identity/contracts/linkVerification.contract';
import type { MakeRedisPair } from '../../unit/identity/support';

/** The identity contracts on a 6-node Redis Cluster: a script or MULTI across two slots fails with CROSSSLOT. */
describeWithRedisCluster('identity on a Redis Cluster', () => {
  const cluster = useRedisCluster();
  const pair: MakeRedisPair = async () => {
    const prefix = uniquePrefix('identity');
    const a = cluster().client(prefix);
    const b = cluster().client(prefix);
    return {
      a: a as unknown as Redis,
      b: b as unknown as Redis,
      prefix,
      keys: async (pattern) => [...(await cluster().keysByMaster(pattern.replace(/\*$/, ''))).values()].flat(),
      close: async () => {
        await cluster().deletePrefix(prefix);
        a.disconnect();
        b.disconnect();
      },
    };
  };
  describe('RedisCustomerStore', () => customerStoreContract(pair));
  describe('LinkVerification', () => linkVerificationContract(pair));
});
