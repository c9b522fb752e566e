import type { ConversationStore, OwnershipTransition } from '../../../src/conversations/conversationStore';
import type { ChannelName, Conversation } from '../../../src/conversations/types';
import type { AggregateReport, DashboardFigures, FollowUpLike } from '../../../src/metrics/aggregates/aggregateReport';

/**
 * A hand-built care week with known figures, shared by the unit tests of the CSV, the
 * integration test of the dashboard routes (replayed through the store that records the
 * aggregates) and the console's browser test. The expected report
 * below was worked out by hand from the table in the comments, not by running the code.
 *
 * Period: [2025-03-01T00:00Z, 2025-03-08T00:00Z). "Now" (for overdue follow-ups): 2025-03-06T12:00Z.
 *
 * id   channel    created    escalated (reason, team)         reply after esc  handle  status    reopen  survey
 * c01  whatsapp   T0 (edge)  -                                -                -       bot       -       -
 * c02  whatsapp   T0+1d      -                                -                - (bot) resolved  0       csat5 4
 * c03  messenger  T0+1d2h    -                                -                -       bot       -       -
 * c04  whatsapp   T0+2d      +5m customer_requested care      2m               30m     resolved  0       csat5 5
 * c05  whatsapp   T0+2d3h    +2h negative_sentiment care      (reply at +20m,  60m     resolved  1       csat5 2
 *                                 (escalated again after a      before the latest
 *                                  reopening)                   escalation: no time)
 * c06  messenger  T0+3d      +1m intent_flagged sales         5m               20m     resolved  unset   nps10 9
 * c07  messenger  T0+3d1h    +1m customer_requested sales     30m              90m     resolved  0       nps10 6
 * c08  whatsapp   T0+4d      +3m repeated_misunderstanding    -                -       queued    -       -
 *                                 care
 * c09  sandbox    T0+4d2h    +1m customer_requested care      1m               -       assigned  -       -
 * c10  whatsapp   T0+5d      +2m abuse care                   60m              45m     resolved  0       skipped
 * c11  messenger  T0+6d      -                                -                -       bot       -       -
 * c12  whatsapp   T0+6d12h   +1m vip sales                    3m               10m     resolved  0       nps10 10
 * c13  whatsapp   T0-1h      (before the period: left out)    escalated, queued
 * c14  messenger  T1 (edge)  (at the exclusive end: left out) bot
 *
 * Follow-ups: c05 open, due a day before now (overdue); c07 open, due a day after now; c12 done;
 * c13 open and overdue but its conversation is outside the period.
 *
 * Agents: c04 c05 a-asha; c06 c07 c12 a-bilal; c09 c10 a-ravi. Languages: c03 hi, c07 ne (set
 * right after opening); the others have none, so escalation pins the default language `en`.
 */

export const SEED_FROM = Date.UTC(2025, 2, 1);
export const SEED_TO = Date.UTC(2025, 2, 8);
export const SEED_NOW = Date.UTC(2025, 2, 6, 12);

const M = 60_000;
const H = 60 * M;
const D = 24 * H;
const T0 = SEED_FROM;

interface SeedSpec {
  id: string;
  channel: ChannelName;
  createdAt: number;
  status: Conversation['status'];
  escalatedAt?: number;
  escalationReason?: string;
  team?: string;
  assignedAt?: number;
  firstAgentReplyAt?: number;
  resolvedAt?: number;
  reopenCount?: number;
  csat?: Conversation['csat'];
  assigneeId?: string;
  language?: string;
}

function conversation(s: SeedSpec): Conversation {
  const times = [s.createdAt, s.escalatedAt, s.assignedAt, s.firstAgentReplyAt, s.resolvedAt].filter(
    (t): t is number => t !== undefined,
  );
  const { id, channel, createdAt, status, ...rest } = s;
  return {
    id,
    ownerToken: 0,
    channel,
    customerAddress: `${channel}:seed-${id}`,
    status,
    createdAt,
    updatedAt: Math.max(...times),
    firstInboundAt: createdAt,
    messageCount: 1,
    ...(status === 'assigned' ? { assigneeId: 'agent-seed' } : {}),
    ...rest,
  };
}

