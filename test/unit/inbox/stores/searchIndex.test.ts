import { describeWithRedis } from '../../../support/redis';
import { searchKeys } from '../../../../src/inbox/search/searchKeys';
import { DEFAULT_REFRESH_MS, MAX_PER_EXACT, MAX_PER_WORD, SearchIndex, WORD_CHUNK, WORD_CHUNKS } from '../../../../src/inbox/search/searchIndex';
import { searchIndexed } from '../../../../src/inbox/search/indexing';
import { packIndexMember } from '../../../../src/inbox/search/indexMember';
import type { Message } from '../../../../src/conversations/types';
import type { Conversation } from '../../../../src/conversations/types';
import { describeWithRedisCluster, useRedisCluster } from '../../../support/redisServers';
import { clusterHarness, memoryHarness, realHarness, withHarness, type MakeHarness } from './harness';

const T0 = Date.parse('2026-03-01T09:00:00Z');

function conversation(id: string, over: Partial<Conversation> = {}): Conversation {
  return { id, ownerToken: 0, channel: 'whatsapp', customerAddress: `whatsapp:+9198${id.replace(/\D/g, '').padStart(8, '0')}`, status: 'bot', createdAt: T0, updatedAt: T0, messageCount: 1, ...over };
}

function searchIndexContract(make: MakeHarness): void {
  const h = withHarness(make);
  const index = () => new SearchIndex(h().client, { retentionDays: 30 });

  test('finds a conversation by an order number fact, and by the phone of its WhatsApp address', async () => {
    await index().indexFacts('c1', T0, [{ kind: 'order_number', value: 'SG-482913' }]);
    await index().indexMessage(conversation('c1', { customerAddress: 'whatsapp:+919876543210' }), { text: 'where is it', createdAt: T0 });
    expect(await index().find('sg 482913', 10)).toEqual([{ conversationId: 'c1', match: 'order', at: T0 }]);
    expect((await index().find('98765 43210', 10)).map((c) => [c.conversationId, c.match])).toEqual([['c1', 'phone']]);
  });

  test('needs every word of the query, newest conversation first', async () => {
    await index().indexMessage(conversation('c1'), { text: 'my tv screen is broken', createdAt: T0 });
    await index().indexMessage(conversation('c2'), { text: 'the screen of my phone is broken', createdAt: T0 + 1000 });
    await index().indexMessage(conversation('c3'), { text: 'tv remote missing', createdAt: T0 + 2000 });
    expect((await index().find('broken screen', 10)).map((c) => c.conversationId)).toEqual(['c2', 'c1']);
  });

  test(`keeps only the newest ${MAX_PER_EXACT} conversations of one exact value`, async () => {
    for (let i = 0; i < MAX_PER_EXACT + 5; i++) await index().indexFacts(`c${i}`, T0 + i, [{ kind: 'email', value: 'shared@example.in' }]);
    const key = searchKeys.exact('email', 'shared@example.in');
    expect(await h().client.zcard(key)).toBe(MAX_PER_EXACT);
    expect(await h().client.zscore(key, 'c0')).toBeNull();
    expect(await h().client.zscore(key, `c${MAX_PER_EXACT + 4}`)).not.toBeNull();
  });

  test('every entry expires after the retention period unless written again', async () => {
    await index().indexMessage(conversation('c1'), { text: 'refund please', createdAt: T0 });
    const ttl = await h().client.pttl(searchKeys.word('refund'));
    expect(ttl).toBeGreaterThan(29 * 24 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(30 * 24 * 3600_000);
  });

  test('a word whose set is full narrows nothing and is skipped next to a rarer one', async () => {
    const common = searchKeys.word('order');
    for (let i = 0; i < MAX_PER_WORD; i++) await h().client.zadd(common, T0 + i, `other${i}`);
    await index().indexMessage(conversation('c9'), { text: 'order parcel lost', createdAt: T0 - 10 });
    // c9 fell off the common word's set (it keeps the newest) but is found by the rare one.
    expect(await h().client.zscore(common, 'c9')).toBeNull();
    expect((await index().find('order lost', 10)).map((c) => c.conversationId)).toEqual(['c9']);
  });

  test(`a common word keeps its newest ${MAX_PER_WORD} conversations, no chunk of it holding more than ${WORD_CHUNK}`, async () => {
    const one = new SearchIndex(h().client, { flushDelayMs: 0 });
    for (let batch = 0; batch < 3; batch++) {
      await Promise.all(Array.from({ length: 180 }, (_, i) => one.indexMessage(conversation(`c${batch * 180 + i}`), { text: 'refund', createdAt: T0 + batch * 180 + i })));
    }
    const chunks = searchKeys.wordChunks('refund', WORD_CHUNKS);
    const sizes = await Promise.all(chunks.map((k) => h().client.zcard(k)));
    expect(sizes).toEqual(Array.from({ length: WORD_CHUNKS }, () => WORD_CHUNK));
    const found = await one.find('refund', 1000);
    expect(found).toHaveLength(MAX_PER_WORD);
    expect(found[0]!.conversationId).toBe('c539');
    expect(found.at(-1)!.conversationId).toBe(`c${540 - MAX_PER_WORD}`);
  });

  test('a conversation written again moves to the first chunk of a word and is found once', async () => {
    const one = new SearchIndex(h().client, { flushDelayMs: 0 });
    await Promise.all(Array.from({ length: WORD_CHUNK + 10 }, (_, i) => one.indexMessage(conversation(`c${i}`), { text: 'refund', createdAt: T0 + i })));
    const [first, second] = searchKeys.wordChunks('refund', WORD_CHUNKS);
    expect(await h().client.zscore(second!, 'c0')).toBe(String(T0));
    await one.indexMessage(conversation('c0'), { text: 'refund again', createdAt: T0 + 1000 });
    expect(await h().client.zscore(second!, 'c0')).toBeNull();
    expect(await h().client.zscore(first!, 'c0')).toBe(String(T0 + 1000));
    const found = await one.find('refund', 1000);
    expect(found.filter((c) => c.conversationId === 'c0')).toEqual([{ conversationId: 'c0', match: 'words', at: T0 + 1000 }]);
    expect(found).toHaveLength(WORD_CHUNK + 10);
  });

  test(`with one set per word (the embedded store), a word keeps its newest ${MAX_PER_WORD} conversations in that set`, async () => {
    const one = new SearchIndex(h().client, { flushDelayMs: 0, oneSetPerWord: true });
    await Promise.all(Array.from({ length: MAX_PER_WORD + 5 }, (_, i) => one.indexMessage(conversation(`c${i}`), { text: 'refund', createdAt: T0 + i })));
    const [first, second] = searchKeys.wordChunks('refund', WORD_CHUNKS);
    expect(await h().client.zcard(first!)).toBe(MAX_PER_WORD);
    expect(await h().client.exists(second!)).toBe(0);
    expect(await h().client.zscore(first!, 'c4')).toBeNull();
    expect(await one.find('refund', 1000)).toHaveLength(MAX_PER_WORD);
  });

  test('a word set written before the chunks is spread over them on its next write, and every conversation in it is still found', async () => {
    const old = searchKeys.word('refund');
    for (let i = 0; i < 300; i++) await h().client.zadd(old, T0 + i, `old${i}`);
    await index().indexMessage(conversation('c1'), { text: 'refund', createdAt: T0 + 1000 });
    const sizes = await Promise.all(searchKeys.wordChunks('refund', WORD_CHUNKS).map((k) => h().client.zcard(k)));
    expect(sizes.every((n) => n <= WORD_CHUNK)).toBe(true);
    const found = await index().find('refund', 1000);
    expect(found).toHaveLength(301);
    expect(found[0]!.conversationId).toBe('c1');
  });

  test("forgetting a conversation takes it out of every chunk of its words", async () => {
    const one = new SearchIndex(h().client, { flushDelayMs: 0 });
    await Promise.all(Array.from({ length: WORD_CHUNK + 10 }, (_, i) => one.indexMessage(conversation(`c${i}`), { text: 'refund', createdAt: T0 + i })));
    await one.forget(conversation('c0'), [{ author: 'customer', text: 'refund' }], []);
    expect((await one.find('refund', 1000)).map((c) => c.conversationId)).not.toContain('c0');
  });

  test('the writes of several messages gathered in one flush each keep their conversation and time', async () => {
    const one = index();
    await Promise.all([
      one.indexMessage(conversation('c1'), { text: 'refund for my kettle', createdAt: T0 }),
      one.indexMessage(conversation('c2'), { text: 'refund for my toaster', createdAt: T0 + 5 }),
      one.indexMessage(conversation('c1'), { text: 'refund now', createdAt: T0 + 9 }),
    ]);
    expect(await h().client.zrevrange(searchKeys.word('refund'), 0, -1, 'WITHSCORES')).toEqual(['c1', String(T0 + 9), 'c2', String(T0 + 5)]);
    expect((await one.find('kettle refund', 10)).map((c) => c.conversationId)).toEqual(['c1']);
  });

  test('a flush with more members than one script call carries writes every one of them', async () => {
    const one = new SearchIndex(h().client, { flushDelayMs: 0 });
    await Promise.all(Array.from({ length: 300 }, (_, i) => one.indexMessage(conversation(`c${i}`), { text: `parcel refund word${i % 7}`, createdAt: T0 + i })));
    expect(await one.find('parcel refund', 1000)).toHaveLength(300);
    expect((await one.find('word3 refund', 1000)).map((c) => c.conversationId)).toEqual(Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 7 === 3).reverse().map((i) => `c${i}`));
    const sizes = await Promise.all(searchKeys.wordChunks('parcel', WORD_CHUNKS).map((k) => h().client.zcard(k)));
    expect(sizes).toEqual([WORD_CHUNK, WORD_CHUNK, 50, 0]);
  });

  test("the customer's name and address are written again only once the refresh time has passed", async () => {
    const one = index();
    const c1 = conversation('c1', { customerAddress: 'whatsapp:+919876543210', customerName: 'Kavya Rao' });
    await one.indexMessage(c1, { text: 'hello', createdAt: T0 });
    await one.indexMessage(c1, { text: 'anyone there', createdAt: T0 + 60_000 });
    const phone = searchKeys.exact('phone', '9876543210');
    expect(await h().client.zscore(phone, 'c1')).toBe(String(T0));
    expect(await h().client.zscore(searchKeys.word('kavya'), 'c1')).toBe(String(T0));
    await one.indexMessage(c1, { text: 'still waiting', createdAt: T0 + DEFAULT_REFRESH_MS + 1 });
    expect(await h().client.zscore(phone, 'c1')).toBe(String(T0 + DEFAULT_REFRESH_MS + 1));
    expect(await h().client.zscore(searchKeys.word('kavya'), 'c1')).toBe(String(T0 + DEFAULT_REFRESH_MS + 1));
  });

  test("a WhatsApp customer is found by the whole number as typed, with one exact entry for it", async () => {
    await index().indexMessage(conversation('c1', { customerAddress: 'whatsapp:+919876543210' }), { text: 'hello', createdAt: T0 });
    expect((await index().find('+919876543210', 10)).map((c) => [c.conversationId, c.match])).toEqual([['c1', 'phone']]);
    expect(await h().client.exists(searchKeys.exact('address', '+919876543210'))).toBe(0);
  });

  test('forgetting a conversation also takes it out of the address entry versions before wrote beside the phone', async () => {
    const c1 = conversation('c1', { customerAddress: 'whatsapp:+919876543210' });
    await h().client.zadd(searchKeys.exact('address', '+919876543210'), T0, 'c1');
    await index().indexMessage(c1, { text: 'hello', createdAt: T0 });
    await index().forget(c1, [{ author: 'customer', text: 'hello' }], []);
    expect(await h().client.zscore(searchKeys.exact('address', '+919876543210'), 'c1')).toBeNull();
    expect(await index().find('+919876543210', 10)).toEqual([]);
  });

  test('a conversation id as newId writes it is kept packed, and found by its whole id', async () => {
    const id = 'c_mxcf6xad_fc70ef5fef';
    await index().indexMessage(conversation(id), { text: 'kettle leaking', createdAt: T0 });
    expect(await h().client.zrange(searchKeys.word('kettle'), 0, -1)).toEqual([packIndexMember(id)]);
    expect(await index().find('kettle', 10)).toEqual([{ conversationId: id, match: 'words', at: T0 }]);
  });

  test('a conversation indexed under its whole id before is found once, at its newest, and forgetting it removes both', async () => {
    const id = 'c_mxcf6xad_fc70ef5fef';
    await h().client.zadd(searchKeys.word('kettle'), T0, id);
    await index().indexMessage(conversation(id), { text: 'kettle leaking', createdAt: T0 + 1000 });
    expect(await index().find('kettle', 10)).toEqual([{ conversationId: id, match: 'words', at: T0 + 1000 }]);
    await index().forget(conversation(id), [{ author: 'customer', text: 'kettle leaking' }], []);
    expect(await h().client.zcard(searchKeys.word('kettle'))).toBe(0);
  });

  test('a customer message is recorded without waiting for the index, and indexed by the next flush', async () => {
    const slow = new SearchIndex(h().client, { flushDelayMs: 60_000 });
    const recorded: string[] = [];
    const record = searchIndexed(slow, async (_c, m) => void recorded.push(m.id));
    const message = { id: 'm1', author: 'customer', text: 'blender cracked', createdAt: T0 } as Message;
    await record(conversation('c1'), message);
    expect(recorded).toEqual(['m1']);
    expect(await h().client.zscore(searchKeys.word('blender'), 'c1')).toBeNull();
    await slow.flush();
    expect(await h().client.zscore(searchKeys.word('blender'), 'c1')).toBe(String(T0));
  });
}

describe('SearchIndex on the embedded store (ioredis-mock)', () => searchIndexContract(memoryHarness));
describeWithRedis('SearchIndex on a real Redis server', () => {
  searchIndexContract(realHarness);

  describe('memory', () => {
    const h = withHarness(realHarness);
    test("a full word's chunks stay in Redis's compact encoding (listpack)", async () => {
      const one = new SearchIndex(h().client, { flushDelayMs: 0 });
      await Promise.all(Array.from({ length: MAX_PER_WORD + 20 }, (_, i) => one.indexMessage(conversation(`c${i}`), { text: 'refund', createdAt: T0 + i })));
      // OBJECT's key is not prefixed by ioredis: the prefix is added here.
      const encodings = await Promise.all(searchKeys.wordChunks('refund', WORD_CHUNKS).map((k) => h().client.object('ENCODING', `${h().client.options.keyPrefix ?? ''}${k}`)));
      expect(encodings).toEqual(Array.from({ length: WORD_CHUNKS }, () => 'listpack'));
    });
  });
});

/** On a 6-node Redis Cluster: a script whose keys are in two slots fails with CROSSSLOT. */
describeWithRedisCluster('SearchIndex on a Redis Cluster', () => searchIndexContract(clusterHarness(useRedisCluster())));
