import type { Conversation } from '../../conversations/types';
import type { CsatScale } from '../../handoff/types';
import { callFigures, type CallFigures } from './callFigures';
import { npsFigures, type NpsFigures } from './npsFigures';
import { nearestRank } from './percentile';

/**
 * The care dashboard's figures, computed from stored conversations only (so every instance, and
 * the same instance after a restart, gives the same numbers for the same period).
 *
 * DEFINITIONS (the README quotes this block; the code below implements exactly this):
 *
 * - Period: a conversation belongs to the period when it was created (`createdAt`) in [from, to):
 *   `from` included, `to` excluded. Every figure below is about those conversations only.
 * - conversations: how many conversations belong to the period.
 * - escalated: how many of them were handed to a person (`escalatedAt` set).
 * - resolved: how many are resolved now (status `resolved`).
 * - responseRate: replied ÷ escalated, where replied = escalated conversations with a reply from a
 *   person (`firstAgentReplyAt` set). null when nothing was escalated.
 * - firstResponseMedianMs, firstResponseP90Ms: `firstAgentReplyAt − escalatedAt` over escalated
 *   conversations with a reply, as nearest-rank percentiles (always one of the observed times, in
 *   whole ms). A reply recorded before the latest escalation (a conversation escalated again after
 *   a reopening) answered an earlier escalation: it counts as replied but gives no time. null when
 *   there is no time.
 * - avgHandleMs: mean of `resolvedAt − assignedAt` over resolved conversations that had an agent
 *   (`assignedAt` set), rounded to whole ms; pairs where resolvedAt < assignedAt are left out.
 *   null when there are none.
 * - firstContactResolution: resolved conversations never reopened (`reopenCount` 0 or unset) ÷
 *   resolved. null when nothing is resolved.
 * - botContainment: conversations never escalated (`escalatedAt` unset) ÷ conversations: "handled
 *   without a person", whether or not the customer came back. null for an empty period.
 * - escalationRate: escalated ÷ conversations (so botContainment + escalationRate = 1). null for an
 *   empty period.
 * - escalationsByReason: escalated conversations counted by `escalationReason` (the main reason
 *   of the latest escalation; `unknown` when missing).
 * - csat: one entry per scale with at least one answered survey (`csat.status` answered with a
 *   score), csat5 first: responses, average score (2 decimals), distribution {score: count} over
 *   every score of the scale (csat5 1–5, nps10 0–10; scores off the scale are left out). For nps10
 *   also `nps` = % promoters (9–10) − % detractors (0–6), one decimal, −100…100.
 * - csatSkipped: surveys skipped (`csat.status` skipped: window closed, channel refused…).
 * - nps (only when there is an NPS answer): responses, promoters (9–10), passives (7–8),
 *   detractors (0–6) and score = % promoters − % detractors (one decimal), over the NPS survey's
 *   scores and CSAT answers on the nps10 scale (see npsFigures.ts).
 * - calls (only when a call was deflected): deflected = conversations a phone call was deflected
 *   into, becameConversations = those where the customer wrote after the call (see callFigures.ts).
 * - openFollowUps: follow-ups of the period's conversations still open, and how many of those are
 *   overdue (`dueAt` strictly before `now`, the moment the report is made).
 * - Ratios are fractions 0…1 rounded to 4 decimals.
 * - byChannel: the same figures per channel. byTeam: the same figures per team of the escalated
 *   conversations (`team`, `unassigned` if missing); never-escalated conversations form the team
 *   `bot`. Scopes with no conversation are not listed.
 */

export interface FollowUpLike {
  status: 'open' | 'done';
  dueAt: number;
  conversationId: string;
}

export interface DashboardPeriod {
  /** Inclusive start (ms since epoch). */
  from: number;
  /** Exclusive end (ms since epoch). */
  to: number;
}

export interface CsatFigures {
  scale: CsatScale;
  responses: number;
  average: number;
  /** Every score of the scale, counted (0 when none). */
  distribution: Record<string, number>;
  /** nps10 only: % promoters − % detractors. */
  nps?: number;
}

export interface DashboardFigures {
  conversations: number;
  escalated: number;
  resolved: number;
  responseRate: number | null;
  firstResponseMedianMs: number | null;
  firstResponseP90Ms: number | null;
  avgHandleMs: number | null;
  firstContactResolution: number | null;
  botContainment: number | null;
  escalationRate: number | null;
  escalationsByReason: Record<string, number>;
  csat: CsatFigures[];
  csatSkipped: number;
  openFollowUps: { open: number; overdue: number };
  nps?: NpsFigures;
  calls?: CallFigures;
}

export interface DashboardReport extends DashboardFigures {
  period: { from: string; to: string };
  /** The moment overdue follow-ups were judged against. */
  asOf: string;
  byChannel: Record<string, DashboardFigures>;
  byTeam: Record<string, DashboardFigures>;
}

export const BOT_TEAM = 'bot';
const SCALES: readonly CsatScale[] = ['csat5', 'nps10'];
const SCALE_SCORES: Record<CsatScale, number[]> = {
  csat5: [1, 2, 3, 4, 5],
  nps10: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
};

