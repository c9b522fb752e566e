import type { TestBaton } from '../../support/testBaton';
import { createAgent, customerSays, detail, startBaton, uniqueCustomer, waitUntil, type AgentClient } from './handoffHarness';

/**
 * The fact sheet: every customer message is read for order numbers, phones, e-mails, products,
 * dates and amounts, whoever owns the conversation, and the agent sees them in packet.facts.
 */

let baton: TestBaton;
let admin: AgentClient;

beforeEach(async () => {
  ({ baton, admin } = await startBaton());
});
afterEach(() => baton.close());

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('a first message that escalates at once', () => {
  test('keeps its order number and phone in the packet, though the bot never ran', async () => {
    const answer = await customerSays(baton.url, uniqueCustomer('facts'), 'I want to talk to a person, my order SG-482913 is late, call me on 98765 43210');
    expect(answer.status).toBe('queued');
    const d = await detail(admin, answer.conversationId!);
    const first = d.messages.find((m) => m.author === 'customer')!;
    expect(d.packet!.reason).toBe('customer_requested');
    expect(d.packet!.facts).toEqual([
      { kind: 'order_number', value: 'SG-482913', verified: true, messageId: first.id, at: expect.stringMatching(ISO) },
      { kind: 'phone', value: '+919876543210', verified: true, messageId: first.id, at: expect.stringMatching(ISO) },
    ]);
  });

  test('keeps a product and an e-mail written in Hinglish', async () => {
    const answer = await customerSays(baton.url, uniqueCustomer('facts'), 'mujhe insaan se baat karni hai, mera 55 inch wala tv kharab hai, mail asha.k@example.in pe karo');
    expect(answer.status).toBe('queued');
    const d = await detail(admin, answer.conversationId!);
    expect(d.packet!.facts.map((f) => [f.kind, f.value, f.verified])).toEqual([
      ['product', 'Sargam Vision 55-inch 4K TV', true],
      ['email', 'asha.k@example.in', true],
    ]);
  });

  test('keeps a wrong-format order number, marked unverified', async () => {
    const answer = await customerSays(baton.url, uniqueCustomer('facts'), 'let me speak to a human, order SG-4829 never came');
    const d = await detail(admin, answer.conversationId!);
    expect(d.packet!.facts.map((f) => [f.kind, f.value, f.verified])).toEqual([['order_number', 'SG-4829', false]]);
  });
});

describe('messages written after the escalation', () => {
  let customer: string;
  let id: string;

  beforeEach(async () => {
    customer = uniqueCustomer('facts');
    const answer = await customerSays(baton.url, customer, 'I want to talk to a person, my order SG-482913 is late');
    id = answer.conversationId!;
  });

  test('while queued, add their facts to the detail, newest first', async () => {
    await customerSays(baton.url, customer, 'also my washing machine from the same order leaks, write to asha@example.com');
    const d = await detail(admin, id);
    expect(d.conversation.status).toBe('queued');
    expect(d.packet!.facts.map((f) => [f.kind, f.value])).toEqual([
      ['product', 'Washing machine'],
      ['email', 'asha@example.com'],
      ['order_number', 'SG-482913'],
    ]);
  });

  test('while assigned, add their facts too', async () => {
    const asha = await createAgent(baton.url, admin, { email: 'asha@facts.test', name: 'Asha' });
    await asha.ok('POST', `/conversations/${id}/claim`);
    await customerSays(baton.url, customer, 'my number is +977 9841234567, I paid ₹2,499');
    const d = await detail(asha, id);
    expect(d.conversation.status).toBe('assigned');
    expect(d.packet!.facts.map((f) => [f.kind, f.value])).toEqual([
      ['phone', '+9779841234567'],
      ['money', 'INR 2499'],
      ['order_number', 'SG-482913'],
    ]);
  });

  test('list a fact given twice once, under the newer message', async () => {
    await customerSays(baton.url, customer, 'hello? order sg 482913, still waiting');
    const d = await detail(admin, id);
    const newest = d.messages.filter((m) => m.author === 'customer').at(-1)!;
    expect(d.packet!.facts).toEqual([{ kind: 'order_number', value: 'SG-482913', verified: true, messageId: newest.id, at: new Date(newest.createdAt).toISOString() }]);
  });

  test('are not asked for again once the conversation is handed back to the bot', async () => {
    const asha = await createAgent(baton.url, admin, { email: 'asha@facts.test', name: 'Asha' });
    await asha.ok('POST', `/conversations/${id}/claim`);
    await asha.ok('POST', `/conversations/${id}/handback`);
    const answer = await customerSays(baton.url, customer, 'where is my order?');
    expect(answer.status).toBe('bot');
    const texts = answer.replies.filter((r) => r.author === 'bot').map((r) => r.text);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('Order SG-482913');
  });
});

describe('the bot and a number in the wrong format', () => {
  test('says what an order number looks like instead of repeating its question', async () => {
    const customer = uniqueCustomer('facts');
    const asked = await customerSays(baton.url, customer, 'where is my order?');
    const question = asked.replies.find((r) => r.author === 'bot')!.text!;
    const answer = await customerSays(baton.url, customer, 'SG-4829');
    const reply = answer.replies.find((r) => r.author === 'bot')!.text!;
    expect(reply).not.toBe(question);
    expect(reply).toContain('"SG-4829"');
    expect(reply).toContain('SG followed by 6 digits');
  });
});

describe('a one-time code typed back to link two addresses', () => {
  test('is not kept as a fact, though it looks like an order number', async () => {
    const first = uniqueCustomer('facts');
    const other = uniqueCustomer('facts');
    const firstTurn = await customerSays(baton.url, first, 'I want to talk to a human agent please');
    await customerSays(baton.url, other, 'hello');
    const customerId = (await detail(admin, firstTurn.conversationId!)).customer!.id;
    await admin.ok('POST', `/customers/${customerId}/verify-link`, { channel: 'sandbox', address: other });
    const transcript = async () => ((await (await fetch(`${baton.url}/sandbox/conversations/${other}`)).json()) as { messages: { author: string; text?: string }[] }).messages;
    const codeMessage = await waitUntil(async () => (await transcript()).find((m) => m.author === 'system' && /\d{6}/.test(m.text ?? '')));
    const code = /(\d{6})/.exec(codeMessage.text!)![1]!;
    await customerSays(baton.url, first, code);
    await customerSays(baton.url, first, 'and my order is SG-482913');
    const d = await detail(admin, firstTurn.conversationId!);
    expect(d.packet!.facts.map((f) => f.value)).toEqual(['SG-482913']);
  });
});
