import Redis from 'ioredis';
import { RedisConversationStore } from '../../src/conversations/redisConversationStore';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { conversationStoreContract } from './conversationStore.contract';

describeWithRedis('ConversationStore on a real Redis server', () => {
  conversationStoreContract(async () => {
    const prefix = uniquePrefix('store');
    const a = new Redis(testRedisUrl, { keyPrefix: prefix });
    const b = new Redis(testRedisUrl, { keyPrefix: prefix });
    return {
      store: new RedisConversationStore(a),
      sibling: new RedisConversationStore(b),
      close: async () => {
        await deletePrefix(testRedisUrl, prefix);
        a.disconnect();
        b.disconnect();
      },
    };
  });
});
