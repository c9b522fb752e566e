import nock from 'nock';
import { createMessengerSender } from '../../../src/channels/messenger';
import { createTwilioSender } from '../../../src/channels/twilio';
import { RedisConversationStore } from '../../../src/conversations/redisConversationStore';
import type { Conversation } from '../../../src/conversations/types';
import { createLogger } from '../../../src/logger';
import { OutboundService, type DeliveryEvent } from '../../../src/outbound/outboundService';
import { SendSchedule } from '../../../src/outbound/sendSchedule';
import { connectRedis, type RedisConnection } from '../../../src/store/redisConnection';
import { TWILIO_TEST_CONFIG } from '../../fixtures/twilio';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';
import { eventually } from '../../support/testBaton';

/**
 * Sends that survive platform trouble: retryable failures are tried again on a schedule kept in
 * Redis (backoff, Retry-After), a send whose result is unknown is looked up before it is sent
 * again, later messages of a conversation wait behind an earlier one, and what cannot be sent in
 * the retry window becomes a dead letter. Twilio and Graph are answered by nock.
 */

const logger = createLogger('error');
const TWILIO = 'https://api.twilio.com';
const MESSAGES = `/2010-04-01/Accounts/${TWILIO_TEST_CONFIG.accountSid}/Messages.json`;
const GRAPH = 'https://graph.facebook.com';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

let counter = 0;
const sid = () => `SM${String(++counter).padStart(32, '0')}`;

/** Twilio's answer to a create: the message resource. */
function created(body: string): Record<string, unknown> {
  const s = sid();
  return {
    sid: s,
    account_sid: TWILIO_TEST_CONFIG.accountSid,
    body,
    status: 'queued',
    date_created: new Date().toUTCString(),
    uri: `/2010-04-01/Accounts/${TWILIO_TEST_CONFIG.accountSid}/Messages/${s}.json`,
  };
}

