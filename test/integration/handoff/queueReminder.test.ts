import type { TestBaton } from '../../support/testBaton';
import { createAgent, customerSays, detail, sent, startBaton, uniqueCustomer, type AgentClient } from './handoffHarness';

/**
 * A customer waiting in the queue who asks how long, whether anyone is there, or for a person
 * again is told where they stand, in their language, at most once a minute. Anything else they
 * write waits for the agent, and once an agent has the conversation Baton says nothing.
 */

// Monday 3 March 2025, 10:30 in Kolkata: care is open.
const MONDAY_1030_IST = Date.UTC(2025, 2, 3, 5, 0);

let baton: TestBaton;
let admin: AgentClient;
let now = MONDAY_1030_IST;

beforeEach(async () => {
  now = MONDAY_1030_IST;
  ({ baton, admin } = await startBaton({ clock: () => now }));
});
afterEach(() => baton.close());

async function queued(text = 'I want to talk to a human agent please'): Promise<{ from: string; conversationId: string }> {
  const from = uniqueCustomer('reminder');
  const answer = await customerSays(baton.url, from, text);
  const d = await detail(admin, answer.conversationId!);
  expect(d.conversation.status).toBe('queued');
  return { from, conversationId: answer.conversationId! };
}

async function notices(conversationId: string): Promise<string[]> {
  return sent((await detail(admin, conversationId)).messages, 'system').map((m) => m.text ?? '');
}

test('a queued customer who asks how long it will take is told their place in line again', async () => {
  const { from, conversationId } = await queued();
  now += 2 * 60_000;
  await customerSays(baton.url, from, 'how long will it take??');
  const told = await notices(conversationId);
  expect(told).toHaveLength(2);
  expect(told[1]).toMatch(/you are number 1 in line/);
});

test('a queued customer who only nudges with "hello??" is told where they stand', async () => {
  const { from, conversationId } = await queued();
  now += 2 * 60_000;
  await customerSays(baton.url, from, 'hello??');
  expect(await notices(conversationId)).toHaveLength(2);
});

test('a queued Hinglish customer who asks "koi hai?" is answered in Hinglish', async () => {
  const { from, conversationId } = await queued('mujhe insaan se baat karni hai');
  now += 2 * 60_000;
  await customerSays(baton.url, from, 'koi hai? kitna time lagega');
  const told = await notices(conversationId);
  expect(told).toHaveLength(2);
  expect(told[1]).toBe(told[0]);
});

test('a queued customer who asks for a person again is reminded rather than ignored', async () => {
  const { from, conversationId } = await queued();
  now += 2 * 60_000;
  await customerSays(baton.url, from, 'please connect me to an agent');
  expect(await notices(conversationId)).toHaveLength(2);
});

test('a queued customer who sends details gets no reply: they wait for the agent', async () => {
  const { from, conversationId } = await queued();
  now += 2 * 60_000;
  const answer = await customerSays(baton.url, from, 'my order is SG-482913 and the screen is cracked');
  expect(answer.replies).toEqual([]);
  expect(await notices(conversationId)).toHaveLength(1);
});

test('a queued customer who asks twice within a minute is reminded once', async () => {
  const { from, conversationId } = await queued();
  now += 2 * 60_000;
  await customerSays(baton.url, from, 'anyone there?');
  now += 20_000;
  await customerSays(baton.url, from, 'hello???');
  expect(await notices(conversationId)).toHaveLength(2);
});

test('a customer whose conversation an agent holds hears nothing from Baton when asking how long', async () => {
  const { from, conversationId } = await queued();
  const agent = await createAgent(baton.url, admin, { email: 'asha@reminder.test', name: 'Asha' });
  await agent.ok('POST', `/conversations/${conversationId}/claim`);
  now += 2 * 60_000;
  const answer = await customerSays(baton.url, from, 'how long will it take??');
  expect(answer.replies).toEqual([]);
  expect(await notices(conversationId)).toHaveLength(1);
});
