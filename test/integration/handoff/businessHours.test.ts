import type { TestBaton } from '../../support/testBaton';
import { customerSays, detail, sent, startBaton, uniqueCustomer, type AgentClient } from './handoffHarness';

/**
 * Care's business hours against the handoff's clock (a fake one): outside them the customer is told,
 * in their language, when care opens and the conversation waits in the queue; inside them the
 * customer is told their place in line.
 */

// Monday 3 March 2025, 08:30 in Kolkata (03:00 UTC): care opens at 10:00.
const MONDAY_0830_IST = Date.UTC(2025, 2, 3, 3, 0);
// The same Monday, 10:30 in Kolkata.
const MONDAY_1030_IST = Date.UTC(2025, 2, 3, 5, 0);
// Saturday 8 March 2025, 12:00 in Kolkata: closed until Monday.
const SATURDAY_NOON_IST = Date.UTC(2025, 2, 8, 6, 30);

const WEEKDAYS = { mon: [{ open: '10:00', close: '18:00' }], tue: [{ open: '10:00', close: '18:00' }], wed: [{ open: '10:00', close: '18:00' }], thu: [{ open: '10:00', close: '18:00' }], fri: [{ open: '10:00', close: '18:00' }] };

let baton: TestBaton;
let admin: AgentClient;
let now = MONDAY_0830_IST;

beforeEach(async () => {
  now = MONDAY_0830_IST;
  ({ baton, admin } = await startBaton({ clock: () => now }));
  await admin.ok('PUT', '/teams/care', { name: 'Customer care', businessHours: { timeZone: 'Asia/Kolkata', days: WEEKDAYS } });
});
afterEach(() => baton.close());

async function askForPerson(text: string) {
  const answer = await customerSays(baton.url, uniqueCustomer('hours'), text);
  const d = await detail(admin, answer.conversationId!);
  return { ...d, notices: sent(d.messages, 'system').map((m) => m.text ?? '') };
}

test('before opening, an English customer is told care opens today at 10:00 and waits in the queue', async () => {
  const { conversation, notices } = await askForPerson('I want to talk to a human agent please');
  expect(conversation.status).toBe('queued');
  expect(notices).toContain('Our team is closed now; we open today at 10:00 and will reply then.');
});

test('before opening, a Hinglish customer is told in Hinglish', async () => {
  const { conversation, notices } = await askForPerson('mujhe insaan se baat karni hai');
  expect(conversation.status).toBe('queued');
  expect(notices).toContain('Hamari team abhi band hai; hum aaj 10:00 baje khulenge aur tab jawab denge.');
});

test('before opening, an Urdu customer is told in Urdu', async () => {
  const { conversation, notices } = await askForPerson('مجھے نمائندے سے بات کرنی ہے');
  expect(conversation.status).toBe('queued');
  expect(notices).toContain('ہماری ٹیم ابھی بند ہے؛ ہم آج 10:00 بجے کھلیں گے اور تب جواب دیں گے۔');
});

test('on a Saturday the customer is told care opens on Monday', async () => {
  now = SATURDAY_NOON_IST;
  const { conversation, notices } = await askForPerson('I want to talk to a human agent please');
  expect(conversation.status).toBe('queued');
  expect(notices).toContain('Our team is closed now; we open Monday at 10:00 and will reply then.');
});

test('once open, a customer is told their place in line behind those who waited overnight', async () => {
  await askForPerson('I want to talk to a human agent please');
  now = MONDAY_1030_IST;
  const { conversation, notices } = await askForPerson('I want to talk to a human agent please');
  expect(conversation.status).toBe('queued');
  expect(notices.join('\n')).toMatch(/you are number 2 in line/);
  expect(notices.join('\n')).not.toMatch(/closed/);
});

test('before opening, a customer who switches from English to Nepali in the message that escalates is told in Nepali', async () => {
  const from = uniqueCustomer('hours-switch');
  await customerSays(baton.url, from, 'what time do you open on sunday?');
  const answer = await customerSays(baton.url, from, 'मलाई कुनै मान्छेसँग कुरा गर्नु छ');
  const d = await detail(admin, answer.conversationId!);
  expect(d.conversation.status).toBe('queued');
  expect(d.packet?.language).toBe('ne');
  expect(sent(d.messages, 'system').map((m) => m.text ?? '')).toContain('हाम्रो टोली अहिले बन्द छ; हामी आज 10:00 बजे खुल्छौं र त्यसपछि जवाफ दिनेछौं।');
});
