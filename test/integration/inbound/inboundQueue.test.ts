import Redis from 'ioredis';
import { createLogger } from '../../../src/logger';
import { InboundQueue, type QueuedEvent } from '../../../src/inbound/inboundQueue';
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

describeWithRedis('InboundQueue across two instances sharing one Redis', () => {
  let prefix: string;
  const clients: Redis[] = [];
  const queues: InboundQueue[] = [];
  const connect = () => {
    const c = new Redis(testRedisUrl, { keyPrefix: prefix });
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
    await deletePrefix(testRedisUrl, prefix);
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

  test('picks up a lane left behind by an instance that died mid-way', async () => {
    // An instance took the lane's lock and died: its lock expires and the sweeper of another resumes.
    const raw = connect();
    await raw.rpush('inbox:lane:whatsapp:+913', JSON.stringify(msg('+913', 1)));
    await raw.sadd('inbox:pending', 'whatsapp:+913');
    await raw.set('inbox:lock:whatsapp:+913', 'dead-instance', 'PX', 300);
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
});
