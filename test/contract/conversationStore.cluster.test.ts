import type Redis from 'ioredis';
import { RedisConversationStore } from '../../src/conversations/redisConversationStore';
import { describeWithRedisCluster, useRedisCluster } from '../support/redisServers';
import { uniquePrefix } from '../support/redis';
import { conversationStoreContract } from './conversationStore.contract';

/**
 * The same contract on a 6-node Redis Cluster (3 masters, 3 replicas): a script or MULTI that
 * touched keys of two slots would fail here with CROSSSLOT.
 */
describeWithRedisCluster('ConversationStore on a Redis Cluster', () => {
  const cluster = useRedisCluster();

  conversationStoreContract(async () => {
    const prefix = uniquePrefix('store');
    const a = cluster().client(prefix);
    const b = cluster().client(prefix);
    return {
      // Cluster speaks Redis's commands; the store is written against the Redis type.
      store: new RedisConversationStore(a as unknown as Redis),
      sibling: new RedisConversationStore(b as unknown as Redis),
      close: async () => {
        await cluster().deletePrefix(prefix);
        a.disconnect();
        b.disconnect();
      },
    };
  });
});
