import Redis from 'ioredis';
import RedisMock from 'ioredis-mock';
import { createLogger } from '../../../src/logger';
import { dedupeField, InboundQueue, laneKeys, type QueuedEvent } from '../../../src/inbound/inboundQueue';
import type { InboundMessageEvent } from '../../../src/conversations/types';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';

const logger = createLogger('error');

function msg(address: string, n: number): InboundMessageEvent {
  return {
    kind: 'message',
    channel: 'whatsapp',
    customerAddress: address,
    platformMessageId: `SM${address}-${n}`,
    timestamp: n,
    author: 'customer',
    text: `m${n}`,
    media: [],
    answerable: true,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Where the queue keeps its lanes: a real Redis server, or the embedded in-memory store. */
interface Backend {
  /** A new client on the same data (as another server instance would have), under the key prefix. */
  connect(prefix: string): Redis;
  cleanUp(prefix: string): Promise<void>;
}

const realRedis: Backend = {
  connect: (prefix) => new Redis(testRedisUrl, { keyPrefix: prefix }),
  cleanUp: (prefix) => deletePrefix(testRedisUrl, prefix),
};

let embeddedRoot: Redis | undefined;
const embedded: Backend = {
  connect: (prefix) => {
    embeddedRoot ??= new RedisMock() as unknown as Redis;
    // duplicate() shares the data; each client applies its own prefix.
    const c = (embeddedRoot as unknown as { duplicate(o?: object): Redis }).duplicate({ keyPrefix: prefix });
    return c;
  },
  cleanUp: async () => undefined,
};

describeWithRedis('InboundQueue across two instances sharing one Redis', () => inboundQueueBehaviour(realRedis));
describe('InboundQueue across two instances sharing the embedded store', () => inboundQueueBehaviour(embedded));

function inboundQueueBehaviour(backend: Backend): void {
  let prefix: string;
  const clients: Redis[] = [];
  const queues: InboundQueue[] = [];
  const connect = () => {
    const c = backend.connect(prefix);
    clients.push(c);
    return c;
  };
  const makeQueue = (handle: (e: QueuedEvent) => Promise<void>, extra: Partial<ConstructorParameters<typeof InboundQueue>[0]> = {}) => {
    const q = new InboundQueue({ redis: connect(), logger, handle, dedupeTtlSeconds: 60, ...extra });
    queues.push(q);
    return q;
  };

  beforeEach(() => {
    prefix = uniquePrefix('queue');
  });
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.stop(2000);
    await backend.cleanUp(prefix);
    for (const c of clients.splice(0)) c.disconnect();
  });

  test('handles one customer’s messages in arrival order even when two instances accept them', async () => {
    const seen: string[] = [];
    const slowHandle = async (e: QueuedEvent) => {
      await sleep(Math.random() * 5);
      if (e.kind === 'message') seen.push(e.text!);
    };
    const a = makeQueue(slowHandle);
    const b = makeQueue(slowHandle);
    for (let i = 0; i < 40; i++) await (i % 2 ? a : b).enqueue([msg('+911', i)]);
    for (let t = 0; t < 200 && seen.length < 40; t++) await sleep(25);
    await Promise.all([a.idle(), b.idle()]);
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => `m${i}`));
  });

  test('answers a retried delivery once, whichever instance receives the retry', async () => {
    const handled: string[] = [];
    const handle = async (e: QueuedEvent) => {
      if (e.kind === 'message') handled.push(e.platformMessageId);
    };
    const a = makeQueue(handle);
    const b = makeQueue(handle);
    const results = await Promise.all([a.enqueue([msg('+912', 1)]), b.enqueue([msg('+912', 1)]), a.enqueue([msg('+912', 1)])]);
    expect(results.map((r) => r.accepted).reduce((x, y) => x + y)).toBe(1);
    await sleep(100);
    await Promise.all([a.idle(), b.idle()]);
    expect(handled).toEqual(['SM+912-1']);
  });

  test('refuses a retried delivery after many other messages of the same customer, whose ids share one key', async () => {
    const q = makeQueue(async () => undefined);
    for (let i = 1; i <= 40; i++) expect((await q.enqueue([msg('+91d', i)])).accepted).toBe(1);
    expect(await q.enqueue([msg('+91d', 1), msg('+91d', 17), msg('+91d', 40)])).toEqual({ accepted: 0, duplicates: 3 });
    const raw = connect();
    expect(await raw.hlen(laneKeys.dedupeIds('whatsapp:+91d'))).toBe(40);
    expect(await raw.exists(laneKeys.dedupe('whatsapp:+91d', 'whatsapp', 'SM+91d-1'))).toBe(0);
    const ttl = await raw.ttl(laneKeys.dedupeIds('whatsapp:+91d'));
    expect(ttl).toBeGreaterThan(55);
    expect(ttl).toBeLessThanOrEqual(61); // the 60 s window, rounded up to a whole second
  });

  test('refuses a retried delivery whose whole id a version before kept in the lane hash', async () => {
    const raw = connect();
    const sid = 'SM0f1e2d3c4b5a69788796a5b4c3d2e1f0';
    await raw.hset(laneKeys.dedupeIds('whatsapp:+91g'), sid, String(Math.floor(Date.now() / 1000) + 60));
    const q = makeQueue(async () => undefined);
    expect(await q.enqueue([{ ...msg('+91g', 1), platformMessageId: sid }, msg('+91g', 2)])).toEqual({ accepted: 1, duplicates: 1 });
  });

  test('keeps a long delivery id in the lane hash as 12 characters', async () => {
    const q = makeQueue(async () => undefined);
    const mid = `m_${'A1b2C3d4'.repeat(10)}`;
    expect((await q.enqueue([{ ...msg('+91h', 1), platformMessageId: mid }])).accepted).toBe(1);
    expect((await q.enqueue([{ ...msg('+91h', 1), platformMessageId: mid }])).accepted).toBe(0);
    expect(await connect().hkeys(laneKeys.dedupeIds('whatsapp:+91h'))).toEqual([dedupeField(mid)]);
    expect(dedupeField(mid)).toHaveLength(12);
  });

  test('refuses a retried delivery whose id the previous version recorded (one key per delivery)', async () => {
    const raw = connect();
    await raw.set(laneKeys.dedupe('whatsapp:+91e', 'whatsapp', 'SM+91e-1'), '1', 'EX', 60);
    const q = makeQueue(async () => undefined);
    expect(await q.enqueue([msg('+91e', 1), msg('+91e', 2)])).toEqual({ accepted: 1, duplicates: 1 });
  });

  test('keeps a delivery id for at least its whole window, however late in a second it came', async () => {
    const q = makeQueue(async () => undefined, { dedupeTtlSeconds: 5 });
    const before = Date.now();
    expect((await q.enqueue([msg('+91w', 1)])).accepted).toBe(1);
    const [end] = Object.values(await connect().hgetall(laneKeys.dedupeIds('whatsapp:+91w')));
    expect(Number(end) * 1000).toBeGreaterThan(before + 5000);
  });

  test('accepts a delivery id again once its window has ended, and drops ended ids as new ones come', async () => {
    const q = makeQueue(async () => undefined, { dedupeTtlSeconds: 1 });
    expect((await q.enqueue([msg('+91f', 0)])).accepted).toBe(1);
    expect((await q.enqueue([msg('+91f', 0)])).accepted).toBe(0);
    // Ids keep coming (the hash lives on) while the first ones' windows end. A window ends at most 2 s
    // after its id came (1 s, rounded up to the next whole second, plus one); the prune when the hash
    // holds 31 ids comes at least 30 × 80 ms = 2.4 s after the first, so the first ids have ended by
    // then however early in a second they came (60 ms, on a fast machine, was sometimes too soon).
    for (let i = 1; i <= 40; i++) {
      await q.enqueue([msg('+91f', i)]);
      await sleep(80);
    }
    expect((await q.enqueue([msg('+91f', 0)])).accepted).toBe(1);
    expect((await q.enqueue([msg('+91f', 40)])).accepted).toBe(0);
    expect(await connect().hlen(laneKeys.dedupeIds('whatsapp:+91f'))).toBeLessThan(41);
  });

  test('handles different customers side by side', async () => {
    const seen: string[] = [];
    const q = makeQueue(async (e) => {
      if (e.kind === 'message') seen.push(`${e.customerAddress}:${e.text}`);
    });
    await q.enqueue([msg('+91a', 1), msg('+91b', 1), msg('+91a', 2)]);
    await sleep(50);
    await q.idle();
    expect(seen.filter((s) => s.startsWith('+91a'))).toEqual(['+91a:m1', '+91a:m2']);
    expect(seen).toContain('+91b:m1');
  });

  test('an instance at its lane limit leaves new lanes to one with room', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const byA: string[] = [];
    const byB: string[] = [];
    const a = makeQueue(async (e) => {
      if (e.kind !== 'message') return;
      byA.push(e.customerAddress);
      if (e.customerAddress === '+91busy') await blocked;
    }, { maxActiveLanes: 1, sweepIntervalMs: 50 });
    const b = makeQueue(async (e) => {
      if (e.kind === 'message') byB.push(e.customerAddress);
    }, { sweepIntervalMs: 50 });
    a.startSweeper();
    b.startSweeper();
    await a.enqueue([msg('+91busy', 1)]);
    for (let t = 0; t < 40 && byA.length === 0; t++) await sleep(25);
    // A is busy with one lane: the next customers' webhooks land on A too, yet B answers them.
    await a.enqueue([msg('+91c1', 1), msg('+91c2', 1), msg('+91c3', 1)]);
    for (let t = 0; t < 80 && byB.length < 3; t++) await sleep(25);
    expect(byB.sort()).toEqual(['+91c1', '+91c2', '+91c3']);
    expect(byA).toEqual(['+91busy']);
    release();
  });

  test('an instance at its lane limit serves the lanes waiting for it oldest first, as soon as a slot frees', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const seen: string[] = [];
    const q = makeQueue(async (e) => {
      if (e.kind !== 'message') return;
      seen.push(e.customerAddress);
      if (e.customerAddress === '+91held') await blocked;
    }, { maxActiveLanes: 1 });
    await q.enqueue([msg('+91held', 1)]);
    for (let t = 0; t < 40 && seen.length === 0; t++) await sleep(25);
    const waiting = Array.from({ length: 6 }, (_, i) => `+91w${i}`);
    for (const address of waiting) await q.enqueue([msg(address, 1)]);
    release();
    // No sweeper runs: the freed slot alone must find every waiting lane, in the order they came.
    for (let t = 0; t < 400 && seen.length < 7; t++) await sleep(25);
    await q.idle();
    expect(seen).toEqual(['+91held', ...waiting]);
  });

  test('an instance at its lane limit takes turns between the lanes waiting for it, one event each', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const seen: string[] = [];
    const q = makeQueue(async (e) => {
      if (e.kind !== 'message') return;
      seen.push(`${e.customerAddress}:${e.text}`);
      if (e.text === 'm1' && e.customerAddress === '+91ta') await gate;
    }, { maxActiveLanes: 1 });
    await q.enqueue([msg('+91ta', 1), msg('+91ta', 2), msg('+91ta', 3)]);
    for (let t = 0; t < 40 && seen.length === 0; t++) await sleep(25);
    await q.enqueue([msg('+91tb', 1)]);
    await q.enqueue([msg('+91tc', 1)]);
    await q.enqueue([msg('+91td', 1)]);
    release();
    for (let t = 0; t < 400 && seen.length < 6; t++) await sleep(25);
    await q.idle();
    expect(seen).toEqual(['+91ta:m1', '+91tb:m1', '+91tc:m1', '+91td:m1', '+91ta:m2', '+91ta:m3']);
  });

  test('an event accepted while its lane’s holder lets go of the lane is handled by that holder at once, not left for a sweep', async () => {
    const client = connect();
    const seen: string[] = [];
    const pop = client as unknown as { batonPopNextOrRelease: (...a: string[]) => Promise<unknown> };
    const q: InboundQueue = new InboundQueue({
      redis: client,
      logger,
      dedupeTtlSeconds: 60,
      lockTtlMs: 600, // renewed every 200 ms
      handle: async (e) => {
        if (e.kind === 'message') seen.push(e.text!);
      },
    });
    queues.push(q);
    const realPop = pop.batonPopNextOrRelease.bind(client);
    let first = true;
    pop.batonPopNextOrRelease = async (...args: string[]) => {
      const answer = await realPop(...args);
      if (first) {
        // The lane was let go (m1 handled, nothing left); m2 arrives before the holder hears back,
        // and renewals have time to find the lock gone.
        first = false;
        await q.enqueue([msg('+91r', 2)]);
        await sleep(500);
      }
      return answer;
    };
    await q.enqueue([msg('+91r', 1)]);
    for (let t = 0; t < 200 && seen.length < 2; t++) await sleep(25);
    await q.idle();
    expect(seen).toEqual(['m1', 'm2']);
  });

  test('a lane whose holder lost Redis mid-lane is let go at once, not left locked until its lease runs out', async () => {
    const client = connect();
    const q = new InboundQueue({ redis: client, logger, dedupeTtlSeconds: 60, handle: async () => undefined });
    queues.push(q);
    const pop = client as unknown as { batonPopNextOrRelease: (...a: string[]) => Promise<unknown> };
    const realPop = pop.batonPopNextOrRelease.bind(client);
    let failed = false;
    pop.batonPopNextOrRelease = async (...args: string[]) => {
      if (!failed) {
        failed = true;
        throw new Error('Connection is closed.');
      }
      return realPop(...args);
    };
    await q.enqueue([msg('+91x', 1)]);
    for (let t = 0; t < 80 && !failed; t++) await sleep(25);
    await q.idle();
    const raw = connect();
    expect(failed).toBe(true);
    expect(await raw.exists(laneKeys.lock('whatsapp:+91x'))).toBe(0);
    // The event was not taken out: the next holder (a sweep) handles it.
    expect(await raw.llen(laneKeys.lane('whatsapp:+91x'))).toBe(1);
    expect(await raw.sismember(laneKeys.pending('whatsapp:+91x'), 'whatsapp:+91x')).toBe(1);
    q.kick('whatsapp:+91x'); // leave nothing behind for the next test
    await q.idle();
  });

  test('a lane whose holder stops renewing its 3 s lease is taken over by another instance', async () => {
    const raw = connect();
    await raw.rpush(laneKeys.lane('whatsapp:+914'), JSON.stringify(msg('+914', 1)));
    await raw.sadd(laneKeys.pending('whatsapp:+914'), 'whatsapp:+914');
    // Taken by an instance that then died: the default lease runs out and nobody renews it.
    await raw.set(laneKeys.lock('whatsapp:+914'), 'dead-instance', 'PX', 3000);
    const startedAt = Date.now();
    let handledAt = 0;
    const q = makeQueue(async () => {
      handledAt = Date.now();
    });
    q.startSweeper();
    for (let t = 0; t < 250 && handledAt === 0; t++) await sleep(25);
    expect(handledAt - startedAt).toBeGreaterThanOrEqual(2900);
    expect(handledAt - startedAt).toBeLessThanOrEqual(5000);
  });

  test('picks up a lane left behind by an instance that died mid-way', async () => {
    // An instance took the lane's lock and died: its lock expires and the sweeper of another resumes.
    const raw = connect();
    await raw.rpush(laneKeys.lane('whatsapp:+913'), JSON.stringify(msg('+913', 1)));
    await raw.sadd(laneKeys.pending('whatsapp:+913'), 'whatsapp:+913');
    await raw.set(laneKeys.lock('whatsapp:+913'), 'dead-instance', 'PX', 300);
    const seen: string[] = [];
    const q = makeQueue(async (e) => {
      if (e.kind === 'message') seen.push(e.text!);
    }, { sweepIntervalMs: 100 });
    q.startSweeper();
    for (let t = 0; t < 80 && seen.length === 0; t++) await sleep(25);
    expect(seen).toEqual(['m1']);
  });

  test('moves an event that keeps failing to the dead letters and carries on with the next', async () => {
    const seen: string[] = [];
    const q = makeQueue(
      async (e) => {
        if (e.kind !== 'message') return;
        if (e.text === 'm1') throw new Error('boom');
        seen.push(e.text!);
      },
      { maxAttempts: 2 },
    );
    await q.enqueue([msg('+914', 1), msg('+914', 2)]);
    for (let t = 0; t < 80 && seen.length === 0; t++) await sleep(25);
    await q.idle();
    expect(seen).toEqual(['m2']);
    const dead = (await q.deadLetters()) as { reason: string }[];
    expect(dead[0]!.reason).toBe('boom');
  });

  test('lets go of a lane once its events are handled: no lock left, the lane forgotten', async () => {
    const seen: string[] = [];
    const q = makeQueue(async (e) => {
      if (e.kind === 'message') seen.push(e.text!);
    });
    await q.enqueue([msg('+915', 1)]);
    for (let t = 0; t < 80 && seen.length === 0; t++) await sleep(25);
    await q.idle();
    const raw = connect();
    expect(seen).toEqual(['m1']);
    expect(await raw.exists(laneKeys.lock('whatsapp:+915'))).toBe(0);
    expect(await raw.llen(laneKeys.lane('whatsapp:+915'))).toBe(0);
    expect(await raw.sismember(laneKeys.pending('whatsapp:+915'), 'whatsapp:+915')).toBe(0);
  });

  test('handles an event accepted while the lane was draining, after the ones before it', async () => {
    const seen: string[] = [];
    const q: InboundQueue = makeQueue(async (e) => {
      if (e.kind !== 'message') return;
      seen.push(e.text!);
      if (e.text === 'm1') await q.enqueue([msg('+916', 2)]);
    });
    await q.enqueue([msg('+916', 1)]);
    for (let t = 0; t < 80 && seen.length < 2; t++) await sleep(25);
    await q.idle();
    expect(seen).toEqual(['m1', 'm2']);
  });

  test('leaves a lane alone while another instance holds its lock', async () => {
    const raw = connect();
    await raw.set(laneKeys.lock('whatsapp:+917'), 'other-instance', 'PX', 60_000);
    const seen: string[] = [];
    const q = makeQueue(async (e) => {
      if (e.kind === 'message') seen.push(e.text!);
    });
    await q.enqueue([msg('+917', 1)]);
    await sleep(50);
    await q.idle();
    expect(seen).toEqual([]);
    expect(await raw.lrange(laneKeys.lane('whatsapp:+917'), 0, -1)).toHaveLength(1);
    expect(await raw.get(laneKeys.lock('whatsapp:+917'))).toBe('other-instance');
  });
}

