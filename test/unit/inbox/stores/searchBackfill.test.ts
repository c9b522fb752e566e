import { FactStore } from '../../../../src/conversations/factStore';
import { RedisConversationStore } from '../../../../src/conversations/redisConversationStore';
import { createLogger } from '../../../../src/logger';
import { backfillSearchIndex } from '../../../../src/inbox/search/backfill';
import { SearchIndex } from '../../../../src/inbox/search/searchIndex';
import { memoryHarness, withHarness } from './harness';

const logger = createLogger('error');

describe('indexing the conversations written before the search index existed', () => {
  const h = withHarness(memoryHarness);

  async function oldConversation() {
    const store = new RedisConversationStore(h().client);
    const facts = new FactStore(h().client);
    const { conversation } = await store.findOrOpen({ channel: 'whatsapp', customerAddress: 'whatsapp:+919876500011', customerName: 'Kavya' });
    const { message } = await store.appendMessage(conversation, { direction: 'inbound', author: 'customer', text: 'my blender arrived cracked', media: [], status: 'received', platformMessageId: 'SM1' });
    await facts.record(conversation.id, message, [{ kind: 'order_number', value: 'SG-300400', verified: true, span: { start: 0, end: 9 } }]);
    const deps = {
      redis: h().client,
      search: new SearchIndex(h().client),
      conversations: (limit: number) => store.list({ limit }),
      messages: (id: string, limit: number) => store.listMessages(id, { limit }),
      facts: (id: string) => facts.list(id),
      logger,
    };
    return { conversation, deps };
  }

  test('finds them by order number, phone and words afterwards', async () => {
    const { conversation, deps } = await oldConversation();
    expect(await deps.search.find('SG-300400', 10)).toEqual([]);
    expect(await backfillSearchIndex(deps)).toBe(1);
    expect((await deps.search.find('SG-300400', 10)).map((c) => c.conversationId)).toEqual([conversation.id]);
    expect((await deps.search.find('98765 00011', 10)).map((c) => c.conversationId)).toEqual([conversation.id]);
    expect((await deps.search.find('blender cracked', 10)).map((c) => c.conversationId)).toEqual([conversation.id]);
  });

  test('runs once per store', async () => {
    const { deps } = await oldConversation();
    expect(await backfillSearchIndex(deps)).toBe(1);
    expect(await backfillSearchIndex(deps)).toBeNull();
  });
});
