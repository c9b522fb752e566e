import type { Conversation } from '../../../src/conversations/types';
import { computeDashboard, computeFigures, dashboardTeamOf } from '../../../src/metrics/dashboard/computeDashboard';
import { SEED_CONVERSATIONS, SEED_EXPECTED_REPORT, SEED_FOLLOW_UPS, SEED_FROM, SEED_NOW, SEED_TO } from './dashboardSeed';

const M = 60_000;
const period = { from: SEED_FROM, to: SEED_TO };
const seedReport = () => computeDashboard(SEED_CONVERSATIONS, SEED_FOLLOW_UPS, period, SEED_NOW);

let n = 0;
function conv(fields: Partial<Conversation> = {}): Conversation {
  n++;
  return {
    id: `t${n}`,
    ownerToken: 0,
    channel: 'whatsapp',
    customerAddress: `whatsapp:+1${n}`,
    status: 'bot',
    createdAt: SEED_FROM + n,
    updatedAt: SEED_FROM + n,
    messageCount: 1,
    ...fields,
  };
}
const figures = (cs: Conversation[]) => computeFigures(cs, [], SEED_NOW);

describe('computeDashboard on the seeded care week', () => {
  test('gives exactly the hand-worked report', () => {
    expect(seedReport()).toEqual(SEED_EXPECTED_REPORT);
  });

  test('gives the same report whatever order the conversations come in', () => {
    const reversed = computeDashboard([...SEED_CONVERSATIONS].reverse(), [...SEED_FOLLOW_UPS].reverse(), period, SEED_NOW);
    expect(reversed).toEqual(SEED_EXPECTED_REPORT);
  });

  test('does not change its inputs', () => {
    const before = JSON.stringify([SEED_CONVERSATIONS, SEED_FOLLOW_UPS]);
    seedReport();
    expect(JSON.stringify([SEED_CONVERSATIONS, SEED_FOLLOW_UPS])).toBe(before);
  });

  test('counts a conversation created exactly at `from` and leaves out one created exactly at `to`', () => {
    const atFrom = SEED_CONVERSATIONS.filter((c) => c.id === 'c01');
    const atTo = SEED_CONVERSATIONS.filter((c) => c.id === 'c14');
    expect(computeDashboard(atFrom, [], period, SEED_NOW).conversations).toBe(1);
    expect(computeDashboard(atTo, [], period, SEED_NOW).conversations).toBe(0);
  });

  test('byChannel and byTeam each add up to the whole period', () => {
    const r = seedReport();
    const sum = (scopes: Record<string, { conversations: number; escalated: number }>, k: 'conversations' | 'escalated') =>
      Object.values(scopes).reduce((a, s) => a + s[k], 0);
    expect(sum(r.byChannel, 'conversations')).toBe(r.conversations);
    expect(sum(r.byTeam, 'conversations')).toBe(r.conversations);
    expect(sum(r.byTeam, 'escalated')).toBe(r.escalated);
  });

  test('an empty period has zero counts and null ratios', () => {
    const r = computeDashboard(SEED_CONVERSATIONS, SEED_FOLLOW_UPS, { from: 0, to: 1 }, SEED_NOW);
    expect(r).toMatchObject({
      conversations: 0,
      escalated: 0,
      resolved: 0,
      responseRate: null,
      firstResponseMedianMs: null,
      firstResponseP90Ms: null,
      avgHandleMs: null,
      firstContactResolution: null,
      botContainment: null,
      escalationRate: null,
      escalationsByReason: {},
      csat: [],
      csatSkipped: 0,
      openFollowUps: { open: 0, overdue: 0 },
      byChannel: {},
      byTeam: {},
    });
  });
});

describe('response figures', () => {
  test('responseRate is the share of escalated conversations a person replied to', () => {
    const f = figures([
      conv({ escalatedAt: 1, firstAgentReplyAt: 2 }),
      conv({ escalatedAt: 1 }),
      conv({ escalatedAt: 1 }),
      conv({ escalatedAt: 1 }),
      conv(),
    ]);
    expect(f.responseRate).toBe(0.25);
  });

  test('first response percentiles are nearest-rank over reply minus escalation', () => {
    const times = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((m) => conv({ escalatedAt: 1000, firstAgentReplyAt: 1000 + m * M }));
    const f = figures(times);
    expect(f.firstResponseMedianMs).toBe(5 * M);
    expect(f.firstResponseP90Ms).toBe(9 * M);
  });

  test('a reply recorded before the latest escalation counts as replied but gives no time', () => {
    const f = figures([conv({ firstAgentReplyAt: 100, escalatedAt: 500 }), conv({ escalatedAt: 0, firstAgentReplyAt: 3 * M })]);
    expect(f.responseRate).toBe(1);
    expect(f.firstResponseMedianMs).toBe(3 * M);
    expect(f.firstResponseP90Ms).toBe(3 * M);
  });

  test('a reply without an escalation is not a response', () => {
    const f = figures([conv({ firstAgentReplyAt: 100 })]);
    expect(f.responseRate).toBeNull();
    expect(f.firstResponseMedianMs).toBeNull();
  });
});