describeWithRedis('InboundQueue round trips', () => {
  let prefix: string;
  let client: Redis;
  beforeEach(() => {
    prefix = uniquePrefix('queue-rt');
    client = new Redis(testRedisUrl, { keyPrefix: prefix });
  });
  afterEach(async () => {
    await deletePrefix(testRedisUrl, prefix);
    client.disconnect();
  });

  test('a lane holding one event is taken, handled and let go in two round trips', async () => {
    const handled: string[] = [];
    const q = new InboundQueue({
      redis: client,
      logger,
      handle: async (e) => {
        if (e.kind === 'message') handled.push(e.text!);
      },
      dedupeTtlSeconds: 60,
    });
    await q.enqueue([msg('+918', 1)]); // loads the scripts
    await q.idle();
    const commands: string[] = [];
    const send = client.sendCommand.bind(client);
    jest.spyOn(client, 'sendCommand').mockImplementation((command, stream) => {
      commands.push((command as { name: string }).name);
      return send(command, stream);
    });
    await q.enqueue([msg('+918', 2)]);
    await q.idle();
    expect(handled).toEqual(['m1', 'm2']);
    expect(commands).toEqual(['evalsha', 'evalsha', 'evalsha']); // enqueue; take + peek; pop + let go
    await q.stop(100);
  });
});
