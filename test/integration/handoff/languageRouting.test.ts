import type { TestBaton } from '../../support/testBaton';
import { customerSays, detail, startBaton, uniqueCustomer, type AgentClient } from './handoffHarness';

/** Teams state the languages their agents speak; an escalation goes to a team that speaks the customer's. */

let baton: TestBaton;
let admin: AgentClient;

beforeAll(async () => {
  ({ baton, admin } = await startBaton());
  await admin.ok('PUT', '/teams/care', { name: 'Customer care', languages: ['en', 'hi'] });
  await admin.ok('POST', '/teams', { id: 'care-ur', name: 'Care (Urdu)', languages: ['ur'] });
}, 60_000);
afterAll(async () => {
  await baton?.close();
});

test('an Urdu request for a person goes to the team that speaks Urdu', async () => {
  const answer = await customerSays(baton.url, uniqueCustomer('ur'), 'مجھے کسی انسان سے بات کرنی ہے، آپ میری مدد نہیں کر رہے');
  const d = await detail(admin, answer.conversationId!);
  expect(d.conversation).toMatchObject({ status: 'queued', language: 'ur', team: 'care-ur' });
});

test('an English request stays with the team the rules chose, which speaks English', async () => {
  const answer = await customerSays(baton.url, uniqueCustomer('en'), 'I want to talk to a human agent please');
  expect((await detail(admin, answer.conversationId!)).conversation).toMatchObject({ status: 'queued', team: 'care' });
});

test('a Hinglish request stays with care, which speaks Hindi', async () => {
  const answer = await customerSays(baton.url, uniqueCustomer('hi'), 'mujhe insaan se baat karni hai');
  expect((await detail(admin, answer.conversationId!)).conversation).toMatchObject({ status: 'queued', language: 'hi-Latn', team: 'care' });
});

test('a language that is not a tag is refused with the field named', async () => {
  const r = await admin.call('PUT', '/teams/care', { name: 'Customer care', languages: ['Urdu!'] });
  expect(r.status).toBe(400);
  expect(r.body.error.message).toContain('body.languages.0');
});
