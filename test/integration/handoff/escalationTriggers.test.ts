import type { TestBaton } from '../../support/testBaton';
import {
  answerAfter,
  catalogWithFulfillment,
  customerSays,
  detail,
  sent,
  startBaton,
  startFulfillment,
  uniqueCustomer,
  type AgentClient,
  type FulfillmentServer,
} from './handoffHarness';

/**
 * Every escalation trigger end to end: the customer writes on the sandbox, the conversation lands
 * in care's queue with the reason, and the packet an agent opens carries the reason, the language
 * and the details the customer already gave.
 */

let fulfillment: FulfillmentServer;
let baton: TestBaton;
let admin: AgentClient;

beforeAll(async () => {
  fulfillment = await startFulfillment();
});
afterAll(() => fulfillment.close());

/** 2 s of fulfillment timeout: a loaded CI machine took longer than 400 ms to answer a healthy one; the hanging one answers after 5 s. */
async function start(env: Record<string, string> = {}): Promise<void> {
  ({ baton, admin } = await startBaton({ env: { FULFILLMENT_TIMEOUT_MS: '2000', ...env }, catalog: await catalogWithFulfillment(fulfillment.url) }));
}
afterEach(async () => {
  await baton?.close();
});

/** The conversation and its packet as an agent sees them once it is queued. */
async function queued(conversationId: string | null) {
  expect(conversationId).toBeTruthy();
  const d = await detail(admin, conversationId!);
  expect(d.conversation.status).toBe('queued');
  expect(d.conversation.team).toBe('care');
  expect(d.packet).not.toBeNull();
  return { ...d, packet: d.packet! };
}

describe('a customer asking for a person', () => {
  beforeEach(() => start());

  test.each([
    ['en', 'I want to talk to a human agent please'],
    ['hi-Latn', 'mujhe insaan se baat karni hai'],
    ['ur', 'مجھے نمائندے سے بات کرنی ہے'],
  ])('is queued in care as customer_requested (%s) with the language in the packet', async (lang, text) => {
    const from = uniqueCustomer(`ask-${lang}`);
    const answer = await customerSays(baton.url, from, text);
    const { conversation, packet, messages } = await queued(answer.conversationId);
    expect(conversation.escalationReason).toBe('customer_requested');
    expect(packet.reason).toBe('customer_requested');
    expect(packet.language).toBe(lang);
    // The bot did not answer the request itself; Baton told the customer where they stand.
    expect(sent(messages, 'bot')).toHaveLength(0);
    expect(sent(messages, 'system').length).toBeGreaterThan(0);
  });

  test.each([
    ['hi-Latn', 'mujhe insaan se baat karni hai', /Hamari team ka ek saathi/],
    ['ur', 'مجھے نمائندے سے بات کرنی ہے', /ہماری ٹیم کا ایک نمائندہ/],
  ])('tells a customer whose very first message asks for a person where they stand in %s', async (_lang, text, notice) => {
    const answer = await customerSays(baton.url, uniqueCustomer('first'), text);
    const { messages } = await queued(answer.conversationId);
    expect(sent(messages, 'system').map((m) => m.text).join('\n')).toMatch(notice);
  });

  test('keeps the order number the customer already gave in the packet', async () => {
    const from = uniqueCustomer('ask-slots');
    await customerSays(baton.url, from, 'mera order kab aayega');
    await customerSays(baton.url, from, 'SG-482913');
    const answer = await customerSays(baton.url, from, 'mujhe insaan se baat karni hai');
    const { packet } = await queued(answer.conversationId);
    expect(packet.reason).toBe('customer_requested');
    expect(packet.slots.order_number).toBe('SG-482913');
    expect(packet.language).toBe('hi-Latn');
  });
});