const answered = (scale: 'csat5' | 'nps10', score: number): Conversation['csat'] => ({ status: 'answered', scale, score });

export const SEED_CONVERSATIONS: Conversation[] = [
  conversation({ id: 'c01', channel: 'whatsapp', createdAt: T0, status: 'bot' }),
  conversation({
    id: 'c02',
    channel: 'whatsapp',
    createdAt: T0 + D,
    status: 'resolved',
    resolvedAt: T0 + D + 10 * M,
    reopenCount: 0,
    csat: answered('csat5', 4),
  }),
  conversation({ id: 'c03', language: 'hi', channel: 'messenger', createdAt: T0 + D + 2 * H, status: 'bot' }),
  conversation({
    id: 'c04', assigneeId: 'a-asha',
    channel: 'whatsapp',
    createdAt: T0 + 2 * D,
    status: 'resolved',
    escalatedAt: T0 + 2 * D + 5 * M,
    escalationReason: 'customer_requested',
    team: 'care',
    assignedAt: T0 + 2 * D + 6 * M,
    firstAgentReplyAt: T0 + 2 * D + 7 * M,
    resolvedAt: T0 + 2 * D + 36 * M,
    reopenCount: 0,
    csat: answered('csat5', 5),
  }),
  conversation({
    id: 'c05', assigneeId: 'a-asha',
    channel: 'whatsapp',
    createdAt: T0 + 2 * D + 3 * H,
    status: 'resolved',
    firstAgentReplyAt: T0 + 2 * D + 3 * H + 20 * M,
    escalatedAt: T0 + 2 * D + 5 * H,
    escalationReason: 'negative_sentiment',
    team: 'care',
    assignedAt: T0 + 2 * D + 5 * H + 10 * M,
    resolvedAt: T0 + 2 * D + 6 * H + 10 * M,
    reopenCount: 1,
    csat: answered('csat5', 2),
  }),
  conversation({
    id: 'c06', assigneeId: 'a-bilal',
    channel: 'messenger',
    createdAt: T0 + 3 * D,
    status: 'resolved',
    escalatedAt: T0 + 3 * D + 1 * M,
    escalationReason: 'intent_flagged',
    team: 'sales',
    assignedAt: T0 + 3 * D + 2 * M,
    firstAgentReplyAt: T0 + 3 * D + 6 * M,
    resolvedAt: T0 + 3 * D + 22 * M,
    csat: answered('nps10', 9),
  }),
  conversation({
    id: 'c07', language: 'ne', assigneeId: 'a-bilal',
    channel: 'messenger',
    createdAt: T0 + 3 * D + H,
    status: 'resolved',
    escalatedAt: T0 + 3 * D + H + 1 * M,
    escalationReason: 'customer_requested',
    team: 'sales',
    assignedAt: T0 + 3 * D + H + 10 * M,
    firstAgentReplyAt: T0 + 3 * D + H + 31 * M,
    resolvedAt: T0 + 3 * D + H + 100 * M,
    reopenCount: 0,
    csat: answered('nps10', 6),
  }),
  conversation({
    id: 'c08',
    channel: 'whatsapp',
    createdAt: T0 + 4 * D,
    status: 'queued',
    escalatedAt: T0 + 4 * D + 3 * M,
    escalationReason: 'repeated_misunderstanding',
    team: 'care',
  }),
  conversation({
    id: 'c09', assigneeId: 'a-ravi',
    channel: 'sandbox',
    createdAt: T0 + 4 * D + 2 * H,
    status: 'assigned',
    escalatedAt: T0 + 4 * D + 2 * H + 1 * M,
    escalationReason: 'customer_requested',
    team: 'care',
    assignedAt: T0 + 4 * D + 2 * H + 2 * M,
    firstAgentReplyAt: T0 + 4 * D + 2 * H + 2 * M,
  }),
  conversation({
    id: 'c10', assigneeId: 'a-ravi',
    channel: 'whatsapp',
    createdAt: T0 + 5 * D,
    status: 'resolved',
    escalatedAt: T0 + 5 * D + 2 * M,
    escalationReason: 'abuse',
    team: 'care',
    assignedAt: T0 + 5 * D + 30 * M,
    firstAgentReplyAt: T0 + 5 * D + 62 * M,
    resolvedAt: T0 + 5 * D + 75 * M,
    reopenCount: 0,
    csat: { status: 'skipped', scale: 'csat5', skippedReason: 'window_closed' },
  }),
  conversation({ id: 'c11', channel: 'messenger', createdAt: T0 + 6 * D, status: 'bot' }),
  conversation({
    id: 'c12', assigneeId: 'a-bilal',
    channel: 'whatsapp',
    createdAt: T0 + 6 * D + 12 * H,
    status: 'resolved',
    escalatedAt: T0 + 6 * D + 12 * H + 1 * M,
    escalationReason: 'vip',
    team: 'sales',
    assignedAt: T0 + 6 * D + 12 * H + 2 * M,
    firstAgentReplyAt: T0 + 6 * D + 12 * H + 4 * M,
    resolvedAt: T0 + 6 * D + 12 * H + 12 * M,
    reopenCount: 0,
    csat: answered('nps10', 10),
  }),
  conversation({
    id: 'c13',
    channel: 'whatsapp',
    createdAt: T0 - H,
    status: 'queued',
    escalatedAt: T0 - H + 1 * M,
    escalationReason: 'customer_requested',
    team: 'care',
  }),
  conversation({ id: 'c14', channel: 'messenger', createdAt: SEED_TO, status: 'bot' }),
];

