import { randomBytes } from 'node:crypto';
import { signMessengerBody } from '../../../src/channels/messenger';
import { FakeGraphApi } from '../../support/fakePlatforms';
import { MESSENGER_TEST_ENV, type TestBaton } from '../../support/testBaton';
import { customerSays, detail, sent, startBaton, uniqueCustomer, waitUntil, type AgentClient } from './handoffHarness';

/**
 * The satisfaction survey after an agent resolves: answers are recorded, a low score opens a
 * follow-up until someone marks it done, anything else reopens the conversation to the bot, and a
 * closed Messenger window means no survey at all (recorded as skipped, with the reason).
 */

const H = 3600_000;
let graph: FakeGraphApi;
let baton: TestBaton;
let admin: AgentClient;
let offset = 0;

beforeAll(async () => {
  graph = await new FakeGraphApi().start();
});
afterAll(() => graph.stop());
beforeEach(async () => {
  offset = 0;
  ({ baton, admin } = await startBaton({ env: { META_GRAPH_URL: graph.url }, clock: () => Date.now() + offset }));
});
afterEach(() => baton.close());

/** Escalated, claimed, answered and resolved by the admin; the survey went out. */
async function resolvedWithSurvey(): Promise<{ id: string; from: string }> {
  const from = uniqueCustomer('csat');
  const answer = await customerSays(baton.url, from, 'I want to talk to a human agent please');
  const id = answer.conversationId!;
  await admin.ok('POST', `/conversations/${id}/claim`);
  await admin.ok('POST', `/conversations/${id}/messages`, { text: 'Your refund was issued today.' });
  const resolved = await admin.ok('POST', `/conversations/${id}/resolve`);
  expect(resolved.status).toBe('resolved');
  const d = await detail(admin, id);
  expect(d.conversation.csat).toMatchObject({ status: 'pending', scale: 'csat5' });
  expect(sent(d.messages, 'system').some((m) => m.meta?.survey === 'csat5')).toBe(true);
  return { id, from };
}

const followUps = async (status: 'open' | 'done') =>
  (await admin.ok<{ items: { id: string; conversationId: string; score: number }[] }>('GET', `/follow-ups?status=${status}`)).items;

test('a "5" after the survey is recorded as the conversation\'s CSAT', async () => {
  const { id, from } = await resolvedWithSurvey();
  await customerSays(baton.url, from, '5');
  const d = await detail(admin, id);
  expect(d.conversation.csat).toMatchObject({ status: 'answered', score: 5, scale: 'csat5' });
  expect(d.conversation.status).toBe('resolved');
  expect(await followUps('open')).toEqual([]);
});

test('a "2" is recorded and opens a follow-up that stays open until it is marked done', async () => {
  const { id, from } = await resolvedWithSurvey();
  await customerSays(baton.url, from, '2');
  expect((await detail(admin, id)).conversation.csat).toMatchObject({ status: 'answered', score: 2 });
  const open = await followUps('open');
  expect(open).toEqual([expect.objectContaining({ conversationId: id, score: 2 })]);

  const done = await admin.ok('POST', `/follow-ups/${open[0]!.id}/done`);
  expect(done).toMatchObject({ status: 'done', doneBy: admin.id });
  expect(await followUps('open')).toEqual([]);
  expect((await followUps('done')).map((f) => f.id)).toEqual([open[0]!.id]);
});

test('a reply that is not a score reopens the conversation to the bot and records the survey as skipped', async () => {
  const { id, from } = await resolvedWithSurvey();
  const turn = await customerSays(baton.url, from, 'what time does the store open?');
  expect(turn.status).toBe('bot');
  expect(turn.replies.some((r) => r.author === 'bot')).toBe(true);
  const d = await detail(admin, id);
  expect(d.conversation.status).toBe('bot');
  expect(d.conversation.reopenCount).toBe(1);
  expect(d.conversation.csat).toMatchObject({ status: 'skipped', skippedReason: expect.stringMatching(/something else/) });
  expect(d.conversation.csat?.score).toBeUndefined();
});

test('resolving a Messenger conversation more than 24 hours after the customer wrote sends no survey and records it as skipped with the reason', async () => {
  const psid = `67${String(randomBytes(6).readUIntBE(0, 6)).padStart(14, '0').slice(0, 14)}`;
  const now = Date.now();
  const body = JSON.stringify({
    object: 'page',
    entry: [{ id: '107548231234567', time: now, messaging: [{ sender: { id: psid }, recipient: { id: '107548231234567' }, timestamp: now, message: { mid: `m_${randomBytes(20).toString('hex')}`, text: 'I want to talk to a human agent please' } }] }],
  });
  await fetch(`${baton.url}/webhooks/messenger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMessengerBody(body, MESSENGER_TEST_ENV.META_APP_SECRET) },
    body,
  });
  const conv = await waitUntil(async () => {
    const c = await baton.runtime.store.findByAddress('messenger', psid);
    return c?.status === 'queued' ? c : undefined;
  });
  await baton.settle();
  await admin.ok('POST', `/conversations/${conv.id}/claim`);
  const sentBefore = graph.messages().filter((m) => m.recipient.id === psid).length;
  offset = 30 * H;
  await admin.ok('POST', `/conversations/${conv.id}/resolve`);
  const d = await detail(admin, conv.id);
  expect(d.conversation.status).toBe('resolved');
  expect(d.conversation.csat).toMatchObject({ status: 'skipped', skippedReason: expect.stringMatching(/24-hour window closed/) });
  await new Promise((r) => setTimeout(r, 100));
  expect(graph.messages().filter((m) => m.recipient.id === psid)).toHaveLength(sentBefore);
});
