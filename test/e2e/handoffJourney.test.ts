import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { RedisClusterSet } from '../support/redisServers';
import { describeWithRedisCluster, useRedisCluster } from '../support/redisServers';
import { RedisConversationStore } from '../../src/conversations/redisConversationStore';
import type { Message } from '../../src/conversations/types';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../fixtures/twilio';
import { FakeTwilioApi } from '../support/fakePlatforms';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { ensureBuild, startServerProcess, type ServerProcess } from '../support/serverProcess';

/**
 * The handoff issue's journey against the real server process (`node dist/main.js`) on a real
 * Redis, talking to a local fake Twilio API: a WhatsApp customer asks about an order, asks for a
 * person, an agent takes over through the API, resolves, and the customer's score is recorded.
 * Twice: on one Redis server, and on a 6-node Redis Cluster (REDIS_CLUSTER_NODES).
 */

jest.setTimeout(180_000);

const ADMIN = { email: 'lead@journey.test', password: 'journey-password-1' };

/** Where the journey keeps its data: the server's environment, and a client to read it back. */
interface JourneyStore {
  env: Record<string, string>;
  client(prefix: string): Redis;
  clean(prefix: string): Promise<void>;
}

const oneServer = (): JourneyStore => ({
  env: { REDIS_URL: testRedisUrl },
  client: (prefix) => new Redis(testRedisUrl, { keyPrefix: prefix }),
  clean: (prefix) => deletePrefix(testRedisUrl, prefix),
});

const onCluster = (cluster: RedisClusterSet): JourneyStore => ({
  env: { REDIS_CLUSTER_NODES: cluster.nodesEnv },
  // A Cluster client speaks Redis's commands; the store is typed for Redis.
  client: (prefix) => cluster.client(prefix) as unknown as Redis,
  clean: (prefix) => cluster.deletePrefix(prefix),
});

describeWithRedis('the handoff journey on the real server process', () => {
  handoffJourney(oneServer);
});

describeWithRedisCluster('the handoff journey on a Redis Cluster of 3 masters and 3 replicas', () => {
  const cluster = useRedisCluster();
  const { prefix, server, twilio } = handoffJourney(() => onCluster(cluster()));

  test('twenty more customers are each answered once, and the keys are spread over all 3 masters', async () => {
    const customers = Array.from({ length: 20 }, (_, i) => `whatsapp:+9198${String(i).padStart(2, '0')}${String(randomBytes(3).readUIntBE(0, 3)).padStart(8, '0').slice(0, 6)}`);
    await Promise.all(customers.map((c) => sendTwilioText(server(), c, 'hello')));
    const to = (c: string) => twilio().messages().filter((f) => f.get('To') === c);
    await twilio().waitFor(() => customers.every((c) => to(c).length >= 1), 60_000).catch(() => undefined);
    const reader = onCluster(cluster()).client(prefix);
    const store = new RedisConversationStore(reader);
    try {
      for (const c of customers) {
        const conv = await store.findByAddress('whatsapp', c);
        const outbound = (conv ? await store.listMessages(conv.id) : []).filter((m) => m.direction === 'outbound');
        // One answer in the transcript, sent, and exactly one send to the platform for it.
        expect(outbound).toHaveLength(1);
        expect(outbound[0]!.status).not.toMatch(/pending|failed/);
        expect(to(c)).toHaveLength(1);
        expect(to(c)[0]!.get('Body')).toContain(outbound[0]!.text);
      }
    } finally {
      reader.disconnect();
    }
    // No command of the journey (webhooks, turns, sends, the console's API, background sweeps) met CROSSSLOT.
    expect(server().output()).not.toMatch(/CROSSSLOT/);
    const byMaster = await cluster().keysByMaster(prefix);
    expect(byMaster.size).toBe(3);
    for (const keys of byMaster.values()) expect(keys.length).toBeGreaterThan(0);
  });
});

/** A signed Twilio WhatsApp webhook with a text from `from`; expects the 200. */
async function sendTwilioText(server: ServerProcess, from: string, text: string): Promise<void> {
  const params = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: TWILIO_TEST_CONFIG.accountSid,
    From: from,
    To: TWILIO_TEST_CONFIG.whatsappNumber,
    Body: text,
    NumMedia: '0',
    ProfileName: 'Asha Verma',
    WaId: from.replace('whatsapp:+', ''),
  };
  const url = `${server.url}/webhooks/twilio`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, params) },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
}

