import { languageFirst } from '../../../../src/console/client/console/canned';
import { agentChanges, type AgentFields } from '../../../../src/console/client/console/admin/agentFields';
import { previewParts } from '../../../../src/console/client/console/admin/cannedParts';
import { describeAudit, recentCustomers } from '../../../../src/console/client/console/admin/customers';
import { scoreText, splitByDue, type FollowUpWire } from '../../../../src/console/client/console/admin/followUps';
import { businessHoursOf, describeHours, hoursFormOf } from '../../../../src/console/client/console/admin/hoursForm';
import { parseRoute, routePath } from '../../../../src/console/client/console/route';
import type { ConversationListItem } from '../../../../src/console/client/shared/types';

describe('admin routes', () => {
  test('an admin section and a customer id round-trip through the path', () => {
    expect(parseRoute('/console/admin/customers/cu_1')).toEqual({ page: 'admin', section: 'customers', customerId: 'cu_1' });
    expect(routePath({ page: 'admin', section: 'follow-ups' })).toBe('/console/admin/follow-ups');
  });
  test('an unknown admin section opens the agents', () => {
    expect(parseRoute('/console/admin/nope')).toEqual({ page: 'admin', section: 'agents' });
  });
});

describe('team hours form', () => {
  test('a team without hours starts switched off, Monday to Friday 09:00–18:00, and sends no hours', () => {
    const form = hoursFormOf(undefined, 'Asia/Kolkata');
    expect(form.enabled).toBe(false);
    expect(form.days.mon).toEqual([{ open: '09:00', close: '18:00' }]);
    expect(form.days.sat).toEqual([]);
    expect(businessHoursOf(form)).toBeUndefined();
  });
  test('switched on, closed days are left out and holidays are sent once each, in order', () => {
    const form = { ...hoursFormOf(undefined, ' Asia/Kathmandu '), enabled: true, holidays: ['2026-10-21', '2026-01-26', '2026-10-21'] };
    const hours = businessHoursOf(form)!;
    expect(hours.timeZone).toBe('Asia/Kathmandu');
    expect(Object.keys(hours.days)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(hours.holidays).toEqual(['2026-01-26', '2026-10-21']);
  });
  test('hours read back into the form unchanged', () => {
    const hours = { timeZone: 'Asia/Karachi', days: { sat: [{ open: '10:00', close: '14:00' }] }, holidays: ['2026-03-23'] };
    expect(businessHoursOf(hoursFormOf(hours))).toEqual(hours);
  });
  test('are described in one line, or as always open', () => {
    expect(describeHours(undefined)).toBe('Always open');
    expect(describeHours({ timeZone: 'Asia/Karachi', days: { sat: [{ open: '10:00', close: '14:00' }] }, holidays: ['2026-03-23'] })).toBe(
      'Asia/Karachi · Sat 10:00–14:00 · 1 holiday',
    );
  });
});

describe('agent changes', () => {
  const before: AgentFields = { email: 'a@b.c', name: 'A', role: 'agent', teams: ['care', 'sales'], capacity: 3, disabled: false };
  test('only the fields that changed are sent; the same teams in another order are no change', () => {
    expect(agentChanges(before, { ...before, teams: ['sales', 'care'], capacity: 4 })).toEqual({ capacity: 4 });
  });
  test('nothing changed gives an empty change', () => {
    expect(agentChanges(before, { ...before })).toEqual({});
  });
});

describe('canned answer preview', () => {
  test('a text over 1600 characters is two WhatsApp messages and one Messenger message', () => {
    const text = 'Your refund is on its way. '.repeat(70).trim();
    expect(text.length).toBeGreaterThan(1600);
    expect(previewParts(text, 'whatsapp')).toHaveLength(2);
    expect(previewParts(text, 'messenger')).toEqual([text]);
  });
  test('an empty text is no message', () => {
    expect(previewParts('   ', 'whatsapp')).toEqual([]);
  });
});

describe('follow-ups', () => {
  const f = (id: string, dueAt: string, status: 'open' | 'done' = 'open'): FollowUpWire => ({
    id,
    conversationId: `c_${id}`,
    team: 'care',
    score: 1,
    scale: 'csat5',
    dueAt,
    status,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  test('open ones split at now: overdue most overdue first, due soonest first; done ones left out', () => {
    const now = Date.parse('2026-01-10T12:00:00.000Z');
    const items = [f('b', '2026-01-11T00:00:00.000Z'), f('a', '2026-01-09T00:00:00.000Z'), f('c', '2026-01-10T13:00:00.000Z'), f('z', '2026-01-01T00:00:00.000Z', 'done'), f('y', '2026-01-08T00:00:00.000Z')];
    const { overdue, due } = splitByDue(items, now);
    expect(overdue.map((x) => x.id)).toEqual(['y', 'a']);
    expect(due.map((x) => x.id)).toEqual(['c', 'b']);
  });
  test('a score names its scale', () => {
    expect(scoreText({ score: 3, scale: 'nps10' })).toBe('3 / 10 (NPS)');
  });
});

describe('customers', () => {
  const item = (id: string, customerId: string | undefined, at: string): ConversationListItem =>
    ({ id, channel: 'sandbox', customer: { ...(customerId ? { id: customerId } : {}), address: `addr-${id}` }, status: 'bot', lastMessage: { at } }) as ConversationListItem;
  test('the latest conversations give each customer once, newest first', () => {
    const list = recentCustomers([item('1', 'cu_a', '2026-01-01T00:00:00Z'), item('2', 'cu_b', '2026-01-03T00:00:00Z'), item('3', 'cu_a', '2026-01-02T00:00:00Z'), item('4', undefined, '2026-01-04T00:00:00Z')]);
    expect(list.map((c) => [c.id, c.address])).toEqual([
      ['cu_b', 'addr-2'],
      ['cu_a', 'addr-3'],
    ]);
  });
  test('a merge in the audit trail reads as who went into whom, why, and what moved', () => {
    const line = describeAudit({
      at: '2026-01-01T00:00:00Z',
      actor: 'ag_1',
      action: 'identity.merge',
      target: 'cu_a',
      details: { targetId: 'cu_a', sourceId: 'cu_b', reason: 'same phone', addresses: 1, conversations: 2 },
    });
    expect(line).toBe('merged cu_b into cu_a: same phone (1 address, 2 conversations moved)');
  });
});

describe('canned answers in the composer', () => {
  const answers = [
    { id: 'en', team: 'care', shortcut: '/refund', title: 'Refund', text: '5–7 days', language: 'en' },
    { id: 'any', team: 'care', shortcut: '/hello', title: 'Hello', text: 'Hi' },
    { id: 'hi', team: 'care', shortcut: '/refund', title: 'Refund', text: '5–7 दिन', language: 'hi' },
  ];
  test("the conversation's language comes first, then any language, then the others", () => {
    expect(languageFirst(answers, 'hi').map((a) => a.id)).toEqual(['hi', 'any', 'en']);
  });
  test('a conversation without a language keeps answers for any language first', () => {
    expect(languageFirst(answers, undefined).map((a) => a.id)).toEqual(['any', 'en', 'hi']);
  });
});