export const SEED_FOLLOW_UPS: (FollowUpLike & { conversationId: string; team: string; score: number; scale: 'csat5' | 'nps10' })[] = [
  { conversationId: 'c05', status: 'open', dueAt: SEED_NOW - D, team: 'care', score: 2, scale: 'csat5' },
  { conversationId: 'c07', status: 'open', dueAt: SEED_NOW + D, team: 'sales', score: 6, scale: 'nps10' },
  { conversationId: 'c12', status: 'done', dueAt: SEED_NOW - 2 * D, team: 'sales', score: 10, scale: 'nps10' },
  { conversationId: 'c13', status: 'open', dueAt: SEED_NOW - 3 * D, team: 'care', score: 1, scale: 'csat5' },
];

const csat5 = (responses: number, average: number, d: [number, number, number, number, number]) => ({
  scale: 'csat5' as const,
  responses,
  average,
  distribution: { '1': d[0], '2': d[1], '3': d[2], '4': d[3], '5': d[4] },
});
const nps10 = (responses: number, average: number, nps: number, nine: number, six: number, ten: number) => ({
  scale: 'nps10' as const,
  responses,
  average,
  distribution: { '0': 0, '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': six, '7': 0, '8': 0, '9': nine, '10': ten },
  nps,
});

/** A scope's figures: zero counts and null ratios/times unless given. */
const figures = (f: Partial<DashboardFigures>): DashboardFigures => ({
  conversations: 0,
  escalated: 0,
  resolved: 0,
  botAnswered: 0,
  handled: 0,
  responseRate: null,
  firstResponseAvgMs: null,
  firstResponseMedianMs: null,
  firstResponseP90Ms: null,
  resolutionAvgMs: null,
  resolutionMedianMs: null,
  resolutionP90Ms: null,
  avgHandleMs: null,
  firstContactResolution: null,
  botContainment: null,
  escalationRate: null,
  escalationsByReason: {},
  csat: [],
  csatSkipped: 0,
  ...f,
});