/** The journey's steps, in order, on the store `where` gives (read in beforeAll). */
function handoffJourney(where: () => JourneyStore): { prefix: string; server: () => ServerProcess; twilio: () => FakeTwilioApi } {
  const prefix = uniquePrefix('journey');
  const customer = `whatsapp:+9199${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 8)}`;
  let twilio: FakeTwilioApi;
  let server: ServerProcess;
  let redis: Redis;
  let store: RedisConversationStore;
  let token = '';
  let conversationId = '';
  let backing: JourneyStore | undefined;

  beforeAll(async () => {
    ensureBuild();
    twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid, { authToken: TWILIO_TEST_CONFIG.authToken }).start();
    backing = where();
    server = await startServerProcess({
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        ...backing.env,
        REDIS_KEY_PREFIX: prefix,
        TWILIO_ACCOUNT_SID: TWILIO_TEST_CONFIG.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO_TEST_CONFIG.authToken,
        TWILIO_WHATSAPP_NUMBER: TWILIO_TEST_CONFIG.whatsappNumber,
        TWILIO_API_URL: twilio.url,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        SHUTDOWN_GRACE_MS: '3000',
      },
      readyTimeoutMs: 90_000,
    });
    redis = backing.client(prefix);
    store = new RedisConversationStore(redis);
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    await twilio?.stop();
    redis?.disconnect();
    await backing?.clean(prefix);
  }, 60_000);

  const customerWrites = (text: string) => sendTwilioText(server, customer, text);

  const toCustomer = () => twilio.messages().filter((f) => f.get('To') === customer);

  async function nthToCustomer(n: number): Promise<URLSearchParams> {
    await twilio.waitFor(() => toCustomer().length >= n, 30_000);
    return toCustomer()[n - 1]!;
  }

  async function transcriptWhere(pred: (m: Message[]) => boolean): Promise<Message[]> {
    const until = Date.now() + 30_000;
    for (;;) {
      const conv = await store.findByAddress('whatsapp', customer);
      const messages = conv ? await store.listMessages(conv.id) : [];
      if (pred(messages)) return messages;
      if (Date.now() > until) throw new Error(`the transcript never matched; it has ${messages.length} messages\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function api(method: string, p: string, body?: unknown) {
    const res = await fetch(`${server.url}/api/v1${p}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  // The steps build on each other, in order: one customer's journey.

  test('the customer asks about an order and the bot asks for its number, then answers', async () => {
    await customerWrites('where is my order');
    expect((await nthToCustomer(1)).get('Body')).toMatch(/order number/i);
    await customerWrites('SG-482913');
    const answer = await nthToCustomer(2);
    expect(answer.get('Body')).toBeTruthy();
    expect(answer.get('Body')).not.toMatch(/order number\?/i);
  });

  test('asking for a person puts the conversation in the care queue and the customer is told so', async () => {
    await customerWrites('I want to talk to a human agent please');
    const notice = await nthToCustomer(3);
    expect(notice.get('Body')).toMatch(/person from our team/);
    const conv = await store.findByAddress('whatsapp', customer);
    expect(conv).toMatchObject({ status: 'queued', team: 'care', escalationReason: 'customer_requested' });
  });

  test('an agent logs in and finds the conversation in the care queue with the order number in the packet', async () => {
    const login = await api('POST', '/auth/login', ADMIN);
    expect(login.status).toBe(200);
    token = login.body.token;
    const queue = await api('GET', '/conversations?status=queued&team=care');
    expect(queue.status).toBe(200);
    const item = (queue.body.items as { id: string; customer: { address: string } }[]).find((i) => i.customer.address === customer);
    expect(item).toBeDefined();
    conversationId = item!.id;
    const detail = await api('GET', `/conversations/${conversationId}`);
    expect(detail.body.packet).toMatchObject({ reason: 'customer_requested', team: 'care', language: 'en', slots: { order_number: 'SG-482913' } });
  });

  test("the agent claims it and replies; the fake Twilio receives the agent's text", async () => {
    expect((await api('POST', `/conversations/${conversationId}/claim`)).body).toMatchObject({ status: 'assigned' });
    const reply = await api('POST', `/conversations/${conversationId}/messages`, { text: 'Hi Asha, I am checking SG-482913 with the courier now.' });
    expect(reply.status).toBe(201);
    expect((await nthToCustomer(4)).get('Body')).toBe('Hi Asha, I am checking SG-482913 with the courier now.');
  });

  test("the customer's next message goes to the agent and the bot says nothing", async () => {
    const sentBefore = toCustomer().length;
    const botBefore = (await transcriptWhere(() => true)).filter((m) => m.author === 'bot').length;
    await customerWrites('ok, where is it now?');
    const messages = await transcriptWhere((m) => m.some((x) => x.author === 'customer' && x.text === 'ok, where is it now?'));
    // Give a (wrong) bot turn time to show up before concluding it did not happen.
    await new Promise((r) => setTimeout(r, 1500));
    const after = await store.listMessages(conversationId);
    expect(after.filter((m) => m.author === 'bot')).toHaveLength(botBefore);
    expect(after.slice(messages.length).filter((m) => m.direction === 'outbound')).toEqual([]);
    expect(toCustomer()).toHaveLength(sentBefore);
    expect((await store.get(conversationId))?.status).toBe('assigned');
  });

  test('the agent resolves and the fake Twilio receives the survey', async () => {
    const sentBefore = toCustomer().length;
    const resolved = await api('POST', `/conversations/${conversationId}/resolve`);
    expect(resolved.body).toMatchObject({ status: 'resolved' });
    const survey = await nthToCustomer(sentBefore + 1);
    expect(survey.get('Body')).toMatch(/How did we do\?/);
  });

  test("the customer's 5 is recorded as the conversation's CSAT", async () => {
    await customerWrites('5');
    const until = Date.now() + 30_000;
    let csat: { status?: string; score?: number } | undefined;
    while (Date.now() < until) {
      const detail = await api('GET', `/conversations/${conversationId}`);
      csat = detail.body.conversation.csat;
      if (csat?.status === 'answered') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(csat).toMatchObject({ status: 'answered', score: 5 });
  });

  test('every reply in the transcript reached the customer exactly once', async () => {
    const outbound = (await store.listMessages(conversationId)).filter((m) => m.direction === 'outbound');
    await twilio.waitFor(() => toCustomer().length >= outbound.length, 30_000).catch(() => undefined);
    expect(toCustomer().map((f) => f.get('Body'))).toEqual(outbound.map((m) => m.text));
  });

  return { prefix, server: () => server, twilio: () => twilio };
}
