import { createLogger } from '../../../../src/logger';
import type { LiveEventEnvelope } from '../../../../src/inbox/contracts';
import type { RedisLike } from '../../../../src/inbox/redisLike';
import { compareStreamIds } from '../../../../src/inbox/events/streamIds';
import { RedisEventBus } from '../../../../src/inbox/events/redisEventBus';
import { withHarness, type MakeHarness } from './harness';

const logger = createLogger('error');
const presence = (agentId: string) => ({ type: 'agent.presence' as const, agentId, presence: 'online' as const });

function nextEnvelope(bus: RedisEventBus): Promise<LiveEventEnvelope> {
  return new Promise((resolve) => {
    let off: (() => void) | undefined;
    void bus
      .subscribe((e) => {
        off?.();
        resolve(e);
      })
      .then((o) => (off = o));
  });
}

export function eventBusContract(make: MakeHarness): void {
  const h = withHarness(make);
  const buses: RedisEventBus[] = [];
  const bus = (conn: RedisLike, maxLength?: number) => {
    const b = new RedisEventBus(conn, logger, maxLength ? { maxLength } : {});
    buses.push(b);
    return b;
  };
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((b) => b.close()));
  });

  test('delivers an event published on one instance to a listener on another', async () => {
    const a = bus(h());
    const b = bus(h().sibling());
    const received = nextEnvelope(b);
    await b.subscribe(() => undefined); // make sure b is subscribed before publishing
    const sent = await a.publishEnvelope(presence('ag_1'));
    await expect(received).resolves.toEqual(sent);
    expect(sent.id).toMatch(/^\d+-\d+$/);
  });

  test('uses one subscriber connection per instance however many listeners', async () => {
    const duplicate = jest.fn(() => h().duplicate());
    const b = bus({ client: h().client, duplicate, embedded: h().embedded });
    await b.subscribe(() => undefined);
    await b.subscribe(() => undefined);
    expect(duplicate).toHaveBeenCalledTimes(1);
    expect(b.listenerCount).toBe(2);
  });

  test('stops calling a listener after it unsubscribes', async () => {
    const a = bus(h());
    const seen: string[] = [];
    const off = await a.subscribe((e) => seen.push(e.id));
    const last = nextEnvelope(a);
    const first = await a.publishEnvelope(presence('ag_1'));
    await last;
    off();
    const second = nextEnvelope(a);
    await a.publishEnvelope(presence('ag_2'));
    await second;
    expect(seen).toEqual([first.id]);
  });

  test('returns the events after a given id, oldest first, excluding it', async () => {
    const a = bus(h());
    const e1 = await a.publishEnvelope(presence('ag_1'));
    const e2 = await a.publishEnvelope(presence('ag_2'));
    const e3 = await a.publishEnvelope(presence('ag_3'));
    const b = bus(h().sibling());
    expect(await b.since(e1.id)).toEqual([e2, e3]);
    expect(await b.since(e3.id)).toEqual([]);
    expect(await b.oldestId()).toBe(e1.id);
  });

  test('respects the replay limit', async () => {
    const a = bus(h());
    const e1 = await a.publishEnvelope(presence('ag_1'));
    const e2 = await a.publishEnvelope(presence('ag_2'));
    await a.publishEnvelope(presence('ag_3'));
    expect(await a.since(e1.id, 1)).toEqual([e2]);
  });

  test('keeps ids increasing after trimming', async () => {
    const a = bus(h(), 5);
    let last = await a.publishEnvelope(presence('ag_0'));
    for (let i = 1; i < 20; i++) {
      const next = await a.publishEnvelope(presence(`ag_${i}`));
      expect(compareStreamIds(next.id, last.id)).toBeGreaterThan(0);
      last = next;
    }
  });

  test('trims the stream to about its maximum length', async () => {
    const a = bus(h(), 10);
    for (let i = 0; i < 250; i++) await a.publish(presence(`ag_${i}`));
    const length = await h().client.xlen('events');
    expect(length).toBeGreaterThanOrEqual(10);
    expect(length).toBeLessThan(250);
    const ids = (await a.since('0-0')).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
}
