import Redis from 'ioredis';
import type { ChannelSender, OutboundContent } from '../../../src/channels/types';
import { RedisConversationStore } from '../../../src/conversations/redisConversationStore';
import type { NewMessage } from '../../../src/conversations/types';
import { TurnJournal } from '../../../src/inbound/turnJournal';
import { createLogger } from '../../../src/logger';
import { OutboundService } from '../../../src/outbound/outboundService';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';

/**
 * What expires and what does not, on a real Redis: keys that only serve for a while (receipts,
 * de-duplication, idle bot state, send idempotency, a turn in progress) carry a TTL; the
 * conversation and its transcript do not (retention removes them).
 */

const DAY = 24 * 3600;
const TTLS = { platformIdTtlSeconds: 7 * DAY, botStateTtlSeconds: 30 * DAY };
const logger = createLogger('error');

const inbound = (text: string, pid: string): NewMessage => ({ direction: 'inbound', author: 'customer', text, media: [], platformMessageId: pid, status: 'received' });
const outbound = (text: string): NewMessage => ({ direction: 'outbound', author: 'bot', text, media: [], status: 'pending' });

class RecordingSender implements ChannelSender {
  readonly channel = 'whatsapp' as const;
  sent = 0;
  async send(_to: string, _content: OutboundContent) {
    this.sent++;
    return { platformMessageId: `SMttl${String(this.sent).padStart(29, '0')}`, status: 'queued' as const };
  }
  async senderAction(): Promise<void> {}
}

