import type { TestBaton } from '../../support/testBaton';
import { customerSays, detail, sent, startBaton, uniqueCustomer, type AgentClient } from './handoffHarness';

/**
 * NPS beside CSAT, chosen per team (`survey`: csat, nps or both): the question goes in the
 * customer's language, a bare score is followed by "why?", a detractor (0–6) opens the 24-hour
 * follow-up as a low CSAT does, and `both` asks CSAT first, then NPS.
 */

let baton: TestBaton;
let admin: AgentClient;

beforeEach(async () => {
  ({ baton, admin } = await startBaton());
});
afterEach(() => baton.close());

async function setCareSurvey(survey: 'csat' | 'nps' | 'both'): Promise<void> {
  await admin.ok('PUT', '/teams/care', { name: 'Customer care', survey });
}

/** Escalated to care in `text`'s language, claimed, answered and resolved by the admin. */
async function resolved(text = 'I want to talk to a human agent please'): Promise<{ id: string; from: string }> {
  const from = uniqueCustomer('nps');
  const answer = await customerSays(baton.url, from, text);
  const id = answer.conversationId!;
  await admin.ok('POST', `/conversations/${id}/claim`);
  await admin.ok('POST', `/conversations/${id}/messages`, { text: 'Done, your refund is on its way.' });
  await admin.ok('POST', `/conversations/${id}/resolve`);
  return { id, from };
}

const openFollowUps = async () =>
  (await admin.ok<{ items: { conversationId: string; score: number; scale: string }[] }>('GET', '/follow-ups?status=open')).items;

test('a team set to nps asks 0–10 instead of CSAT, then "why?" after a bare score, and keeps the reason', async () => {
  await setCareSurvey('nps');
  const { id, from } = await resolved();
  let d = await detail(admin, id);
  expect(d.conversation.nps).toMatchObject({ status: 'pending' });
  expect(d.conversation.csat).toBeUndefined();
  expect(sent(d.messages, 'system').some((m) => m.meta?.survey === 'nps10')).toBe(true);

  const afterScore = await customerSays(baton.url, from, '9');
  expect(afterScore.replies.map((r) => r.text).join(' ')).toMatch(/main reason/);
  await customerSays(baton.url, from, 'quick and friendly');
  d = await detail(admin, id);
  expect(d.conversation.nps).toMatchObject({ status: 'answered', score: 9, comment: 'quick and friendly' });
  expect(d.conversation.status).toBe('resolved');
  expect(await openFollowUps()).toEqual([]);
});

test('a Hindi customer gets the NPS question in Hindi and may answer with a number word ("नौ")', async () => {
  await setCareSurvey('nps');
  const { id, from } = await resolved('मुझे किसी इंसान से बात करनी है');
  const d = await detail(admin, id);
  const question = sent(d.messages, 'system').find((m) => m.meta?.survey === 'nps10');
  expect(question?.text).toMatch(/सुझाने/);
  await customerSays(baton.url, from, 'नौ - बहुत अच्छी सेवा');
  expect((await detail(admin, id)).conversation.nps).toMatchObject({ status: 'answered', score: 9, comment: 'बहुत अच्छी सेवा' });
});

test('a detractor score (0–6) opens the 24-hour follow-up for the team', async () => {
  await setCareSurvey('nps');
  const { id, from } = await resolved();
  await customerSays(baton.url, from, '3');
  expect((await detail(admin, id)).conversation.nps).toMatchObject({ status: 'why', score: 3 });
  expect(await openFollowUps()).toEqual([expect.objectContaining({ conversationId: id, score: 3, scale: 'nps10' })]);
});

test('a team set to both asks CSAT first, then NPS after the CSAT answer', async () => {
  await setCareSurvey('both');
  const { id, from } = await resolved();
  expect((await detail(admin, id)).conversation).toMatchObject({ csat: { status: 'pending', scale: 'csat5' } });
  await customerSays(baton.url, from, '4');
  let d = await detail(admin, id);
  expect(d.conversation.csat).toMatchObject({ status: 'answered', score: 4 });
  expect(d.conversation.nps).toMatchObject({ status: 'pending' });
  await customerSays(baton.url, from, '10 - you fixed it fast');
  d = await detail(admin, id);
  expect(d.conversation.nps).toMatchObject({ status: 'answered', score: 10, comment: 'you fixed it fast' });
});

test('a team set to csat never asks NPS', async () => {
  await setCareSurvey('csat');
  const { id, from } = await resolved();
  await customerSays(baton.url, from, '5');
  const d = await detail(admin, id);
  expect(d.conversation.csat).toMatchObject({ status: 'answered', score: 5, scale: 'csat5' });
  expect(d.conversation.nps).toBeUndefined();
});

test('the team API refuses an unknown survey kind with a message naming the field', async () => {
  const r = await admin.call('PUT', '/teams/care', { name: 'Customer care', survey: 'stars' });
  expect(r.status).toBe(400);
  expect(JSON.stringify(r.body)).toMatch(/survey/);
});