describe('the bot', () => {
  beforeEach(() => start());

  test('hands a complaint (an intent flagged handoff in the catalog) to care as intent_flagged', async () => {
    const from = uniqueCustomer('complaint');
    const answer = await customerSays(baton.url, from, 'I want to file a complaint about the delivery');
    const { conversation, packet } = await queued(answer.conversationId);
    expect(conversation.escalationReason).toBe('intent_flagged');
    expect(packet.reason).toBe('intent_flagged');
    expect(packet.intents.map((i) => i.intent)).toContain('complaint');
    expect(packet.language).toBe('en');
  });

  test('hands over on the misunderstanding after the topics menu as repeated_misunderstanding', async () => {
    const from = uniqueCustomer('lost');
    const first = await customerSays(baton.url, from, 'blorp zibber quantum marmalade');
    expect(first.status).toBe('bot');
    const second = await customerSays(baton.url, from, 'flim flam wobble sprocket');
    expect(second.status).toBe('bot');
    const third = await customerSays(baton.url, from, 'gribble snorkel vortex');
    const { conversation, packet } = await queued(third.conversationId);
    expect(conversation.escalationReason).toBe('repeated_misunderstanding');
    expect(packet.reason).toBe('repeated_misunderstanding');
    expect(packet.language).toBe('en');
  });

  test('hands an angry customer to care as negative_sentiment with high priority', async () => {
    const from = uniqueCustomer('angry');
    const answer = await customerSays(baton.url, from, 'I am furious, this is the worst and most pathetic service, totally unacceptable');
    const { conversation, packet } = await queued(answer.conversationId);
    expect(conversation.escalationReason).toBe('negative_sentiment');
    expect(packet.reason).toBe('negative_sentiment');
    expect(conversation.priority).toBe('high');
    expect(packet.sentiment.label).toBe('negative');
  });

  test('tells an angry customer it is sorry before saying where they stand', async () => {
    const answer = await customerSays(baton.url, uniqueCustomer('angry-sorry'), 'I have been charged twice!!! This is ridiculous and totally unacceptable');
    expect(answer.status).toBe('queued');
    expect(answer.replies.map((r) => r.text)).toEqual([expect.stringMatching(/^I'm sorry about this\. A person from our team will be with you shortly/)]);
  });

  test('answers a question asked with an angry emoji instead of queueing it', async () => {
    const answer = await customerSays(baton.url, uniqueCustomer('emoji'), 'what time does the store open?? 😡');
    expect(answer.status).toBe('bot');
    expect(answer.replies.some((r) => r.author === 'bot')).toBe(true);
  });

  test('hands over an angry emoji on a message the bot does not understand, after its reply', async () => {
    const answer = await customerSays(baton.url, uniqueCustomer('emoji-lost'), 'blorp zibber quantum 😡');
    const { conversation } = await queued(answer.conversationId);
    expect(conversation.escalationReason).toBe('negative_sentiment');
  });

  test('hands an abusive customer to care as abuse', async () => {
    const from = uniqueCustomer('abuse');
    const answer = await customerSays(baton.url, from, 'you stupid idiots, where is my refund');
    const { conversation, packet } = await queued(answer.conversationId);
    expect(conversation.escalationReason).toBe('abuse');
    expect(packet.reason).toBe('abuse');
    expect(packet.reasons[0]).toBe('abuse');
  });
});

describe('a failing fulfillment endpoint', () => {
  beforeEach(() => start());

  test('that answers 500 hands the order question to care as fulfillment_failed with the order number', async () => {
    fulfillment.respond = (_req, _body, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"db down"}');
    };
    const from = uniqueCustomer('ff500');
    await customerSays(baton.url, from, 'where is my order');
    const answer = await customerSays(baton.url, from, 'SG-482913');
    const { conversation, packet, messages } = await queued(answer.conversationId);
    expect(conversation.escalationReason).toBe('fulfillment_failed');
    expect(packet.reason).toBe('fulfillment_failed');
    expect(packet.slots.order_number).toBe('SG-482913');
    expect(packet.language).toBe('en');
    // The bot said it could not look it up; it did not make an answer up.
    expect(sent(messages, 'bot').map((m) => m.text).join('\n')).toMatch(/can't look that up/);
  });

  test('that hangs past FULFILLMENT_TIMEOUT_MS hands the order question to care as fulfillment_failed', async () => {
    fulfillment.respond = (_req, _body, res) => answerAfter(res, 5000, 200, { text: 'too late' });
    const from = uniqueCustomer('ffhang');
    await customerSays(baton.url, from, 'where is my order');
    const startedAt = Date.now();
    const answer = await customerSays(baton.url, from, 'SG-482913');
    expect(Date.now() - startedAt).toBeLessThan(4000);
    const { conversation, packet, messages } = await queued(answer.conversationId);
    expect(conversation.escalationReason).toBe('fulfillment_failed');
    expect(packet.slots.order_number).toBe('SG-482913');
    expect(messages.some((m) => m.text === 'too late')).toBe(false);
  });
});

describe('a VIP customer (VIP_CUSTOMERS holds the sandbox address)', () => {
  const vip = uniqueCustomer('vip');
  beforeEach(() => start({ VIP_CUSTOMERS: vip }));

  test('whom the bot does not understand goes straight to care as vip, raised one step above the vip priority (urgent)', async () => {
    const answer = await customerSays(baton.url, vip, 'blorp zibber quantum marmalade');
    const { conversation, packet } = await queued(answer.conversationId);
    expect(conversation.escalationReason).toBe('vip');
    expect(packet.reason).toBe('vip');
    expect(packet.customer.vip).toBe(true);
    expect(conversation.priority).toBe('urgent');
  });

  test('whose question the bot answers stays with the bot', async () => {
    const answer = await customerSays(baton.url, vip, 'what time does the store open?');
    expect(answer.status).toBe('bot');
    expect(answer.replies.some((r) => r.author === 'bot')).toBe(true);
  });
});