const day = (d: string, conversations: number, escalated: number, botContainment: number, resolved: number, frt: [number, number] | null, res: [number, number] | null) => ({
  day: d,
  conversations,
  escalated,
  botContainment,
  resolved,
  firstResponseMedianMs: frt?.[0] ?? null,
  firstResponseP90Ms: frt?.[1] ?? null,
  resolutionMedianMs: res?.[0] ?? null,
  resolutionP90Ms: res?.[1] ?? null,
});

/**
 * Worked out by hand from the table above, with the aggregates' definitions (aggregateReport.ts):
 * facts count once, at the time they happen, in the team and language the conversation had then.
 * Medians and p90 exist for the whole desk and each day; channels, teams, languages and agents
 * have means. Every time below is a whole number of minutes (5-minute marks above an hour): exact
 * in the histograms.
 *
 * First-response times (reply − FIRST escalation, s): c04 120, c06 300, c07 1800, c09 60, c10 3600,
 * c12 180; c05's reply came before its escalation: no fact (replied 6 of 8 → 0.75).
 * Resolution times (first resolution − opening, s): c02 600, c04 2160, c05 1200 (its first round,
 * resolved at +20m), c06 1320, c07 6000, c10 4500, c12 720. All are whole seconds and below 1,000 s
 * or with three significant digits, so the histograms give them exactly.
 * Handle times (each resolution by an agent): c04 30m, c05 60m (the second resolution), c06 20m,
 * c07 90m, c10 45m, c12 10m → 255m / 6 = 42.5m.
 * c05's first resolution and its reopening happened before its escalation: they count in team
 * `bot` and in no language (its language is pinned at the escalation).
 */