describe('handle time and resolution', () => {
  test('avgHandleMs averages resolution minus assignment over resolved conversations that had an agent', () => {
    const f = figures([
      conv({ status: 'resolved', assignedAt: 0, resolvedAt: 10 * M }),
      conv({ status: 'resolved', assignedAt: 0, resolvedAt: 21 * M }),
      conv({ status: 'resolved', resolvedAt: 99 * M }),
      conv({ status: 'assigned', assignedAt: 0 }),
      conv({ status: 'bot', assignedAt: 0, resolvedAt: 500 * M }),
    ]);
    expect(f.avgHandleMs).toBe(15.5 * M);
  });

  test('rounds the mean handle time to whole milliseconds', () => {
    const f = figures([
      conv({ status: 'resolved', assignedAt: 0, resolvedAt: 1 }),
      conv({ status: 'resolved', assignedAt: 0, resolvedAt: 1 }),
      conv({ status: 'resolved', assignedAt: 0, resolvedAt: 2 }),
    ]);
    expect(f.avgHandleMs).toBe(1);
  });

  test('leaves out a resolution stamped before its assignment', () => {
    const f = figures([conv({ status: 'resolved', assignedAt: 10 * M, resolvedAt: 5 * M })]);
    expect(f.avgHandleMs).toBeNull();
    expect(f.resolved).toBe(1);
  });

  test('first contact resolution counts unset reopenCount as never reopened', () => {
    const f = figures([
      conv({ status: 'resolved' }),
      conv({ status: 'resolved', reopenCount: 0 }),
      conv({ status: 'resolved', reopenCount: 2 }),
      conv({ status: 'bot', reopenCount: 1 }),
    ]);
    expect(f.firstContactResolution).toBe(0.6667);
  });
});

describe('containment and escalations', () => {
  test('containment and escalation rate are complementary shares of all conversations', () => {
    const f = figures([conv(), conv(), conv({ escalatedAt: 1, escalationReason: 'abuse' })]);
    expect(f.botContainment).toBe(0.6667);
    expect(f.escalationRate).toBe(0.3333);
  });

  test('counts escalations by reason, with unknown for a missing reason', () => {
    const f = figures([
      conv({ escalatedAt: 1, escalationReason: 'vip' }),
      conv({ escalatedAt: 1, escalationReason: 'vip' }),
      conv({ escalatedAt: 1 }),
      conv({ escalationReason: 'abuse' }),
    ]);
    expect(f.escalationsByReason).toEqual({ unknown: 1, vip: 2 });
  });

  test('files escalated conversations under their team, unassigned without one, and the rest under bot', () => {
    expect(dashboardTeamOf(conv({ escalatedAt: 1, team: 'sales' }))).toBe('sales');
    expect(dashboardTeamOf(conv({ escalatedAt: 1 }))).toBe('unassigned');
    expect(dashboardTeamOf(conv({ team: 'sales' }))).toBe('bot');
  });
});

describe('satisfaction', () => {
  test('reports each scale separately, csat5 first, only when answered', () => {
    const f = figures([
      conv({ csat: { status: 'answered', scale: 'nps10', score: 0 } }),
      conv({ csat: { status: 'answered', scale: 'csat5', score: 3 } }),
      conv({ csat: { status: 'pending', scale: 'csat5' } }),
    ]);
    expect(f.csat.map((c) => [c.scale, c.responses, c.average])).toEqual([
      ['csat5', 1, 3],
      ['nps10', 1, 0],
    ]);
  });

  test('NPS is percent promoters (9-10) minus percent detractors (0-6); 7 and 8 are passive', () => {
    const scores = [10, 9, 9, 8, 7, 6, 0];
    const f = figures(scores.map((score) => conv({ csat: { status: 'answered', scale: 'nps10', score } })));
    const nps = f.csat.find((c) => c.scale === 'nps10');
    expect(nps?.nps).toBe(14.3); // (3 - 2) / 7 = 14.29%
    expect(nps?.average).toBe(7);
  });

  test('the distribution lists every score of the scale and leaves out scores off the scale', () => {
    const f = figures([
      conv({ csat: { status: 'answered', scale: 'csat5', score: 5 } }),
      conv({ csat: { status: 'answered', scale: 'csat5', score: 0 } }),
      conv({ csat: { status: 'answered', scale: 'csat5', score: 11 } }),
    ]);
    expect(f.csat).toEqual([{ scale: 'csat5', responses: 1, average: 5, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 } }]);
  });

  test('counts skipped surveys, not pending ones', () => {
    const f = figures([
      conv({ csat: { status: 'skipped', scale: 'csat5', skippedReason: 'window_closed' } }),
      conv({ csat: { status: 'pending', scale: 'nps10' } }),
    ]);
    expect(f.csatSkipped).toBe(1);
    expect(f.csat).toEqual([]);
  });
});