const twilioError = (status: number, code: number) => ({ code, message: `Twilio error ${code}`, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

interface Harness {
  redis: RedisConnection;
  store: RedisConversationStore;
  outbound: OutboundService;
  events: DeliveryEvent[];
  conversation: Conversation;
}

async function harness(opts: { url?: string; prefix?: string; windowMs?: number; timeoutMs?: number; channel?: 'whatsapp' | 'messenger' } = {}): Promise<Harness> {
  const redis = connectRedis({ url: opts.url, keyPrefix: opts.prefix ?? uniquePrefix('durable'), logger });
  const store = new RedisConversationStore(redis.client);
  const events: DeliveryEvent[] = [];
  const timeoutMs = opts.timeoutMs ?? 2000;
  const outbound = new OutboundService({
    store,
    redis: redis.client,
    logger,
    senders: {
      whatsapp: createTwilioSender({ config: { ...TWILIO_TEST_CONFIG, keepAlive: false }, publicUrl: 'https://baton.example.com', timeoutMs, logger }),
      messenger: createMessengerSender({
        config: { appSecret: 'secret', verifyToken: 'v', pageAccessToken: 'EAAGtoken', graphUrl: GRAPH, graphVersion: 'v21.0' },
        timeoutMs,
        logger,
      }),
    },
    retry: { baseDelayMs: 50, maxDelayMs: 400, windowMs: opts.windowMs ?? 60_000 },
    pollMs: 25,
    onDelivery: (e) => events.push(e),
  });
  outbound.startSchedule();
  const channel = opts.channel ?? 'whatsapp';
  const address = channel === 'whatsapp' ? `whatsapp:+9198${String(Date.now() % 1e8).padStart(8, '0')}` : `67${Date.now()}`;
  const { conversation } = await store.findOrOpen({ channel, customerAddress: address });
  await store.appendMessage(conversation, { direction: 'inbound', author: 'customer', text: 'hi', media: [], status: 'received', platformMessageId: `in-${address}` });
  return { redis, store, outbound, events, conversation: (await store.get(conversation.id))! };
}

async function close(h: Harness): Promise<void> {
  await h.outbound.stopSchedule();
  await h.redis.close();
}

/** Records every create posted to Twilio: [Body, answer status]. */
function twilioCreates(answers: ({ status: number; body: unknown; headers?: Record<string, string> } | { delayMs: number; status: number; body: unknown })[]) {
  const posts: { body: string; at: number }[] = [];
  const scope = nock(TWILIO);
  for (const a of answers) {
    const i = scope.post(MESSAGES);
    const withDelay = 'delayMs' in a ? i.delay(a.delayMs) : i;
    withDelay.reply(function (_uri, body) {
      const form = new URLSearchParams(body as string);
      posts.push({ body: form.get('Body') ?? '', at: Date.now() });
      const resBody = typeof a.body === 'function' ? (a.body as (b: string) => unknown)(form.get('Body') ?? '') : a.body;
      return [a.status, resBody as nock.Body, 'headers' in a && a.headers ? a.headers : {}];
    });
  }
  return { scope, posts };
}

const pendingGone = (h: Harness, id: string) =>
  eventually(async () => {
    const m = await h.store.getMessage(id);
    return m && m.status !== 'pending' ? m : undefined;
  }, 10_000);

describe('retries on a schedule', () => {
  let h: Harness;
  afterEach(() => close(h));

  test('two 500s then a 201: the reply is delivered exactly once, with the platform id', async () => {
    h = await harness();
    const { scope, posts } = twilioCreates([
      { status: 500, body: twilioError(500, 20500) },
      { status: 500, body: twilioError(500, 20500) },
      { status: 201, body: created },
    ]);
    const first = await h.outbound.send({ conversation: h.conversation, author: 'bot', content: { text: 'Your order ships Friday.' } });
    expect(first.status).toBe('pending');
    const done = await pendingGone(h, first.id);
    expect(done.status).toBe('queued');
    expect(done.platformMessageId).toMatch(/^SM/);
    expect(posts.map((p) => p.body)).toEqual(['Your order ships Friday.', 'Your order ships Friday.', 'Your order ships Friday.']);
    expect(scope.isDone()).toBe(true);
    expect(h.events.filter((e) => e.kind === 'retry_scheduled')).toHaveLength(2);
  });

  test('a 429 with Retry-After: 1 is tried again no sooner than a second later', async () => {
    h = await harness();
    const { posts } = twilioCreates([
      { status: 429, body: twilioError(429, 20429), headers: { 'Retry-After': '1' } },
      { status: 201, body: created },
    ]);
    const m = await h.outbound.send({ conversation: h.conversation, author: 'bot', content: { text: 'Throttled hello' } });
    await pendingGone(h, m.id);
    expect(posts).toHaveLength(2);
    const waited = posts[1]!.at - posts[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(1000);
    expect(waited).toBeLessThan(2500);
    expect(h.events).toContainEqual(expect.objectContaining({ kind: 'retry_scheduled', code: '20429', delayMs: expect.any(Number) }));
  });

  test('a later reply waits behind an earlier one that is being retried: order is kept', async () => {
    h = await harness();
    const { posts } = twilioCreates([
      { status: 503, body: twilioError(503, 20503) },
      { status: 201, body: created },
      { status: 201, body: created },
    ]);
    const a = await h.outbound.send({ conversation: h.conversation, author: 'bot', content: { text: 'first' } });
    const b = await h.outbound.send({ conversation: h.conversation, author: 'bot', content: { text: 'second' } });
    expect(b.status).toBe('pending');
    await pendingGone(h, a.id);
    await pendingGone(h, b.id);
    expect(posts.map((p) => p.body)).toEqual(['first', 'first', 'second']);
  });

  test('still failing when the retry window runs out: failed with the code, and kept as a dead letter', async () => {
    h = await harness({ windowMs: 300 });
    const scope = nock(TWILIO).post(MESSAGES).times(50).reply(500, twilioError(500, 20500));
    const m = await h.outbound.send({ conversation: h.conversation, author: 'agent', content: { text: 'never arrives' } });
    const failed = await pendingGone(h, m.id);
    expect(failed).toMatchObject({ status: 'failed', errorCode: '20500' });
    expect(failed.errorMessage).toMatch(/retry window/);
    const { items } = await h.outbound.deadLetters();
    expect(items).toEqual([expect.objectContaining({ messageId: m.id, conversationId: h.conversation.id, code: '20500' })]);
    expect(h.events).toContainEqual({ kind: 'dead_letter', channel: 'whatsapp', code: '20500' });
    scope.persist(false);
  });

  test('a refusal that will not change (400, 21211) is not retried: failed and dead-lettered at once', async () => {
    h = await harness();
    const { posts } = twilioCreates([{ status: 400, body: twilioError(400, 21211) }]);
    const m = await h.outbound.send({ conversation: h.conversation, author: 'bot', content: { text: 'bad number' } });
    expect(m).toMatchObject({ status: 'failed', errorCode: '21211' });
    expect(posts).toHaveLength(1);
    expect((await h.outbound.deadLetters()).items.map((d) => d.messageId)).toEqual([m.id]);
  });

  test("Messenger's transient code 1200 is retried", async () => {
    h = await harness({ channel: 'messenger' });
    const bodies: string[] = [];
    nock(GRAPH)
      .post('/v21.0/me/messages')
      .query(true)
      .reply(500, (_u, b) => {
        bodies.push((b as { message: { text: string } }).message.text);
        return { error: { message: 'Temporary send message failure', type: 'OAuthException', code: 1200, fbtrace_id: 'A1' } };
      })
      .post('/v21.0/me/messages')
      .query(true)
      .reply(200, (_u, b) => {
        bodies.push((b as { message: { text: string } }).message.text);
        return { recipient_id: '1', message_id: 'm_ok' };
      });
    const m = await h.outbound.send({ conversation: h.conversation, author: 'bot', content: { text: 'Hello from Messenger' } });
    const done = await pendingGone(h, m.id);
    expect(done).toMatchObject({ status: 'sent', platformMessageId: 'm_ok' });
    expect(bodies).toEqual(['Hello from Messenger', 'Hello from Messenger']);
  });
});

describe('a send whose result is unknown', () => {
  let h: Harness;
  afterEach(() => close(h));

  test('timed out after the request left, then found by To and time on Twilio: not sent again', async () => {
    h = await harness({ timeoutMs: 300 });
    const { posts } = twilioCreates([{ delayMs: 2000, status: 201, body: created }]);
    let lookup: URLSearchParams | undefined;
    const listed = sid();
    nock(TWILIO)
      .get(MESSAGES)
      .query(true)
      .reply(200, (uri) => {
        lookup = new URL(uri, TWILIO).searchParams;
        return {
          messages: [
            { sid: listed, account_sid: TWILIO_TEST_CONFIG.accountSid, to: h.conversation.customerAddress, from: TWILIO_TEST_CONFIG.whatsappNumber, body: 'Did it arrive?', status: 'sent', date_created: new Date().toUTCString() },
          ],
          next_page_uri: null,
          page: 0,
          page_size: 50,
          uri: MESSAGES,
        };
      });
    const m = await h.outbound.send({ conversation: h.conversation, author: 'bot', content: { text: 'Did it arrive?' } });
    expect(m.status).toBe('pending');
    const done = await pendingGone(h, m.id);
    expect(done).toMatchObject({ status: 'sent', platformMessageId: listed });
    expect(lookup?.get('To')).toBe(h.conversation.customerAddress);
    expect(lookup?.get('DateSent>')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(posts).toHaveLength(1);
    expect(h.events).toContainEqual({ kind: 'reconciled', channel: 'whatsapp', outcome: 'found' });
  });

  test('timed out, and Twilio has no such message: sent again, once', async () => {
    h = await harness({ timeoutMs: 300 });
    const { posts } = twilioCreates([
      { delayMs: 2000, status: 201, body: created },
      { status: 201, body: created },
    ]);
    nock(TWILIO).get(MESSAGES).query(true).reply(200, { messages: [], next_page_uri: null, page: 0, page_size: 50, uri: MESSAGES });
    const m = await h.outbound.send({ conversation: h.conversation, author: 'bot', content: { text: 'Lost on the way' } });
    const done = await pendingGone(h, m.id);
    expect(done.status).toBe('queued');
    expect(posts).toHaveLength(2);
    expect(h.events).toContainEqual({ kind: 'reconciled', channel: 'whatsapp', outcome: 'not_found' });
  });
  test('timed out, and Twilio has only an earlier reply with the same words: that one is not taken for it, the reply is sent again', async () => {
    h = await harness({ timeoutMs: 300 });
    const earlier = sid();
    await h.store.appendMessage(h.conversation, { direction: 'outbound', author: 'bot', text: 'We open at 10:00.', media: [], status: 'sent', platformMessageId: earlier });
    const { posts } = twilioCreates([
      { delayMs: 2000, status: 201, body: created },
      { status: 201, body: created },
    ]);
    nock(TWILIO)
      .get(MESSAGES)
      .query(true)
      .reply(200, {
        messages: [
          { sid: earlier, account_sid: TWILIO_TEST_CONFIG.accountSid, to: h.conversation.customerAddress, from: TWILIO_TEST_CONFIG.whatsappNumber, body: 'We open at 10:00.', status: 'delivered', date_created: new Date().toUTCString() },
        ],
        next_page_uri: null,
        page: 0,
        page_size: 50,
        uri: MESSAGES,
      });
    const m = await h.outbound.send({ conversation: h.conversation, author: 'bot', content: { text: 'We open at 10:00.' } });
    const done = await pendingGone(h, m.id);
    expect(done.platformMessageId).not.toBe(earlier);
    expect(posts).toHaveLength(2);
    expect(h.events).toContainEqual({ kind: 'reconciled', channel: 'whatsapp', outcome: 'not_found' });
  });
});

describe('a first attempt', () => {
  let h: Harness;
  afterEach(() => close(h));

  test('is on record as in flight before its request leaves, so an instance dying mid-request leaves it to be looked up', async () => {
    h = await harness();
    twilioCreates([{ delayMs: 400, status: 201, body: created }]);
    const sending = h.outbound.send({ conversation: h.conversation, author: 'bot', content: { text: 'On its way' } });
    const pending = await eventually(async () => (await h.store.listMessages(h.conversation.id)).find((m) => m.text === 'On its way'), 5000);
    // The transcript shows the message a moment before its lane does: wait for the lane, while Twilio still holds the request.
    const job = await eventually(async () => (await new SendSchedule(h.redis.client).job(h.conversation.id, pending.id)) ?? undefined, 5000);
    expect(job).toMatchObject({ attempts: 1, inflightSince: expect.any(Number) });
    expect((await sending).status).toBe('queued');
  });
});

describeWithRedis('the schedule on a real Redis', () => {
  test('survives a restart: a retry scheduled by one instance is sent by the next one, once', async () => {
    const prefix = uniquePrefix('durable-restart');
    try {
      const first = await harness({ url: testRedisUrl, prefix });
      const { posts } = twilioCreates([{ status: 500, body: twilioError(500, 20500) }]);
      const m = await first.outbound.send({ conversation: first.conversation, author: 'bot', content: { text: 'after the restart' } });
      expect(m.status).toBe('pending');
      // The instance stops before its retry is due (as a deploy or a crash would).
      await first.outbound.stopSchedule();
      await first.redis.close();
      expect(posts).toHaveLength(1);

      const { posts: later } = twilioCreates([{ status: 201, body: created }]);
      const second = await harness({ url: testRedisUrl, prefix });
      try {
        const done = await pendingGone(second, m.id);
        expect(done.status).toBe('queued');
        expect(later.map((p) => p.body)).toEqual(['after the restart']);
      } finally {
        await close(second);
      }
    } finally {
      await deletePrefix(testRedisUrl, prefix);
    }
  });
});