export const SEED_EXPECTED_REPORT: AggregateReport = {
  period: { from: '2025-03-01T00:00:00.000Z', to: '2025-03-08T00:00:00.000Z', days: 7, timeZone: 'UTC' },
  asOf: '2025-03-06T12:00:00.000Z',
  ...figures({
    conversations: 12,
    escalated: 8,
    resolved: 7,
    handled: 6,
    responseRate: 0.75,
    // (60 + 120 + 180 + 300 + 1800 + 3600) / 6 = 1010 s
    firstResponseAvgMs: 1_010_000,
    // sorted 60 120 180 300 1800 3600: rank ceil(3) = 180 s; rank ceil(5.4) = 6 → 3600 s
    firstResponseMedianMs: 180_000,
    firstResponseP90Ms: 3_600_000,
    // 16 500 s / 7 = 2357.142… s
    resolutionAvgMs: 2_357_143,
    // sorted 600 720 1200 1320 2160 4500 6000: rank 4 → 1320 s; rank ceil(6.3) = 7 → 6000 s
    resolutionMedianMs: 1_320_000,
    resolutionP90Ms: 6_000_000,
    avgHandleMs: 2_550_000,
    // (7 resolved − 1 reopened) / 7
    firstContactResolution: 0.8571,
    botContainment: 0.3333,
    escalationRate: 0.6667,
    escalationsByReason: { abuse: 1, customer_requested: 3, intent_flagged: 1, negative_sentiment: 1, repeated_misunderstanding: 1, vip: 1 },
    csat: [csat5(3, 3.67, [0, 1, 0, 1, 1]), nps10(3, 8.33, 33.3, 1, 1, 1)],
    csatSkipped: 1,
    // c06 9, c07 6, c12 10 → 2 promoters, 1 detractor: (2 − 1) / 3 = 33.3
    nps: { responses: 3, promoters: 2, passives: 0, detractors: 1, score: 33.3 },
  }),
  // open now: c05 (overdue), c07, c13 (overdue; follow-ups are counted as they stand now, whatever the period)
  openFollowUps: { open: 3, overdue: 2 },
  daily: [
    day('2025-03-01', 1, 0, 1, 0, null, null),
    day('2025-03-02', 2, 0, 1, 1, null, [600_000, 600_000]),
    day('2025-03-03', 2, 2, 0, 2, [120_000, 120_000], [1_200_000, 2_160_000]),
    day('2025-03-04', 2, 2, 0, 2, [300_000, 1_800_000], [1_320_000, 6_000_000]),
    day('2025-03-05', 2, 2, 0, 0, [60_000, 60_000], null),
    day('2025-03-06', 1, 1, 0, 1, [3_600_000, 3_600_000], [4_500_000, 4_500_000]),
    day('2025-03-07', 2, 1, 0.5, 1, [180_000, 180_000], [720_000, 720_000]),
  ],
  // 1 March is a Saturday: c02 (2 March) is in the week of Monday 24 February; c04 and c05 (3 March) in the next
  csatWeekly: [
    { week: '2025-02-24', responses: 1, average: 4 },
    { week: '2025-03-03', responses: 2, average: 3.5 },
  ],
  byChannel: {
    messenger: figures({
      // first responses (s): (300 + 1800) / 2; resolution (1320 + 6000) / 2
      firstResponseAvgMs: 1_050_000,
      resolutionAvgMs: 3_660_000,
      conversations: 4,
      escalated: 2,
      resolved: 2,
      handled: 2,
      responseRate: 1,
      avgHandleMs: 3_300_000,
      firstContactResolution: 1,
      botContainment: 0.5,
      escalationRate: 0.5,
      escalationsByReason: { customer_requested: 1, intent_flagged: 1 },
      csat: [nps10(2, 7.5, 0, 1, 1, 0)],
      nps: { responses: 2, promoters: 1, passives: 0, detractors: 1, score: 0 },
    }),
    sandbox: figures({
      // first responses (s): 60
      firstResponseAvgMs: 60_000,
      conversations: 1,
      escalated: 1,
      responseRate: 1,
      botContainment: 0,
      escalationRate: 1,
      escalationsByReason: { customer_requested: 1 },
    }),
    whatsapp: figures({
      // first responses (s): c04 120, c10 3600, c12 180 → 3900 / 3; resolution (600 + 2160 + 1200 + 4500 + 720) / 5
      firstResponseAvgMs: 1_300_000,
      resolutionAvgMs: 1_836_000,
      conversations: 7,
      escalated: 5,
      resolved: 5,
      handled: 4,
      // replied: c04 c10 c12 of 5
      responseRate: 0.6,
      // 30 + 60 + 45 + 10 = 145m / 4
      avgHandleMs: 2_175_000,
      firstContactResolution: 0.8,
      botContainment: 0.2857,
      escalationRate: 0.7143,
      escalationsByReason: { abuse: 1, customer_requested: 1, negative_sentiment: 1, repeated_misunderstanding: 1, vip: 1 },
      csat: [csat5(3, 3.67, [0, 1, 0, 1, 1]), nps10(1, 10, 100, 0, 0, 1)],
      csatSkipped: 1,
      nps: { responses: 1, promoters: 1, passives: 0, detractors: 0, score: 100 },
    }),
  },
  byTeam: {
    bot: figures({
      // first responses (s): resolution (600 + 1200) / 2
      resolutionAvgMs: 900_000,
      // 12 opened − 8 moved to their team at escalation
      conversations: 4,
      // c02, and c05's first round
      resolved: 2,
      firstContactResolution: 0.5,
      botContainment: 1,
      escalationRate: 0,
      csat: [csat5(1, 4, [0, 0, 0, 1, 0])],
      openFollowUps: { open: 0, overdue: 0 },
    }),
    care: figures({
      // first responses (s): c04 120, c09 60, c10 3600 → 3780 / 3; resolution (2160 + 4500) / 2
      firstResponseAvgMs: 1_260_000,
      resolutionAvgMs: 3_330_000,
      conversations: 5,
      escalated: 5,
      resolved: 2,
      handled: 3,
      // c04 c09 c10 of 5
      responseRate: 0.6,
      // c04 30m, c05 60m, c10 45m
      avgHandleMs: 2_700_000,
      firstContactResolution: 1,
      botContainment: 0,
      escalationRate: 1,
      escalationsByReason: { abuse: 1, customer_requested: 2, negative_sentiment: 1, repeated_misunderstanding: 1 },
      csat: [csat5(2, 3.5, [0, 1, 0, 0, 1])],
      csatSkipped: 1,
      openFollowUps: { open: 2, overdue: 2 },
    }),
    sales: figures({
      // first responses (s): (300 + 1800 + 180) / 3; resolution (1320 + 6000 + 720) / 3
      firstResponseAvgMs: 760_000,
      resolutionAvgMs: 2_680_000,
      conversations: 3,
      escalated: 3,
      resolved: 3,
      handled: 3,
      responseRate: 1,
      avgHandleMs: 2_400_000,
      firstContactResolution: 1,
      botContainment: 0,
      escalationRate: 1,
      escalationsByReason: { customer_requested: 1, intent_flagged: 1, vip: 1 },
      csat: [nps10(3, 8.33, 33.3, 1, 1, 1)],
      nps: { responses: 3, promoters: 2, passives: 0, detractors: 1, score: 33.3 },
      openFollowUps: { open: 1, overdue: 0 },
    }),
  },
  byLanguage: {
    // the 7 other escalated conversations: pinned to the default language at escalation
    en: figures({
      // first responses (s): c04 120, c06 300, c09 60, c10 3600, c12 180 → 4260 / 5; resolution (2160 + 1320 + 4500 + 720) / 4
      firstResponseAvgMs: 852_000,
      resolutionAvgMs: 2_175_000,
      conversations: 7,
      escalated: 7,
      resolved: 4,
      handled: 5,
      // c04 c06 c09 c10 c12 of 7
      responseRate: 0.7143,
      // 30 + 60 + 20 + 45 + 10 = 165m / 5
      avgHandleMs: 1_980_000,
      firstContactResolution: 1,
      botContainment: 0,
      escalationRate: 1,
      escalationsByReason: { abuse: 1, customer_requested: 2, intent_flagged: 1, negative_sentiment: 1, repeated_misunderstanding: 1, vip: 1 },
      csat: [csat5(2, 3.5, [0, 1, 0, 0, 1]), nps10(2, 9.5, 100, 1, 0, 1)],
      csatSkipped: 1,
      nps: { responses: 2, promoters: 2, passives: 0, detractors: 0, score: 100 },
    }),
    hi: figures({ conversations: 1, botContainment: 1, escalationRate: 0 }),
    ne: figures({
      // first responses (s): 1800; resolution 6000
      firstResponseAvgMs: 1_800_000,
      resolutionAvgMs: 6_000_000,
      conversations: 1,
      escalated: 1,
      resolved: 1,
      handled: 1,
      responseRate: 1,
      avgHandleMs: 5_400_000,
      firstContactResolution: 1,
      botContainment: 0,
      escalationRate: 1,
      escalationsByReason: { customer_requested: 1 },
      csat: [nps10(1, 6, -100, 0, 1, 0)],
      nps: { responses: 1, promoters: 0, passives: 0, detractors: 1, score: -100 },
    }),
  },
  byAgent: {
    // c04 (reply 2m, 30m, csat 5), c05 (60m, csat 2)
    'a-asha': figures({
      // first responses (s): 120
      firstResponseAvgMs: 120_000,
      handled: 2,
      avgHandleMs: 2_700_000,
      csat: [csat5(2, 3.5, [0, 1, 0, 0, 1])],
    }),
    // c06 (5m, 20m, 9), c07 (30m, 90m, 6), c12 (3m, 10m, 10)
    'a-bilal': figures({
      // first responses (s): (300 + 1800 + 180) / 3
      firstResponseAvgMs: 760_000,
      handled: 3,
      avgHandleMs: 2_400_000,
      csat: [nps10(3, 8.33, 33.3, 1, 1, 1)],
      nps: { responses: 3, promoters: 2, passives: 0, detractors: 1, score: 33.3 },
    }),
    // c09 (reply 1m, still open), c10 (60m, 45m, survey skipped)
    'a-ravi': figures({
      // first responses (s): (60 + 3600) / 2
      firstResponseAvgMs: 1_830_000,
      handled: 1,
      avgHandleMs: 2_700_000,
    }),
  },
};

