import type { Conversation } from '../../../../src/conversations/types';
import { customerMessageFacts, openedFacts, safeName, transitionFacts, updateFacts } from '../../../../src/metrics/aggregates/facts';

const T = Date.UTC(2026, 10, 2, 9, 0); // Monday 2 November 2026, 09:00 UTC
const M = 60_000;

const conversation = (over: Partial<Conversation> = {}): Conversation => ({
  id: 'c_1',
  ownerToken: 1,
  channel: 'whatsapp',
  customerAddress: 'whatsapp:+9779800000001',
  status: 'bot',
  createdAt: T,
  updatedAt: T,
  messageCount: 1,
  ...over,
});

describe('dashboard facts', () => {
  test('an opening counts one conversation on the day it was opened, in team bot', () => {
    expect(openedFacts(conversation(), 'UTC')).toEqual({
      day: '2026-11-02',
      conversationId: 'c_1',
      groups: [{ marker: 'opened', inc: [['all', 'conversations', 1], ['ch:whatsapp', 'conversations', 1], ['@team', 'conversations', 1]] }],
    });
  });

  test('every fact of a conversation lands on its opening day, whenever it happens', () => {
    const previous = conversation({ status: 'assigned', assigneeId: 'a_1', assignedAt: T + 3 * 86_400_000 });
    const current = { ...previous, status: 'resolved' as const, resolvedAt: T + 3 * 86_400_000 + 10 * M };
    expect(transitionFacts(previous, current, { from: ['assigned'], to: 'resolved', set: { resolvedAt: current.resolvedAt } }, 'UTC', 'en')!.day).toBe('2026-11-02');
  });

  test('the day follows the configured zone', () => {
    expect(openedFacts(conversation({ createdAt: Date.UTC(2026, 10, 2, 20, 0) }), 'Asia/Kathmandu').day).toBe('2026-11-03');
  });

  test('an escalation pins the team and language and counts the reason', () => {
    const previous = conversation();
    const current = conversation({ status: 'queued', team: 'care', escalatedAt: T + 5 * M, escalationReason: 'customer_requested' });
    const w = transitionFacts(previous, current, { from: ['bot'], to: 'queued', set: { escalatedAt: T + 5 * M, team: 'care' } }, 'UTC', 'en')!;
    expect(w).toMatchObject({ team: 'care', language: 'en' });
    expect(w.groups).toEqual([
      {
        marker: 'escalated',
        inc: ['all', 'ch:whatsapp', '@team', '@lang'].flatMap((s) => [[s, 'escalated', 1], [s, 'reason:customer_requested', 1]]),
      },
    ]);
  });

  test('a transfer is not an escalation', () => {
    const previous = conversation({ status: 'assigned', team: 'care', escalatedAt: T });
    const current = { ...previous, status: 'queued' as const, team: 'sales' };
    expect(transitionFacts(previous, current, { from: ['queued', 'assigned'], to: 'queued', set: { team: 'sales', queuedAt: T } }, 'UTC', 'en')).toBeNull();
  });

  test('a resolution by an agent counts the resolution once and each handling by its resolution time', () => {
    const previous = conversation({ status: 'assigned', assigneeId: 'a_1', assignedAt: T + 10 * M });
    const current = { ...previous, status: 'resolved' as const, resolvedAt: T + 40 * M };
    const w = transitionFacts(previous, current, { from: ['assigned'], to: 'resolved', set: { resolvedAt: T + 40 * M } }, 'UTC', 'en')!;
    expect(w.groups.map((g) => g.marker)).toEqual(['resolved', `handle:${T + 40 * M}`]);
    // resolution time 40 min = 2400 s (opening → resolution), in every scope's mean and the desk's histogram; handle time 30 min
    expect(w.groups[0]!.inc).toContainEqual(['all', 'res#2400', 1]);
    expect(w.groups[0]!.inc).toContainEqual(['ch:whatsapp', 'resSum', 40 * M]);
    expect(w.groups[0]!.inc.filter(([, field]) => field.startsWith('res#'))).toHaveLength(1);
    expect(w.groups[1]!.inc).toContainEqual(['agent:a_1', 'ahtSum', 30 * M]);
    expect(w.groups[1]!.inc).toContainEqual(['agent:a_1', 'handled', 1]);
  });

  test('a first reply after the escalation gives a first-response time for the agent who owns it', () => {
    const c = conversation({ status: 'assigned', assigneeId: 'a_1', escalatedAt: T + 5 * M });
    const [w] = updateFacts(c, { firstAgentReplyAt: T + 7 * M }, 'UTC');
    expect(w!.groups).toEqual([
      {
        marker: 'replied',
        inc: [...['all', 'ch:whatsapp', '@team', '@lang', 'agent:a_1'].flatMap((s) => [[s, 'replied', 1], [s, 'frtSum', 2 * M], [s, 'frtN', 1]]), ['all', 'frt#120', 1]],
      },
    ]);
  });

  test('a reply before any escalation is no first response', () => {
    expect(updateFacts(conversation(), { firstAgentReplyAt: T + M }, 'UTC')).toEqual([]);
  });

  test('a CSAT answer off the scale is not counted', () => {
    expect(updateFacts(conversation(), { csat: { status: 'answered', scale: 'csat5', score: 7 } }, 'UTC')).toEqual([]);
    expect(updateFacts(conversation(), { csat: { status: 'answered', scale: 'csat5', score: 4 } }, 'UTC')[0]!.groups[0]!.marker).toBe('csat');
  });

  test('a deflected call counts on the day of the call, and becomes a conversation when the customer writes after it', () => {
    const call = { at: Date.UTC(2026, 10, 5, 8, 40), via: 'whatsapp' as const, callSid: 'CA0123' };
    const c = conversation({ callDeflection: call });
    expect(updateFacts(c, { callDeflection: call }, 'UTC')).toEqual([
      { day: '2026-11-05', conversationId: 'c_1', groups: [{ marker: 'call:CA0123', inc: [['all', 'callsDeflected', 1], ['ch:whatsapp', 'callsDeflected', 1]] }] },
    ]);
    expect(customerMessageFacts(c, call.at - 1, 'UTC')).toBeNull();
    expect(customerMessageFacts(c, call.at + M, 'UTC')!.groups[0]!.marker).toBe('callConv:CA0123');
  });

  test('ids cannot break a field or key apart', () => {
    expect(safeName('a|b:c{d} e')).toBe('a_b_c_d__e');
  });
});