describe('follow-ups', () => {
  test('counts open follow-ups of the period and those due strictly before now as overdue', () => {
    const a = conv();
    const b = conv();
    const report = computeDashboard(
      [a, b],
      [
        { conversationId: a.id, status: 'open', dueAt: SEED_NOW - 1 },
        { conversationId: a.id, status: 'open', dueAt: SEED_NOW },
        { conversationId: b.id, status: 'done', dueAt: SEED_NOW - 1 },
        { conversationId: 'elsewhere', status: 'open', dueAt: SEED_NOW - 1 },
      ],
      period,
      SEED_NOW,
    );
    expect(report.openFollowUps).toEqual({ open: 2, overdue: 1 });
  });
});

describe('NPS and call deflection figures', () => {
  const base = (id: string, extra: Partial<Conversation>): Conversation => ({
    id,
    ownerToken: 0,
    channel: 'whatsapp',
    customerAddress: `whatsapp:+9199000000${id}`,
    status: 'resolved',
    createdAt: 1_000,
    updatedAt: 2_000,
    messageCount: 2,
    ...extra,
  });

  test('promoters, passives, detractors and the score, worked out by hand', () => {
    // scores 10, 9, 8, 7, 6, 0 (+ a skipped one and a pending one, not counted):
    // promoters 2, passives 2, detractors 2 → (2 − 2) / 6 = 0; with one more 9: (3 − 2) / 7 = 14.3
    const conversations = [
      base('1', { nps: { status: 'answered', score: 10, comment: 'great' } }),
      base('2', { nps: { status: 'why', score: 9 } }),
      base('3', { nps: { status: 'answered', score: 8 } }),
      base('4', { csat: { status: 'answered', scale: 'nps10', score: 7 } }),
      base('5', { nps: { status: 'answered', score: 6 } }),
      base('6', { nps: { status: 'answered', score: 0 } }),
      base('7', { nps: { status: 'skipped', skippedReason: 'window closed' } }),
      base('8', { nps: { status: 'pending', askedAt: 1_500 } }),
      base('9', { csat: { status: 'answered', scale: 'csat5', score: 5 } }),
    ];
    expect(computeFigures(conversations, [], 3_000).nps).toEqual({ responses: 6, promoters: 2, passives: 2, detractors: 2, score: 0 });
    const more = [...conversations, base('10', { nps: { status: 'answered', score: 9 } })];
    expect(computeFigures(more, [], 3_000).nps).toEqual({ responses: 7, promoters: 3, passives: 2, detractors: 2, score: 14.3 });
  });

  test('no NPS answer means no nps figures', () => {
    expect(computeFigures([base('1', { csat: { status: 'answered', scale: 'csat5', score: 4 } })], [], 3_000).nps).toBeUndefined();
  });

  test('deflected calls and how many became conversations (the customer wrote after the call)', () => {
    const call = (at: number) => ({ at, via: 'whatsapp' as const, callSid: `CA${at}` });
    const conversations = [
      base('1', { callDeflection: call(1_000), lastInboundAt: 1_500 }),
      base('2', { callDeflection: call(1_000) }),
      base('3', { callDeflection: { ...call(1_200), via: 'sms' }, lastInboundAt: 900 }),
      base('4', { lastInboundAt: 1_500 }),
    ];
    expect(computeFigures(conversations, [], 3_000).calls).toEqual({ deflected: 3, becameConversations: 1 });
    expect(computeFigures([base('4', {})], [], 3_000).calls).toBeUndefined();
  });
});

describe('the newer doors get their own per-channel rows', () => {
  test('Instagram and WhatsApp Cloud API conversations are counted apart from Twilio WhatsApp and Messenger', () => {
    const report = computeDashboard(
      [conv({ channel: 'whatsapp' }), conv({ channel: 'whatsapp_cloud' }), conv({ channel: 'whatsapp_cloud' }), conv({ channel: 'instagram', status: 'queued', escalatedAt: SEED_FROM + 10 })],
      [],
      period,
      SEED_NOW,
    );
    expect(Object.keys(report.byChannel)).toEqual(['instagram', 'whatsapp', 'whatsapp_cloud']);
    expect(report.byChannel.whatsapp_cloud!.conversations).toBe(2);
    expect(report.byChannel.instagram).toMatchObject({ conversations: 1, escalated: 1 });
  });
});
