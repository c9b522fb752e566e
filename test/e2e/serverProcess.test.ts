import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { signMessengerBody } from '../../src/channels/messenger';
import { RedisConversationStore } from '../../src/conversations/redisConversationStore';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../fixtures/twilio';
import { FakeGraphApi, FakeTwilioApi } from '../support/fakePlatforms';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { ensureBuild, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { MESSENGER_TEST_ENV } from '../support/testBaton';
import { messengerTextBody, whatsappTextBody } from '../support/webhookBodies';

/**
 * The real server process (`node dist/main.js`) on a real Redis, talking to local fake Twilio and
 * Graph APIs: what a deployment does, minus the internet. Generous timeouts: a shared machine may
 * be slow to build, start and train the classifier.
 */

jest.setTimeout(120_000);

describeWithRedis('the Baton server process', () => {
  const prefix = uniquePrefix('e2e');
  const started: ServerProcess[] = [];
  let twilio: FakeTwilioApi;
  let graph: FakeGraphApi;
  let redis: Redis;
  let store: RedisConversationStore;

  async function startBaton(): Promise<ServerProcess> {
    const server = await startServerProcess({
      env: {
        NODE_ENV: 'production',
        SANDBOX_ENABLED: 'true',
        LOG_LEVEL: 'warn',
        REDIS_URL: testRedisUrl,
        REDIS_KEY_PREFIX: prefix,
        TWILIO_ACCOUNT_SID: TWILIO_TEST_CONFIG.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO_TEST_CONFIG.authToken,
        TWILIO_WHATSAPP_NUMBER: TWILIO_TEST_CONFIG.whatsappNumber,
        TWILIO_API_URL: twilio.url,
        ...MESSENGER_TEST_ENV,
        META_GRAPH_URL: graph.url,
        SHUTDOWN_GRACE_MS: '5000',
      },
      readyTimeoutMs: 90_000,
    });
    started.push(server);
    return server;
  }

  beforeAll(async () => {
    ensureBuild();
    twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid, { authToken: TWILIO_TEST_CONFIG.authToken }).start();
    graph = await new FakeGraphApi().start();
    redis = new Redis(testRedisUrl, { keyPrefix: prefix });
    store = new RedisConversationStore(redis);
  }, 300_000);

  afterAll(async () => {
    await Promise.allSettled(started.map((s) => s.stop('SIGTERM', 10_000)));
    await Promise.allSettled([twilio?.stop(), graph?.stop()]);
    redis?.disconnect();
    await deletePrefix(testRedisUrl, prefix);
  }, 60_000);

  /** A fresh WhatsApp customer, so every test has its own conversation. */
  function newCustomer(): string {
    return `whatsapp:+9199${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 8)}`;
  }

  async function postWhatsApp(server: ServerProcess, from: string, text: string): Promise<Response> {
    const body = whatsappTextBody({ from, messageSid: `SM${randomBytes(16).toString('hex')}`, text });
    const url = `${server.url}/webhooks/twilio`;
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, body) },
      body,
    });
  }

  function twilioReply(to: string, nth = 1) {
    return twilio.waitFor((r) => r.path.endsWith('/Messages.json') && twilio.messages().filter((f) => f.get('To') === to).length >= nth, 30_000)
      .then(() => twilio.messages().filter((f) => f.get('To') === to)[nth - 1]!);
  }

  async function transcriptOf(customer: string, count: number) {
    const until = Date.now() + 30_000;
    for (;;) {
      const conversation = await store.findByAddress('whatsapp', customer);
      const messages = conversation ? await store.listMessages(conversation.id) : [];
      if (conversation && messages.length >= count) return { conversation, messages };
      if (Date.now() > until) throw new Error(`no transcript of ${count} messages for the customer in time (has ${messages.length})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  test('answers a signed WhatsApp message through the (fake) Twilio REST API', async () => {
    const a = await startBaton();
    const customer = newCustomer();
    const res = await postWhatsApp(a, customer, 'What time does the store open?');
    expect(res.status).toBe(200);
    const reply = await twilioReply(customer);
    expect(reply.get('From')).toBe(TWILIO_TEST_CONFIG.whatsappNumber);
    expect(reply.get('Body')).toMatch(/10:00/);
    expect(reply.get('StatusCallback')).toMatch(new RegExp(`^${a.url}/webhooks/twilio/status\\?m=m1\\.c_`));
    // The fake posts signed `sent` then `delivered` callbacks to that URL: the reply moves forward.
    const until = Date.now() + 30_000;
    let status = '';
    while (status !== 'delivered' && Date.now() < until) {
      const { messages } = await transcriptOf(customer, 2);
      status = messages[1]!.status;
      if (status !== 'delivered') await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe('delivered');
  });

  test('answers a signed Messenger message through the (fake) Graph API', async () => {
    const a = await startBaton();
    const psid = `67${String(randomBytes(6).readUIntBE(0, 6)).padStart(14, '0').slice(0, 14)}`;
    const body = messengerTextBody({ psid, mid: `m_${randomBytes(20).toString('hex')}`, text: 'मेरा ऑर्डर कहाँ है?' });
    const res = await fetch(`${a.url}/webhooks/messenger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMessengerBody(body, MESSENGER_TEST_ENV.META_APP_SECRET) },
      body,
    });
    expect(res.status).toBe(200);
    const sent = await graph.waitFor((r) => (r.json as { recipient?: { id?: string }; message?: unknown })?.recipient?.id === psid && Boolean((r.json as { message?: unknown }).message), 30_000);
    const json = sent.json as { messaging_type: string; message: { text: string; metadata: string } };
    expect(json.messaging_type).toBe('RESPONSE');
    expect(json.message.text).toMatch(/[\u0900-\u097F]/);
    expect(json.message.metadata).toMatch(/^baton:/);
    expect(sent.path).toMatch(/^\/v21\.0\/me\/messages\?access_token=/);
  });

  test('a second instance on the same Redis continues the same conversation', async () => {
    const a = await startBaton();
    const b = await startBaton();
    const customer = newCustomer();

    await postWhatsApp(a, customer, 'What time does the store open?');
    await twilioReply(customer, 1);
    const first = await transcriptOf(customer, 2);

    const res = await postWhatsApp(b, customer, 'Do you deliver to Pune?');
    expect(res.status).toBe(200);
    const second = await twilioReply(customer, 2);
    expect(second.get('Body')).toMatch(/working days/);
    // Which instance answers is not fixed: whichever holds the customer's lane lock in Redis (A may
    // still hold it from the first turn when B accepts the webhook). B accepted it; the lane did the rest.

    const after = await transcriptOf(customer, 4);
    expect(after.conversation.id).toBe(first.conversation.id);
    expect(after.messages.map((m) => [m.direction, m.author])).toEqual([
      ['inbound', 'customer'],
      ['outbound', 'bot'],
      ['inbound', 'customer'],
      ['outbound', 'bot'],
    ]);
    expect(after.messages[2]!.text).toBe('Do you deliver to Pune?');
  });

  test('a conversation and its transcript survive a restart of the server', async () => {
    const first = await startBaton();
    const from = `e2e-restart-${randomBytes(4).toString('hex')}`;
    const before = await fetch(`${first.url}/sandbox/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, text: 'hi', wait: 10_000 }),
    }).then((r) => r.json() as Promise<{ conversationId: string; replies: unknown[] }>);
    expect(before.replies).toHaveLength(1);

    expect(await first.stop('SIGTERM')).toBe(0);

    const again = await startBaton();
    const res = await fetch(`${again.url}/sandbox/conversations/${from}`);
    expect(res.status).toBe(200);
    const read = (await res.json()) as { conversation: { id: string }; messages: { direction: string; text: string }[] };
    expect(read.conversation.id).toBe(before.conversationId);
    expect(read.messages.map((m) => m.direction)).toEqual(['inbound', 'outbound']);
    expect(read.messages[0]!.text).toBe('hi');

    const next = await fetch(`${again.url}/sandbox/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, text: 'What time does the store open?', wait: 10_000 }),
    }).then((r) => r.json() as Promise<{ conversationId: string; replies: { text: string }[] }>);
    expect(next.conversationId).toBe(before.conversationId);
    expect(next.replies[0]!.text).toMatch(/10:00/);
  });
});
