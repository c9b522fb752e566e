import type { TestBaton } from '../../support/testBaton';
import { customerSays, detail, sent, startBaton, uniqueCustomer, type AgentClient } from './handoffHarness';

/**
 * A team's holidays through the team API and the handoff's clock (a fake one): on a holiday the
 * customer is told the team is closed and when it opens after the holiday.
 */

// Monday 3 March 2025, 10:30 in Kolkata: inside Monday's hours, but the Monday is a holiday.
const HOLIDAY_MONDAY_1030_IST = Date.UTC(2025, 2, 3, 5, 0);
const WEEKDAYS = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ open: '10:00', close: '18:00' }]]));

let baton: TestBaton;
let admin: AgentClient;

beforeEach(async () => {
  ({ baton, admin } = await startBaton({ clock: () => HOLIDAY_MONDAY_1030_IST }));
});
afterEach(() => baton.close());

test('on a holiday the customer is told the team is closed and opens the next working day', async () => {
  await admin.ok('PUT', '/teams/care', { name: 'Customer care', businessHours: { timeZone: 'Asia/Kolkata', days: WEEKDAYS, holidays: ['2025-03-03'] } });
  const answer = await customerSays(baton.url, uniqueCustomer('holiday'), 'I want to talk to a human agent please');
  const d = await detail(admin, answer.conversationId!);
  expect(d.conversation.status).toBe('queued');
  expect(sent(d.messages, 'system').map((m) => m.text ?? '')).toContain('Our team is closed now; we open tomorrow at 10:00 and will reply then.');
});

test('a holiday that is not a calendar date is refused, naming the field, and the team is unchanged', async () => {
  const before = await admin.ok('GET', '/teams');
  const r = await admin.call('PUT', '/teams/care', { name: 'Customer care', businessHours: { timeZone: 'Asia/Kolkata', days: WEEKDAYS, holidays: ['2025-02-30'] } });
  expect(r.status).toBe(400);
  expect(r.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Invalid request: body.businessHours.holidays.0: not a calendar date' });
  expect(await admin.ok('GET', '/teams')).toEqual(before);
});
