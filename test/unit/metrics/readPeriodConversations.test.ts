import type { Conversation } from '../../../src/conversations/types';
import { readPeriodConversations } from '../../../src/metrics/dashboard/readPeriodConversations';

const H = 3_600_000;
const FROM = Date.UTC(2025, 2, 1);

/** A store of `n` conversations, one an hour, newest-updated first, counting list() calls. */
function fakeStore(updatedAts: number[]) {
  const all = updatedAts
    .map(
      (t, i): Conversation => ({
        id: `c${i}`,
        ownerToken: 0,
        channel: 'whatsapp',
        customerAddress: `a${i}`,
        status: 'bot',
        createdAt: t,
        updatedAt: t,
        messageCount: 0,
      }),
    )
    .sort((a, b) => b.updatedAt - a.updatedAt);
  const limits: number[] = [];
  return {
    limits,
    async list(q: { limit?: number } = {}) {
      limits.push(q.limit ?? 100);
      return all.slice(0, q.limit ?? 100);
    },
  };
}

const hourly = (count: number, newest: number) => Array.from({ length: count }, (_, i) => newest - i * H);

describe('readPeriodConversations', () => {
  test('reads everything in one go when the store holds less than the first read', async () => {
    const store = fakeStore(hourly(50, FROM + 10 * H));
    const r = await readPeriodConversations(store, FROM, { firstRead: 100 });
    expect(r).toMatchObject({ scanned: 50, truncated: false });
    expect(store.limits).toEqual([101]);
  });

  test('reads four times more each time until the oldest read was updated before the period and the slack', async () => {
    // 300 hourly conversations from FROM + 100h back: the period and the 24h slack hold the first 125.
    const store = fakeStore(hourly(300, FROM + 100 * H));
    const r = await readPeriodConversations(store, FROM, { firstRead: 10 });
    expect(store.limits).toEqual([11, 41, 161]);
    expect(r.truncated).toBe(false);
    expect(r.conversations.filter((c) => c.createdAt >= FROM)).toHaveLength(101);
  });

  test('keeps reading while the oldest read could still be in the period', async () => {
    const store = fakeStore(hourly(30, FROM + 100 * H));
    const r = await readPeriodConversations(store, FROM, { firstRead: 10 });
    expect(store.limits).toEqual([11, 41]);
    expect(r).toMatchObject({ scanned: 30, truncated: false });
  });

  test('stops at the cap and says the result is truncated', async () => {
    const store = fakeStore(hourly(500, FROM + 1000 * H));
    const r = await readPeriodConversations(store, FROM, { firstRead: 10, cap: 100 });
    expect(store.limits).toEqual([11, 41, 101]);
    expect(r).toMatchObject({ scanned: 100, truncated: true });
  });

  test('is not truncated when the store holds exactly the cap', async () => {
    const store = fakeStore(hourly(100, FROM + 1000 * H));
    const r = await readPeriodConversations(store, FROM, { firstRead: 10, cap: 100 });
    expect(r).toMatchObject({ scanned: 100, truncated: false });
  });
});