describeWithRedis('TTLs of stored keys on a real Redis', () => {
  let prefix: string;
  let redis: Redis;
  let raw: Redis;
  let store: RedisConversationStore;

  beforeEach(() => {
    prefix = uniquePrefix('ttls');
    redis = new Redis(testRedisUrl, { keyPrefix: prefix });
    raw = new Redis(testRedisUrl);
    store = new RedisConversationStore(redis, Date.now, TTLS);
  });
  afterEach(async () => {
    await deletePrefix(testRedisUrl, prefix);
    redis.disconnect();
    raw.disconnect();
  });

  /** Seconds to live of a stored key (without its prefix): -1 none, -2 no such key. */
  const ttl = (key: string) => raw.ttl(`${prefix}${key}`);
  const open = async () => (await store.findOrOpen({ channel: 'whatsapp', customerAddress: 'whatsapp:+919812345678' })).conversation;

  test("a sent message's platform id finds it for PLATFORM_ID_TTL_DAYS, then expires", async () => {
    const c = await open();
    const { message } = await store.appendMessage(c, outbound('Your order ships today.'));
    await store.attachPlatformId(message.id, 'whatsapp', 'SMa1b2c3d4e5f60718293a4b5c6d7e8f90', 'queued');
    const left = await ttl('msg:pid:{whatsapp:SMa1b2c3d4e5f60718293a4b5c6d7e8f90}');
    expect(left).toBeGreaterThan(7 * DAY - 60);
    expect(left).toBeLessThanOrEqual(7 * DAY);
  });

  test("a send's platform id is kept on its entry and for receipts, not in the conversation's de-duplication of customer messages", async () => {
    const c = await open();
    const { message } = await store.appendMessage(c, outbound('Your order ships today.'));
    await store.attachPlatformId(message.id, 'whatsapp', 'SMa1b2c3d4e5f60718293a4b5c6d7e8f91', 'queued');
    expect(await raw.hexists(`${prefix}conv:{${c.id}}:pids`, 'SMa1b2c3d4e5f60718293a4b5c6d7e8f91')).toBe(0);
    expect((await store.getMessage(message.id))?.platformMessageId).toBe('SMa1b2c3d4e5f60718293a4b5c6d7e8f91');
    expect(await store.updateStatusByPlatformId('whatsapp', 'SMa1b2c3d4e5f60718293a4b5c6d7e8f91', 'delivered')).toMatchObject({ outcome: 'applied', message: { id: message.id, status: 'delivered' } });
  });

  test("a customer's message writes no receipt entry for its platform id", async () => {
    const c = await open();
    await store.appendMessage(c, inbound('where is my order', 'SM0f1e2d3c4b5a69788796a5b4c3d2e1f0'));
    expect(await ttl('msg:pid:{whatsapp:SM0f1e2d3c4b5a69788796a5b4c3d2e1f0}')).toBe(-2);
  });

  test("a customer's message writes no platform id key of the conversation: its entry carries the id", async () => {
    const c = await open();
    await store.appendMessage(c, inbound('where is my order', 'SM0f1e2d3c4b5a69788796a5b4c3d2e1f0'));
    expect(await ttl(`conv:{${c.id}}:pids`)).toBe(-2);
  });

  test("a send whose channel's receipts name the message writes no platform id key", async () => {
    const c = await open();
    const { message } = await store.appendMessage(c, outbound('Your order ships today.'));
    await store.attachPlatformId(message.id, 'whatsapp', 'SMa1b2c3d4e5f60718293a4b5c6d7e8f92', 'queued', { index: false });
    expect(await ttl('msg:pid:{whatsapp:SMa1b2c3d4e5f60718293a4b5c6d7e8f92}')).toBe(-2);
  });

  test('a receipt held for a send not yet recorded expires within the hour', async () => {
    const c = await open();
    const { message } = await store.appendMessage(c, outbound('Your order ships today.'));
    await store.updateStatusByPlatformId('whatsapp', 'SMa1b2c3d4e5f60718293a4b5c6d7e8f93', 'delivered', undefined, message.id);
    const left = await ttl(`conv:{${c.id}}:held`);
    expect(left).toBeGreaterThan(3600 - 60);
    expect(left).toBeLessThanOrEqual(3600);
  });

  test('a bot state expires BOT_STATE_TTL_DAYS after its last change', async () => {
    const c = await open();
    await store.setBotState(c.id, '{"language":"hi"}');
    expect(await ttl(`conv:{${c.id}}:bot`)).toBeGreaterThan(30 * DAY - 60);
  });

  test('the conversation and its transcript never expire', async () => {
    const c = await open();
    await store.appendMessage(c, inbound('where is my order', 'SM0f1e2d3c4b5a69788796a5b4c3d2e1f0'));
    expect(await ttl(`conv:{${c.id}}`)).toBe(-1);
    expect(await ttl(`conv:{${c.id}}:log`)).toBe(-1);
  });

  test("a conversation's keyed sends share one idempotency hash, expiring 3 days after the last", async () => {
    // The customer wrote first: the channel's window is open.
    const c = (await store.appendMessage(await open(), inbound('hi', 'SM0f1e2d3c4b5a69788796a5b4c3d2e1f0'), { returnConversation: true })).conversation!;
    const sender = new RecordingSender();
    const service = new OutboundService({ store, senders: { whatsapp: sender }, redis, logger });
    await service.send({ conversation: c, author: 'bot', content: { text: 'Hello!' }, idempotencyKey: 'turn:m0:0' });
    await service.send({ conversation: c, author: 'bot', content: { text: 'How can I help?' }, idempotencyKey: 'turn:m0:1' });
    expect(await redis.hkeys(`out:sent:{${c.id}}`)).toEqual(['turn:m0:0', 'turn:m0:1']);
    expect(await ttl(`out:sent:{${c.id}}`)).toBeGreaterThan(3 * DAY - 60);
    // Sent again with the same key: the earlier message, not a second send.
    await service.send({ conversation: c, author: 'bot', content: { text: 'Hello!' }, idempotencyKey: 'turn:m0:0' });
    expect(sender.sent).toBe(2);
  });

  test("a bot reply's key names its message without the conversation id in the idempotency hash, and a send recorded by the previous version is still found", async () => {
    const c = (await store.appendMessage(await open(), inbound('hi', 'SM0f1e2d3c4b5a69788796a5b4c3d2e1f1'), { returnConversation: true })).conversation!;
    const sender = new RecordingSender();
    const service = new OutboundService({ store, senders: { whatsapp: sender }, redis, logger });
    const first = await service.send({ conversation: c, author: 'bot', content: { text: 'Hello!' }, idempotencyKey: `turn:m0.${c.id}:0` });
    expect(await redis.hgetall(`out:sent:{${c.id}}`)).toEqual({ '#0:0': first.id.split('.')[0] });
    expect((await service.send({ conversation: c, author: 'bot', content: { text: 'Hello!' }, idempotencyKey: `turn:m0.${c.id}:0` })).id).toBe(first.id);
    // Written by the previous version: whole key, whole id, in the hash of the previous name.
    await redis.hset(`out:idem:{${c.id}}`, 'agent-reply-1', first.id);
    expect((await service.send({ conversation: c, author: 'agent', content: { text: 'Hi' }, idempotencyKey: 'agent-reply-1' })).id).toBe(first.id);
    expect(sender.sent).toBe(1);
  });

  test('a finished turn leaves no journal record; one in progress expires', async () => {
    const journal = new TurnJournal(redis, 3 * DAY);
    const key = 'inbox:turn:{lane:whatsapp:whatsapp:+919812345678}:SMjournal0000000000000000000000001';
    await journal.begin('whatsapp', 'whatsapp:+919812345678', 'SMjournal0000000000000000000000001');
    expect(await ttl(key)).toBeGreaterThan(3 * DAY - 60);
    await journal.finish('whatsapp', 'whatsapp:+919812345678', 'SMjournal0000000000000000000000001');
    expect(await ttl(key)).toBe(-2);
  });
});
