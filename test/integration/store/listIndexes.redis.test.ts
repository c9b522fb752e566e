import Redis from 'ioredis';
import { listKeys } from '../../../src/conversations/conversationIndexes';
import { RedisConversationStore } from '../../../src/conversations/redisConversationStore';
import type { Conversation } from '../../../src/conversations/types';
import { createLogger } from '../../../src/logger';
import { allBuckets } from '../../../src/store/keys';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';

const T0 = Date.UTC(2025, 2, 6, 9);
const logger = createLogger('error');

describeWithRedis('list indexes on a real Redis server', () => {
  let prefix: string;
  let a: Redis;
  let b: Redis;
  let now: number;
  let store: RedisConversationStore;
  /** A second instance of Baton: its own connection and store object, the same data. */
  let sibling: RedisConversationStore;

  beforeEach(async () => {
    prefix = uniquePrefix('lists');
    a = new Redis(testRedisUrl, { keyPrefix: prefix });
    b = new Redis(testRedisUrl, { keyPrefix: prefix });
    now = T0;
    store = new RedisConversationStore(a, () => now);
    sibling = new RedisConversationStore(b, () => now);
    // A new store: nothing to backfill, lists read from the indexes at once.
    await store.backfillListIndexes(logger);
  });
  afterEach(async () => {
    await deletePrefix(testRedisUrl, prefix);
    a.disconnect();
    b.disconnect();
  });

  /** The ids a list's indexes hold (before the conversations are read and checked). */
  const indexed = (q: Parameters<RedisConversationStore['indexes']['list']>[0]) => store.indexes.list(q, async (ids) => ids);
  const inStatus = (status: Conversation['status']) => indexed({ status, limit: 500 });

  async function open(address: string, at = now): Promise<Conversation> {
    return (await store.findOrOpen({ channel: 'whatsapp', customerAddress: address, at })).conversation;
  }

  async function customerWrites(c: Conversation, text: string, at: number): Promise<void> {
    await store.appendMessage(c, { direction: 'inbound', author: 'customer', text, media: [], status: 'received', createdAt: at });
  }

  test('a conversation is in exactly its status list through bot, queued, assigned, resolved and back to bot', async () => {
    const c = await open('+919800000001');
    const where = async () => (await Promise.all((['bot', 'queued', 'assigned', 'resolved'] as const).map(async (s) => ((await inStatus(s)).includes(c.id) ? [s] : [])))).flat();
    expect(await where()).toEqual(['bot']);
    await store.transition(c.id, { from: ['bot'], to: 'queued', set: { team: 'care', queuedAt: now } });
    expect(await where()).toEqual(['queued']);
    await store.transition(c.id, { from: ['queued'], to: 'assigned', set: { assigneeId: 'ag_1' } });
    expect(await where()).toEqual(['assigned']);
    await store.transition(c.id, { from: ['assigned'], to: 'resolved', set: { resolvedAt: now } });
    expect(await where()).toEqual(['resolved']);
    await store.transition(c.id, { from: ['resolved'], to: 'bot', reopen: true, set: { assigneeId: null } });
    expect(await where()).toEqual(['bot']);
  });

  test('leaves the team and assignee lists it no longer belongs to', async () => {
    const c = await open('+919800000002');
    await store.transition(c.id, { from: ['bot'], to: 'queued', set: { team: 'care', queuedAt: now } });
    await store.transition(c.id, { from: ['queued'], to: 'assigned', set: { assigneeId: 'ag_1' } });
    await store.transition(c.id, { from: ['assigned'], to: 'queued', set: { team: 'sales', assigneeId: null, queuedAt: now } });
    expect(await indexed({ status: 'queued', team: 'care', limit: 10 })).toEqual([]);
    expect(await indexed({ status: 'assigned', assignee: 'ag_1', limit: 10 })).toEqual([]);
    expect(await indexed({ status: 'queued', team: 'sales', limit: 10 })).toEqual([c.id]);
  });

  test('lists a queue most urgent first, then longest waiting', async () => {
    const ids: string[] = [];
    for (const [n, priority, waited] of [[1, 'normal', 60], [2, 'urgent', 10], [3, 'normal', 600], [4, 'low', 900]] as const) {
      const c = await open(`+91980000010${n}`);
      await store.transition(c.id, { from: ['bot'], to: 'queued', set: { team: 'care', priority, queuedAt: now - waited * 1000 } });
      ids.push(c.id);
    }
    const listed = await store.list({ status: 'queued', team: 'care' });
    expect(listed.map((c) => c.id)).toEqual([ids[1], ids[2], ids[0], ids[3]]);
  });

  test('moves a conversation to the top of its list when the customer writes', async () => {
    const older = await open('+919800000201', now - 10_000);
    const newer = await open('+919800000202', now - 5_000);
    expect(await indexed({ status: 'bot', limit: 10 })).toEqual([newer.id, older.id]);
    await customerWrites(older, 'still there?', now);
    expect(await indexed({ status: 'bot', limit: 10 })).toEqual([older.id, newer.id]);
  });

  test('a message puts a conversation back in its lists when they were lost after this instance last wrote them', async () => {
    const c = await open('+919800000203', now - 10_000);
    await customerWrites(c, 'hello', now - 5_000);
    await a.del(...allBuckets().flatMap((n) => [listKeys.placed(n), listKeys.byUpdate(n, 'bot', 'all')]));
    await customerWrites(c, 'anyone there?', now);
    expect(await indexed({ status: 'bot', limit: 10 })).toEqual([c.id]);
  });

  test('a message appended with indexLater has moved its conversation up its lists once its indexed promise resolves', async () => {
    const older = await open('+919800000207', now - 10_000);
    const newer = await open('+919800000208', now - 5_000);
    const appended = await store.appendMessage(older, { direction: 'inbound', author: 'customer', text: 'still there?', media: [], status: 'received', createdAt: now }, { indexLater: true });
    await appended.indexed;
    expect(await indexed({ status: 'bot', limit: 10 })).toEqual([older.id, newer.id]);
  });

  test('a message appended with indexLater whose lists were lost is placed again once its indexed promise resolves', async () => {
    const c = await open('+919800000209', now - 10_000);
    await customerWrites(c, 'hello', now - 5_000);
    await a.del(...allBuckets().flatMap((n) => [listKeys.placed(n), listKeys.byUpdate(n, 'bot', 'all')]));
    const appended = await store.appendMessage(c, { direction: 'inbound', author: 'customer', text: 'anyone there?', media: [], status: 'received', createdAt: now }, { indexLater: true });
    await appended.indexed;
    expect(await indexed({ status: 'bot', limit: 10 })).toEqual([c.id]);
  });

  test('a duplicate appended with indexLater has no index writes to wait for', async () => {
    const c = await open('+919800000210', now - 10_000);
    const m = { direction: 'inbound' as const, author: 'customer' as const, text: 'hello', media: [], status: 'received' as const, platformMessageId: 'SM-dup-1', createdAt: now };
    await store.appendMessage(c, m);
    const again = await store.appendMessage(c, m, { indexLater: true });
    expect(again.duplicate).toBe(true);
    expect(again.indexed).toBeUndefined();
  });

  test('a sibling that moved a conversation since this instance last wrote it is not undone by a message', async () => {
    const c = await open('+919800000204', now - 10_000);
    await customerWrites(c, 'hello', now - 5_000);
    const queued = await sibling.transition(c.id, { from: ['bot'], to: 'queued', set: { team: 'care', queuedAt: now - 1000 } });
    expect(queued.ok).toBe(true);
    await customerWrites(c, 'still waiting', now);
    expect(await indexed({ status: 'bot', limit: 10 })).toEqual([]);
    expect(await indexed({ status: 'queued', limit: 10 })).toEqual([c.id]);
  });

  test('a removed conversation leaves every list and queue it was in', async () => {
    const c = await open('+919800000205', now - 10_000);
    const kept = await open('+919800000206', now - 9_000);
    await store.transition(c.id, { from: ['bot'], to: 'queued', set: { team: 'care', queuedAt: now - 1000 } });
    await store.remove(c.id);
    expect(await indexed({ status: 'queued', limit: 10 })).toEqual([]);
    expect(await indexed({ status: 'queued', team: 'care', limit: 10 })).toEqual([]);
    expect(await indexed({ status: 'bot', limit: 10 })).toEqual([kept.id]);
    expect(await store.queueStats('care')).toEqual({ length: 0 });
  });

  test('a list longer than the first page read of each bucket comes out whole, newest first', async () => {
    const convs = await Promise.all(Array.from({ length: 300 }, (_, i) => open(`+9198100${String(i).padStart(5, '0')}`, now + i * 1000)));
    const newest = convs.map((c) => c.id).reverse();
    // 60 of 300: each bucket's first read is 12 of its ~19 (see ConversationIndexes.list); most are read twice.
    expect(await indexed({ status: 'bot', limit: 60 })).toEqual(newest.slice(0, 60));
    expect(await indexed({ status: 'bot', limit: 300 })).toEqual(newest);
  });

  test('a late index step of an earlier transition does not undo a later one', async () => {
    const c = await open('+919800000301');
    const queued = await store.transition(c.id, { from: ['bot'], to: 'queued', set: { team: 'care', queuedAt: now } });
    now += 1000;
    await store.transition(c.id, { from: ['queued'], to: 'assigned', set: { assigneeId: 'ag_1' } });
    // The queued transition's step, delayed (another instance, a slow network), arrives last.
    await sibling.indexes.place(c.id, queued.ok ? queued.conversation : c);
    expect(await inStatus('queued')).toEqual([]);
    expect(await inStatus('assigned')).toEqual([c.id]);
  });

  test('a transition applied after a newer message keeps the message time as the list score', async () => {
    const c = await open('+919800000401', now);
    const before = await store.get(c.id);
    // A message at now + 5 s is indexed first; the transition decided at now + 1 s lands after it.
    await customerWrites(c, 'hello?', now + 5000);
    await store.indexes.place(c.id, { ...before!, ownerToken: 1, status: 'queued', team: 'care', updatedAt: now + 1000, queuedAt: now + 1000 });
    const [bucketScore] = await Promise.all(
      allBuckets().map((bk) => a.zscore(listKeys.byUpdate(bk, 'queued', 'all'), c.id)),
    ).then((scores) => scores.filter((s) => s !== null));
    expect(Number(bucketScore)).toBe(now + 5000);
  });

  test('two instances moving the same conversation at once leave it only where its state says', async () => {
    const convs = await Promise.all(Array.from({ length: 20 }, (_, i) => open(`+91980000050${String(i).padStart(2, '0')}`)));
    await Promise.all(convs.map((c, i) => (i % 2 ? store : sibling).transition(c.id, { from: ['bot'], to: 'queued', set: { team: 'care', queuedAt: now } })));
    await Promise.all(
      convs.flatMap((c, i) => [
        (i % 2 ? sibling : store).transition(c.id, { from: ['queued'], to: 'assigned', set: { assigneeId: 'ag_1' } }),
        (i % 2 ? store : sibling).appendMessage(c, { direction: 'inbound', author: 'customer', text: 'hi', media: [], status: 'received', createdAt: now + 10 }),
      ]),
    );
    const states = await Promise.all(convs.map((c) => store.get(c.id)));
    const assigned = states.filter((c) => c!.status === 'assigned').map((c) => c!.id).sort();
    expect((await inStatus('assigned')).sort()).toEqual(assigned);
    expect((await inStatus('queued')).sort()).toEqual(states.filter((c) => c!.status === 'queued').map((c) => c!.id).sort());
  });

  test('an agent reads only the lists of their teams and what they hold', async () => {
    const care = await open('+919800000601');
    const sales = await open('+919800000602');
    const mineInSales = await open('+919800000603');
    await store.transition(care.id, { from: ['bot'], to: 'queued', set: { team: 'care', queuedAt: now } });
    await store.transition(sales.id, { from: ['bot'], to: 'queued', set: { team: 'sales', queuedAt: now } });
    await store.transition(mineInSales.id, { from: ['bot'], to: 'assigned', set: { team: 'sales', assigneeId: 'ag_care' } });
    expect(await indexed({ status: 'queued', scope: { teams: ['care'], agentId: 'ag_care' }, limit: 10 })).toEqual([care.id]);
    expect(await indexed({ status: 'assigned', scope: { teams: ['care'], agentId: 'ag_care' }, limit: 10 })).toEqual([mineInSales.id]);
  });

  test('a list checks each conversation it reads: one whose index step is still on its way is not listed', async () => {
    const c = await open('+919800000701');
    const queued = await store.transition(c.id, { from: ['bot'], to: 'queued', set: { team: 'care', queuedAt: now } });
    // The hash moves on (another instance's script) before its index step runs.
    await a.hset(`conv:{${c.id}}`, 'status', 'assigned', 'assigneeId', 'ag_1');
    expect(await indexed({ status: 'queued', limit: 10 })).toEqual([c.id]);
    expect(await store.list({ status: 'queued' })).toEqual([]);
    expect(queued.ok).toBe(true);
  });

  test('gives a team queue its length and oldest queued time without reading conversations', async () => {
    for (const [n, waited] of [[1, 60], [2, 600]] as const) {
      const c = await open(`+91980000080${n}`);
      await store.transition(c.id, { from: ['bot'], to: 'queued', set: { team: 'care', priority: n === 1 ? 'urgent' : 'normal', queuedAt: now - waited * 1000 } });
    }
    expect(await sibling.queueStats('care')).toEqual({ length: 2, oldestQueuedAt: now - 600_000 });
    expect(await sibling.queueStats('sales')).toEqual({ length: 0 });
  });

  describe('backfill of conversations written before the indexes', () => {
    /** Conversations as a store before this change left them: no list index at all. */
    async function legacyConversations(): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) {
        const c = await open(`+9198000009${String(i).padStart(2, '0')}`, now + i);
        if (i % 3 === 0) await store.transition(c.id, { from: ['bot'], to: 'queued', set: { team: 'care', queuedAt: now + i } });
        ids.push(c.id);
      }
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, found] = await a.scan(cursor, 'MATCH', `${prefix}lists:*`, 'COUNT', 1000);
        cursor = next;
        keys.push(...found.map((k) => k.slice(prefix.length)));
      } while (cursor !== '0');
      if (keys.length) await a.del(...keys);
      return ids;
    }

    test('places every conversation in its lists', async () => {
      const ids = await legacyConversations();
      expect(await store.backfillListIndexes(logger)).toBe(30);
      expect((await inStatus('queued')).sort()).toEqual(ids.filter((_, i) => i % 3 === 0).sort());
      expect((await inStatus('bot')).length).toBe(20);
    });

    test('lists are read the old way until the backfill is done', async () => {
      const ids = await legacyConversations();
      const fresh = new RedisConversationStore(new Redis(testRedisUrl, { keyPrefix: prefix }), () => now);
      expect((await fresh.list({ status: 'queued' })).map((c) => c.id).sort()).toEqual(ids.filter((_, i) => i % 3 === 0).sort());
    });

    test('runs on one instance only, and once', async () => {
      await legacyConversations();
      const [one, two] = await Promise.all([store.backfillListIndexes(logger), sibling.backfillListIndexes(logger)]);
      expect([one, two].sort()).toEqual([30, null]);
      expect(await store.backfillListIndexes(logger)).toBeNull();
    });
  });
});
