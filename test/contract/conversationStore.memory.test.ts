import RedisMock from 'ioredis-mock';
import type Redis from 'ioredis';
import { RedisConversationStore } from '../../src/conversations/redisConversationStore';
import { conversationStoreContract } from './conversationStore.contract';

describe('ConversationStore on the embedded in-memory store', () => {
  conversationStoreContract(async () => {
    const a = new RedisMock({ keyPrefix: `mem${Math.random()}:` }) as unknown as Redis;
    // A second client on the same in-memory data, as a second instance would be.
    const b = (a as unknown as { duplicate(): Redis }).duplicate();
    await a.flushall();
    return {
      store: new RedisConversationStore(a),
      sibling: new RedisConversationStore(b),
      close: async () => {
        a.disconnect();
        b.disconnect();
      },
    };
  });
});