const round = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : round(part / whole, 4));

function csatFigures(conversations: readonly Conversation[]): CsatFigures[] {
  const out: CsatFigures[] = [];
  for (const scale of SCALES) {
    const scores = SCALE_SCORES[scale];
    const answered = conversations
      .map((c) => c.csat)
      .filter((s) => s?.status === 'answered' && s.scale === scale && typeof s.score === 'number' && scores.includes(s.score))
      .map((s) => s!.score!);
    if (answered.length === 0) continue;
    const distribution: Record<string, number> = {};
    for (const s of scores) distribution[String(s)] = answered.filter((a) => a === s).length;
    const figures: CsatFigures = {
      scale,
      responses: answered.length,
      average: round(answered.reduce((a, b) => a + b, 0) / answered.length, 2),
      distribution,
    };
    if (scale === 'nps10') {
      const promoters = answered.filter((s) => s >= 9).length;
      const detractors = answered.filter((s) => s <= 6).length;
      figures.nps = round(((promoters - detractors) * 100) / answered.length, 1);
    }
    out.push(figures);
  }
  return out;
}

/** The figures for one set of conversations (already restricted to the period and the scope). */
export function computeFigures(
  conversations: readonly Conversation[],
  openFollowUps: readonly FollowUpLike[],
  now: number,
): DashboardFigures {
  const escalated = conversations.filter((c) => c.escalatedAt !== undefined);
  const replied = escalated.filter((c) => c.firstAgentReplyAt !== undefined);
  const firstResponses = replied
    .map((c) => c.firstAgentReplyAt! - c.escalatedAt!)
    .filter((ms) => ms >= 0);
  const resolved = conversations.filter((c) => c.status === 'resolved');
  const handleTimes = resolved
    .filter((c) => c.assignedAt !== undefined && c.resolvedAt !== undefined)
    .map((c) => c.resolvedAt! - c.assignedAt!)
    .filter((ms) => ms >= 0);
  const byReason: Record<string, number> = {};
  for (const c of escalated) {
    const reason = c.escalationReason ?? 'unknown';
    byReason[reason] = (byReason[reason] ?? 0) + 1;
  }
  const ids = new Set(conversations.map((c) => c.id));
  const open = openFollowUps.filter((f) => f.status === 'open' && ids.has(f.conversationId));
  return {
    conversations: conversations.length,
    escalated: escalated.length,
    resolved: resolved.length,
    responseRate: ratio(replied.length, escalated.length),
    firstResponseMedianMs: nearestRank(firstResponses, 50),
    firstResponseP90Ms: nearestRank(firstResponses, 90),
    avgHandleMs: handleTimes.length === 0 ? null : Math.round(handleTimes.reduce((a, b) => a + b, 0) / handleTimes.length),
    firstContactResolution: ratio(resolved.filter((c) => (c.reopenCount ?? 0) === 0).length, resolved.length),
    botContainment: ratio(conversations.length - escalated.length, conversations.length),
    escalationRate: ratio(escalated.length, conversations.length),
    escalationsByReason: sortedRecord(byReason),
    csat: csatFigures(conversations),
    csatSkipped: conversations.filter((c) => c.csat?.status === 'skipped').length,
    openFollowUps: { open: open.length, overdue: open.filter((f) => f.dueAt < now).length },
    ...optional('nps', npsFigures(conversations)),
    ...optional('calls', callFigures(conversations)),
  };
}

function optional<K extends string, V>(key: K, value: V | null): Partial<Record<K, V>> {
  return value === null ? {} : ({ [key]: value } as Record<K, V>);
}

function sortedRecord<T>(r: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function groupBy(conversations: readonly Conversation[], key: (c: Conversation) => string): Map<string, Conversation[]> {
  const groups = new Map<string, Conversation[]>();
  for (const c of conversations) {
    const k = key(c);
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  return groups;
}

/** The team a conversation counts under in `byTeam`. */
export function dashboardTeamOf(c: Conversation): string {
  return c.escalatedAt === undefined ? BOT_TEAM : (c.team ?? 'unassigned');
}

/**
 * The dashboard report for a period (see DEFINITIONS above). Pure: the same inputs always give the
 * same report; `now` only decides which open follow-ups are overdue.
 */
export function computeDashboard(
  conversations: readonly Conversation[],
  followUps: readonly FollowUpLike[],
  period: DashboardPeriod,
  now: number,
): DashboardReport {
  const inPeriod = conversations.filter((c) => c.createdAt >= period.from && c.createdAt < period.to);
  const open = followUps.filter((f) => f.status === 'open');
  const scoped = (key: (c: Conversation) => string): Record<string, DashboardFigures> => {
    const out: Record<string, DashboardFigures> = {};
    for (const [k, group] of groupBy(inPeriod, key)) out[k] = computeFigures(group, open, now);
    return sortedRecord(out);
  };
  return {
    period: { from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString() },
    asOf: new Date(now).toISOString(),
    ...computeFigures(inPeriod, open, now),
    byChannel: scoped((c) => c.channel),
    byTeam: scoped(dashboardTeamOf),
  };
}