/**
 * Replays the seed through a real ConversationStore the way Baton's own flows write it (open,
 * customer message, escalation, assignment, agent reply, resolution, reopenings, survey), moving the
 * store's clock to the time of each step. Returns seed id → stored id.
 */
export async function replaySeed(store: ConversationStore, setClock: (ms: number) => void): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const s of SEED_CONVERSATIONS) {
    setClock(s.createdAt);
    const { conversation } = await store.findOrOpen({ channel: s.channel, customerAddress: s.customerAddress, at: s.createdAt });
    const id = conversation.id;
    ids.set(s.id, id);
    if (s.language) await store.update(id, { language: s.language });
    const move = async (change: OwnershipTransition): Promise<void> => {
      const r = await store.transition(id, change);
      if (!r.ok) throw new Error(`seed ${s.id}: ${r.conversation.status} -> ${change.to} refused (${r.why})`);
    };
    await store.appendMessage(conversation, {
      direction: 'inbound',
      author: 'customer',
      text: 'seed message',
      media: [],
      status: 'received',
      createdAt: s.createdAt,
    });
    if (s.firstAgentReplyAt !== undefined && s.escalatedAt !== undefined && s.firstAgentReplyAt < s.escalatedAt) {
      setClock(s.firstAgentReplyAt);
      await store.appendMessage(conversation, { direction: 'outbound', author: 'agent', text: 'earlier reply', media: [], status: 'sent', createdAt: s.firstAgentReplyAt });
      await store.update(id, { firstAgentReplyAt: s.firstAgentReplyAt });
    }
    // c05: a first round (an agent replied, it was resolved, the customer came back) before the escalation that counts.
    for (let round = 0; round < (s.reopenCount ?? 0); round++) {
      const at = s.firstAgentReplyAt ?? s.createdAt;
      setClock(at);
      await move({ from: ['bot'], to: 'resolved', set: { resolvedAt: at } });
      await move({ from: ['resolved'], to: 'bot', reopen: true });
    }
    if (s.escalatedAt !== undefined) {
      setClock(s.escalatedAt);
      await move({
        from: ['bot'],
        to: 'queued',
        set: { team: s.team ?? null, queuedAt: s.escalatedAt, escalatedAt: s.escalatedAt, escalationReason: s.escalationReason ?? null, priority: 'normal' },
      });
    }
    if (s.assignedAt !== undefined) {
      setClock(s.assignedAt);
      await move({ from: ['queued'], to: 'assigned', set: { assigneeId: s.assigneeId ?? 'agent-seed', assignedAt: s.assignedAt } });
    }
    if (s.firstAgentReplyAt !== undefined && (s.escalatedAt === undefined || s.firstAgentReplyAt >= s.escalatedAt)) {
      setClock(s.firstAgentReplyAt);
      await store.appendMessage(conversation, { direction: 'outbound', author: 'agent', text: 'agent reply', media: [], status: 'sent', createdAt: s.firstAgentReplyAt });
      await store.update(id, { firstAgentReplyAt: s.firstAgentReplyAt });
    }
    if (s.status === 'resolved') {
      setClock(s.resolvedAt!);
      await move({ from: ['bot', 'assigned'], to: 'resolved', set: { resolvedAt: s.resolvedAt! } });
    }
    if (s.csat) {
      setClock(s.resolvedAt ?? s.updatedAt);
      await store.update(id, { csat: s.csat });
    }
  }
  return ids;
}
