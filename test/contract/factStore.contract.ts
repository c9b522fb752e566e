import type Redis from 'ioredis';
import { FactStore, factsKey, MAX_FACTS_PER_CONVERSATION } from '../../src/conversations/factStore';
import type { FactCandidate } from '../../src/nlu/facts';

const span = { start: 0, end: 1 };
const fact = (kind: FactCandidate['kind'], value: string, verified = true): FactCandidate => ({ kind, value, verified, span });
const at = (iso: string) => Date.parse(iso);

/** What the fact sheet must do on every store it runs on (real Redis, the embedded in-memory Redis). */
export function factStoreContract(open: () => Promise<{ redis: Redis; close: () => Promise<void> }>): void {
  let redis: Redis;
  let close: () => Promise<void>;
  let store: FactStore;

  beforeEach(async () => {
    ({ redis, close } = await open());
    store = new FactStore(redis);
  });
  afterEach(() => close());

  test('lists the facts of every message, newest message first, in message order within one', async () => {
    await store.record('c1', { id: 'm1', createdAt: at('2025-03-10T10:00:00Z') }, [fact('order_number', 'SG-482913'), fact('phone', '+919876543210')]);
    await store.record('c1', { id: 'm2', createdAt: at('2025-03-10T10:05:00Z') }, [fact('email', 'asha@example.com')]);
    expect(await store.list('c1')).toEqual([
      { kind: 'email', value: 'asha@example.com', verified: true, messageId: 'm2', at: '2025-03-10T10:05:00.000Z' },
      { kind: 'order_number', value: 'SG-482913', verified: true, messageId: 'm1', at: '2025-03-10T10:00:00.000Z' },
      { kind: 'phone', value: '+919876543210', verified: true, messageId: 'm1', at: '2025-03-10T10:00:00.000Z' },
    ]);
  });

  test('keeps one entry per kind and value, under its newest mention', async () => {
    await store.record('c1', { id: 'm1', createdAt: at('2025-03-10T10:00:00Z') }, [fact('email', 'Asha@Example.com')]);
    await store.record('c1', { id: 'm2', createdAt: at('2025-03-10T10:05:00Z') }, [fact('email', 'asha@example.com')]);
    expect(await store.list('c1')).toEqual([{ kind: 'email', value: 'asha@example.com', verified: true, messageId: 'm2', at: '2025-03-10T10:05:00.000Z' }]);
  });

  test('keeps one phone number read two ways as one fact, under its newest reading', async () => {
    await store.record('c1', { id: 'm1', createdAt: at('2025-03-10T10:00:00Z') }, [fact('phone', '03001234567', false)]);
    await store.record('c1', { id: 'm2', createdAt: at('2025-03-10T10:05:00Z') }, [fact('phone', '+923001234567')]);
    expect((await store.list('c1')).map((f) => [f.value, f.verified, f.messageId])).toEqual([['+923001234567', true, 'm2']]);
  });

  test('keeps a wrong-format value apart from the right one, marked unverified', async () => {
    await store.record('c1', { id: 'm1', createdAt: at('2025-03-10T10:00:00Z') }, [fact('order_number', 'SG-4829', false)]);
    await store.record('c1', { id: 'm2', createdAt: at('2025-03-10T10:01:00Z') }, [fact('order_number', 'SG-482913')]);
    expect((await store.list('c1')).map((f) => [f.value, f.verified])).toEqual([['SG-482913', true], ['SG-4829', false]]);
  });

  test('keeps the conversations apart', async () => {
    await store.record('c1', { id: 'm1', createdAt: at('2025-03-10T10:00:00Z') }, [fact('product', 'Washing machine')]);
    expect(await store.list('c2')).toEqual([]);
  });

  test(`keeps the newest ${MAX_FACTS_PER_CONVERSATION} facts of a conversation`, async () => {
    for (let i = 0; i < MAX_FACTS_PER_CONVERSATION + 10; i++) {
      await store.record('c1', { id: `m${i}`, createdAt: at('2025-03-10T10:00:00Z') + i * 1000 }, [fact('money', `INR ${i + 1}`)]);
    }
    const facts = await store.list('c1');
    expect(facts).toHaveLength(MAX_FACTS_PER_CONVERSATION);
    expect(facts[0]!.value).toBe(`INR ${MAX_FACTS_PER_CONVERSATION + 10}`);
    expect(facts.at(-1)!.value).toBe('INR 11');
    expect(await redis.hlen(factsKey('c1'))).toBe(MAX_FACTS_PER_CONVERSATION);
  });

  test('skips entries that do not read back as facts instead of failing', async () => {
    await store.record('c1', { id: 'm1', createdAt: at('2025-03-10T10:00:00Z') }, [fact('phone', '+919876543210')]);
    await redis.hset(factsKey('c1'), 'broken', '{not json', 'alien', JSON.stringify({ kind: 'ssn', value: 'x', verified: true, messageId: 'm', at: 'yesterday', n: 0 }));
    expect((await store.list('c1')).map((f) => f.value)).toEqual(['+919876543210']);
  });

  test('keeps a fact short enough for the compact encoding (64 bytes), the message of the conversation by its index', async () => {
    const conversationId = 'c_mxc8cljt_ab566d6933';
    await store.record(conversationId, { id: `m2.${conversationId}`, createdAt: at('2026-12-06T19:24:06.103Z') }, [fact('order_number', 'SG-480194')]);
    const [stored] = Object.values(await redis.hgetall(factsKey(conversationId)));
    expect(Buffer.byteLength(stored!)).toBeLessThanOrEqual(64);
    expect(await store.list(conversationId)).toEqual([{ kind: 'order_number', value: 'SG-480194', verified: true, messageId: `m2.${conversationId}`, at: '2026-12-06T19:24:06.103Z' }]);
  });

  test('reads facts stored in full by versions before, next to new ones', async () => {
    await redis.hset(factsKey('c1'), 'order_number:sg-480194', JSON.stringify({ kind: 'order_number', value: 'SG-480194', verified: false, messageId: 'm2.c1', at: '2025-03-10T10:00:00.000Z', n: 0 }));
    await store.record('c1', { id: 'm5.c1', createdAt: at('2025-03-10T10:05:00Z') }, [fact('email', 'asha@example.com', false)]);
    expect(await store.list('c1')).toEqual([
      { kind: 'email', value: 'asha@example.com', verified: false, messageId: 'm5.c1', at: '2025-03-10T10:05:00.000Z' },
      { kind: 'order_number', value: 'SG-480194', verified: false, messageId: 'm2.c1', at: '2025-03-10T10:00:00.000Z' },
    ]);
  });

  test('records nothing for a message without facts', async () => {
    await store.record('c1', { id: 'm1', createdAt: at('2025-03-10T10:00:00Z') }, []);
    expect(await redis.exists(factsKey('c1'))).toBe(0);
  });
}
