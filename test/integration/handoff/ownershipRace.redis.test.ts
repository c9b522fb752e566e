import { randomBytes } from 'node:crypto';
import type { Message } from '../../../src/conversations/types';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../../fixtures/twilio';
import { FakeTwilioApi } from '../../support/fakePlatforms';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';
import { laneKeys } from '../../../src/inbound/inboundQueue';
import type { TestBaton } from '../../support/testBaton';
import {
  agentClient,
  ADMIN,
  answerAfter,
  catalogWithFulfillment,
  startBaton,
  startFulfillment,
  waitUntil,
  type AgentClient,
  type FulfillmentServer,
} from './handoffHarness';

/**
 * Two Baton instances on one real Redis. The bot's turn runs on instance A and is slow (the order
 * lookup answers after a second); an agent claims the conversation through instance B's API.
 * Whatever the timing, the bot never records or sends a message once a person owns the conversation.
 */

jest.setTimeout(60_000);

const LOOKUP_MS = 1000;
const ANSWER = 'Your order SG-482913 left our warehouse and arrives on Friday.';

describeWithRedis('the ownership race between the bot on one instance and an agent on another', () => {
  const prefix = uniquePrefix('race');
  let twilio: FakeTwilioApi;
  let fulfillment: FulfillmentServer;
  let a: TestBaton;
  let b: TestBaton;
  let agentOnB: AgentClient;

  beforeAll(async () => {
    twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
    fulfillment = await startFulfillment();
    fulfillment.respond = (_req, _body, res) => answerAfter(res, LOOKUP_MS, 200, { text: ANSWER });
    const catalog = await catalogWithFulfillment(fulfillment.url);
    const env = { TWILIO_API_URL: twilio.url };
    ({ baton: a } = await startBaton({ env, catalog, redisUrl: testRedisUrl, prefix }));
    ({ baton: b } = await startBaton({ env, catalog, redisUrl: testRedisUrl, prefix }));
    agentOnB = await agentClient(b.url, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await twilio?.stop();
    await fulfillment?.close();
    await deletePrefix(testRedisUrl, prefix);
  });

  const newCustomer = () => `whatsapp:+9198${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 8)}`;

  /** A signed WhatsApp message posted to instance A's webhook. */
  async function customerWritesToA(from: string, text: string): Promise<void> {
    const params = {
      MessageSid: `SM${randomBytes(16).toString('hex')}`,
      AccountSid: TWILIO_TEST_CONFIG.accountSid,
      From: from,
      To: TWILIO_TEST_CONFIG.whatsappNumber,
      Body: text,
      NumMedia: '0',
      ProfileName: 'Race Customer',
      WaId: from.replace('whatsapp:+', ''),
    };
    const url = `${a.url}/webhooks/twilio`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, params) },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(200);
  }

  const toCustomer = (to: string) => twilio.messages().filter((f) => f.get('To') === to).map((f) => f.get('Body') ?? '');

  /** The customer asked about an order; the bot asked for its number (on A). Returns the conversation id. */
  async function orderQuestionAsked(customer: string): Promise<string> {
    await customerWritesToA(customer, 'where is my order');
    await waitUntil(async () => (toCustomer(customer).some((t) => /order number/i.test(t)) ? true : undefined), 8000, 'the order number prompt');
    const conv = await a.runtime.store.findByAddress('whatsapp', customer);
    return conv!.id;
  }

  async function claimOnB(conversationId: string): Promise<void> {
    const r = await agentOnB.call('POST', `/conversations/${conversationId}/claim`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'assigned', assigneeId: agentOnB.id });
  }

  /** Waits for A to finish the customer's lane (the slow turn included). */
  async function settled(customer: string): Promise<Message[]> {
    await waitUntil(async () => ((await a.runtime.redis.client.llen(laneKeys.lane(`whatsapp:${customer}`))) === 0 ? true : undefined), 10_000, 'lane drained');
    await a.settle();
    const conv = await a.runtime.store.findByAddress('whatsapp', customer);
    return a.runtime.store.listMessages(conv!.id);
  }

  /** No bot message after the assignment on the transcript, and nothing sent that the transcript does not show before it. */
  function expectNoBotMessageAfterTheClaim(messages: Message[], customer: string): void {
    const claimedAt = messages.findIndex((m) => m.direction === 'internal' && /^Assigned to/.test(m.text ?? ''));
    expect(claimedAt).toBeGreaterThan(-1);
    const botAfter = messages.slice(claimedAt).filter((m) => m.author === 'bot');
    expect(botAfter).toEqual([]);
    const botBefore = new Set(messages.slice(0, claimedAt).filter((m) => m.author === 'bot').map((m) => m.text));
    const sentAnswers = toCustomer(customer).filter((t) => t === ANSWER);
    for (const t of sentAnswers) expect(botBefore.has(t)).toBe(true);
  }

  test('an agent who claims while the bot waits for the order lookup silences the bot: its answer is neither recorded nor sent', async () => {
    const customer = newCustomer();
    const id = await orderQuestionAsked(customer);
    const lookups = fulfillment.requests.length;
    await customerWritesToA(customer, 'SG-482913');
    await waitUntil(async () => (fulfillment.requests.length > lookups ? true : undefined), 8000, 'the lookup started');
    await claimOnB(id);

    const messages = await settled(customer);
    expect(messages.some((m) => m.text === ANSWER)).toBe(false);
    expect(toCustomer(customer)).not.toContain(ANSWER);
    expectNoBotMessageAfterTheClaim(messages, customer);
    const conv = await b.runtime.store.get(id);
    expect(conv).toMatchObject({ status: 'assigned', assigneeId: agentOnB.id });
  });

  test('an agent who claims before the customer writes again keeps the bot silent on that message', async () => {
    const customer = newCustomer();
    const id = await orderQuestionAsked(customer);
    await claimOnB(id);
    const lookups = fulfillment.requests.length;
    await customerWritesToA(customer, 'SG-482913');
    const messages = await waitUntil(async () => {
      const m = await settled(customer);
      return m.some((x) => x.author === 'customer' && x.text === 'SG-482913') ? m : undefined;
    });
    expect(fulfillment.requests.length).toBe(lookups);
    expectNoBotMessageAfterTheClaim(messages, customer);
    expect(toCustomer(customer)).not.toContain(ANSWER);
  });

  test('an agent who claims after the bot answered takes over with the answer before the claim on the transcript', async () => {
    const customer = newCustomer();
    const id = await orderQuestionAsked(customer);
    await customerWritesToA(customer, 'SG-482913');
    await waitUntil(async () => (toCustomer(customer).includes(ANSWER) ? true : undefined), 8000, 'the bot answered');
    await settled(customer);
    await claimOnB(id);
    const messages = await settled(customer);
    expectNoBotMessageAfterTheClaim(messages, customer);
    expect(messages.filter((m) => m.text === ANSWER)).toHaveLength(1);
  });

  test.each([0, 250, 500, 800, 950, 1000, 1050, 1200])(
    'a claim %i ms into the bot’s slow lookup never leaves a bot message after the ownership changed',
    async (offsetMs) => {
      const customer = newCustomer();
      const id = await orderQuestionAsked(customer);
      const lookups = fulfillment.requests.length;
      await customerWritesToA(customer, 'SG-482913');
      await waitUntil(async () => (fulfillment.requests.length > lookups ? true : undefined), 8000, 'the lookup started');
      await new Promise((r) => setTimeout(r, offsetMs));
      await claimOnB(id);
      const messages = await settled(customer);
      expectNoBotMessageAfterTheClaim(messages, customer);
      // Either the answer was recorded before the claim (and sent), or it was dropped entirely.
      const recorded = messages.some((m) => m.text === ANSWER);
      expect(toCustomer(customer).includes(ANSWER)).toBe(recorded);
    },
  );
});
