import type { CsatScale } from '../../handoff/types';
import type { DayCounters } from './aggregateStore';
import { weekOf } from './days';
import { addTo, histogramPercentile, type Histogram } from './histogram';

/**
 * The dashboard's figures from the per-day counters (aggregateStore.ts, facts.ts). Pure.
 *
 * DEFINITIONS (the README quotes this block; facts.ts says when each count is written):
 *
 * - Period: whole days in DASHBOARD_TIME_ZONE (UTC unless set). A conversation belongs to the day it
 *   was opened; every figure is about the conversations opened in the period (calls: the calls
 *   made in the period).
 * - conversations: opened. escalated: handed to a person at least once. resolved: resolved at least
 *   once. botAnswered: conversations where the bot answered at least one message.
 * - responseRate: replied ÷ escalated; replied = a person replied at or after the first escalation.
 * - firstResponseAvgMs / MedianMs / P90Ms: first reply − first escalation; resolutionAvgMs /
 *   MedianMs / P90Ms: first resolution − opening. Means are exact (rounded to whole ms); medians and
 *   p90 are nearest-rank over fixed-edge histograms (histogram.ts: never above the true value,
 *   below it by less than one bucket step) and exist for the whole desk and each day only: per
 *   channel, team, language and agent they are null.
 * - avgHandleMs: mean of resolved − assigned over every resolution by an agent; handled: how many
 *   such resolutions (per agent: the agent who held the conversation).
 * - firstContactResolution: (resolved − reopened) ÷ resolved. botContainment: (conversations −
 *   escalated) ÷ conversations; escalationRate: escalated ÷ conversations.
 * - escalationsByReason: first escalations by main reason.
 * - csat: per scale answered (csat5 first): responses, average (2 decimals), every score counted;
 *   nps10 also `nps`. csatSkipped: surveys skipped.
 * - nps: NPS survey scores and nps10 CSAT answers: promoters 9–10, passives 7–8, detractors 0–6,
 *   score = % promoters − % detractors (1 decimal).
 * - calls: deflected calls of the period, and those after which the customer wrote.
 * - openFollowUps (whole report and per team): follow-ups open now, and how many are overdue.
 * - Ratios are fractions 0…1 rounded to 4 decimals; null when there is nothing to divide by.
 * - Scopes: byChannel, byTeam (the team of the first escalation; never escalated: `bot`),
 *   byLanguage (the first language the conversation was served in: bot turn, detected language
 *   or escalation), byAgent (agent facts only: handled, replied, first response, handle time,
 *   CSAT/NPS of conversations they held). A scope with nothing counted is not listed.
 */

export interface CsatFigures {
  scale: CsatScale;
  responses: number;
  average: number;
  distribution: Record<string, number>;
  nps?: number;
}

export interface NpsFigures {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  score: number;
}

export interface CallFigures {
  deflected: number;
  becameConversations: number;
}

export interface DashboardFigures {
  conversations: number;
  escalated: number;
  resolved: number;
  botAnswered: number;
  handled: number;
  responseRate: number | null;
  firstResponseAvgMs: number | null;
  firstResponseMedianMs: number | null;
  firstResponseP90Ms: number | null;
  resolutionAvgMs: number | null;
  resolutionMedianMs: number | null;
  resolutionP90Ms: number | null;
  avgHandleMs: number | null;
  firstContactResolution: number | null;
  botContainment: number | null;
  escalationRate: number | null;
  escalationsByReason: Record<string, number>;
  csat: CsatFigures[];
  csatSkipped: number;
  nps?: NpsFigures;
  calls?: CallFigures;
  openFollowUps?: { open: number; overdue: number };
}

export interface DailyFigures {
  day: string;
  conversations: number;
  escalated: number;
  botContainment: number | null;
  resolved: number;
  firstResponseMedianMs: number | null;
  firstResponseP90Ms: number | null;
  resolutionMedianMs: number | null;
  resolutionP90Ms: number | null;
}

export interface WeeklyCsat {
  /** The Monday the week starts on (days of the period only). */
  week: string;
  responses: number;
  /** csat5 average; null when no csat5 answer that week. */
  average: number | null;
}

export interface FollowUpLike {
  status: 'open' | 'done';
  dueAt: number;
  team?: string;
}

export interface AggregateReport extends DashboardFigures {
  period: { from: string; to: string; days: number; timeZone: string };
  asOf: string;
  daily: DailyFigures[];
  csatWeekly: WeeklyCsat[];
  byChannel: Record<string, DashboardFigures>;
  byTeam: Record<string, DashboardFigures>;
  byLanguage: Record<string, DashboardFigures>;
  byAgent: Record<string, DashboardFigures>;
}

const SCALE_SCORES: Record<CsatScale, number[]> = { csat5: [1, 2, 3, 4, 5], nps10: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] };

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const ratio = (part: number, whole: number): number | null => (whole <= 0 ? null : round(part / whole, 4));

/** One scope's counters: plain counts and histograms, summed over days. */
export class ScopeCounts {
  readonly counts = new Map<string, number>();
  readonly histograms = new Map<string, Histogram>();

  add(figure: string, n: number): void {
    const hash = figure.indexOf('#');
    if (hash > 0) {
      const bucket = Number(figure.slice(hash + 1));
      if (!Number.isInteger(bucket) || bucket < 0) return;
      const name = figure.slice(0, hash);
      let h = this.histograms.get(name);
      if (!h) this.histograms.set(name, (h = new Map()));
      addTo(h, bucket, n);
    } else this.counts.set(figure, (this.counts.get(figure) ?? 0) + n);
  }

  get(figure: string): number {
    return Math.max(0, this.counts.get(figure) ?? 0);
  }

  histogram(name: string): Histogram {
    return this.histograms.get(name) ?? new Map();
  }

  /** Fields starting with `prefix` (e.g. `reason:`), keyed by the rest. */
  withPrefix(prefix: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of this.counts) if (k.startsWith(prefix) && v > 0) out[k.slice(prefix.length)] = v;
    return out;
  }

  get empty(): boolean {
    for (const v of this.counts.values()) if (v > 0) return false;
    for (const h of this.histograms.values()) for (const v of h.values()) if (v > 0) return false;
    return true;
  }
}

/** Sums the days' counters per scope (`all`, `ch:whatsapp`, `team:care`, `lang:en`, `agent:a_1`). */
export function sumScopes(days: Iterable<DayCounters>): Map<string, ScopeCounts> {
  const scopes = new Map<string, ScopeCounts>();
  for (const day of days) {
    for (const [field, n] of day) {
      const bar = field.indexOf('|');
      if (bar <= 0) continue;
      const scope = field.slice(0, bar);
      let s = scopes.get(scope);
      if (!s) scopes.set(scope, (s = new ScopeCounts()));
      s.add(field.slice(bar + 1), n);
    }
  }
  return scopes;
}

function csatFigures(s: ScopeCounts): CsatFigures[] {
  const out: CsatFigures[] = [];
  for (const scale of ['csat5', 'nps10'] as const) {
    const distribution: Record<string, number> = {};
    let responses = 0;
    let sum = 0;
    for (const score of SCALE_SCORES[scale]) {
      const n = s.get(`${scale}:${score}`);
      distribution[String(score)] = n;
      responses += n;
      sum += n * score;
    }
    if (responses === 0) continue;
    const f: CsatFigures = { scale, responses, average: round(sum / responses, 2), distribution };
    if (scale === 'nps10') f.nps = npsScore(distribution, responses);
    out.push(f);
  }
  return out;
}

function npsScore(distribution: Record<string, number>, responses: number): number {
  const promoters = (distribution['9'] ?? 0) + (distribution['10'] ?? 0);
  const detractors = [0, 1, 2, 3, 4, 5, 6].reduce((a, k) => a + (distribution[String(k)] ?? 0), 0);
  return round(((promoters - detractors) * 100) / responses, 1);
}

function npsFigures(s: ScopeCounts): NpsFigures | null {
  const counts: Record<string, number> = {};
  let responses = 0;
  for (let k = 0; k <= 10; k++) {
    const n = s.get(`nps:${k}`) + s.get(`nps10:${k}`);
    counts[String(k)] = n;
    responses += n;
  }
  if (responses === 0) return null;
  const promoters = counts['9']! + counts['10']!;
  const passives = counts['7']! + counts['8']!;
  return { responses, promoters, passives, detractors: responses - promoters - passives, score: npsScore(counts, responses) };
}

function sorted<T>(r: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The figures of one scope. */
export function figuresOf(s: ScopeCounts): DashboardFigures {
  const conversations = s.get('conversations');
  const escalated = s.get('escalated');
  const resolved = s.get('resolved');
  const ahtN = s.get('ahtN');
  const mean = (sum: string, n: string) => (s.get(n) === 0 ? null : Math.round(s.get(sum) / s.get(n)));
  const deflected = s.get('callsDeflected');
  const nps = npsFigures(s);
  return {
    conversations,
    escalated,
    resolved,
    botAnswered: s.get('botAnswered'),
    handled: s.get('handled'),
    responseRate: ratio(s.get('replied'), escalated),
    firstResponseAvgMs: mean('frtSum', 'frtN'),
    firstResponseMedianMs: histogramPercentile(s.histogram('frt'), 50),
    firstResponseP90Ms: histogramPercentile(s.histogram('frt'), 90),
    resolutionAvgMs: mean('resSum', 'resN'),
    resolutionMedianMs: histogramPercentile(s.histogram('res'), 50),
    resolutionP90Ms: histogramPercentile(s.histogram('res'), 90),
    avgHandleMs: ahtN === 0 ? null : mean('ahtSum', 'ahtN'),
    firstContactResolution: ratio(resolved - Math.min(resolved, s.get('reopened')), resolved),
    botContainment: ratio(conversations - Math.min(conversations, escalated), conversations),
    escalationRate: ratio(Math.min(conversations, escalated), conversations),
    escalationsByReason: sorted(s.withPrefix('reason:')),
    csat: csatFigures(s),
    csatSkipped: s.get('csatSkipped'),
    ...(nps ? { nps } : {}),
    ...(deflected > 0 ? { calls: { deflected, becameConversations: s.get('callsConverted') } } : {}),
  };
}

function dailyOf(day: string, counters: DayCounters): DailyFigures {
  const all = sumScopes([counters]).get('all') ?? new ScopeCounts();
  const f = figuresOf(all);
  return {
    day,
    conversations: f.conversations,
    escalated: f.escalated,
    botContainment: f.botContainment,
    resolved: f.resolved,
    firstResponseMedianMs: f.firstResponseMedianMs,
    firstResponseP90Ms: f.firstResponseP90Ms,
    resolutionMedianMs: f.resolutionMedianMs,
    resolutionP90Ms: f.resolutionP90Ms,
  };
}

function weeklyCsat(days: ReadonlyMap<string, DayCounters>): WeeklyCsat[] {
  const weeks = new Map<string, { responses: number; sum: number }>();
  for (const [day, counters] of days) {
    const w = weeks.get(weekOf(day)) ?? { responses: 0, sum: 0 };
    for (let score = 1; score <= 5; score++) {
      const n = Math.max(0, counters.get(`all|csat5:${score}`) ?? 0);
      w.responses += n;
      w.sum += n * score;
    }
    weeks.set(weekOf(day), w);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([week, w]) => ({ week, responses: w.responses, average: w.responses ? round(w.sum / w.responses, 2) : null }));
}

export interface ReportInput {
  /** Each day of the period, oldest first, with its counters. */
  days: ReadonlyMap<string, DayCounters>;
  period: { from: number; to: number; timeZone: string };
  followUps: readonly FollowUpLike[];
  now: number;
}

export function aggregateReport(input: ReportInput): AggregateReport {
  const scopes = sumScopes(input.days.values());
  const open = input.followUps.filter((f) => f.status === 'open');
  const followUpsOf = (team?: string) => {
    const mine = team === undefined ? open : open.filter((f) => f.team === team);
    return { open: mine.length, overdue: mine.filter((f) => f.dueAt < input.now).length };
  };
  const byPrefix = (prefix: string): Record<string, DashboardFigures> => {
    const out: Record<string, DashboardFigures> = {};
    for (const [scope, counts] of scopes) {
      if (!scope.startsWith(prefix) || counts.empty) continue;
      const name = scope.slice(prefix.length);
      out[name] = figuresOf(counts);
      if (prefix === 'team:') out[name].openFollowUps = followUpsOf(name);
    }
    return sorted(out);
  };
  return {
    period: {
      from: new Date(input.period.from).toISOString(),
      to: new Date(input.period.to).toISOString(),
      days: input.days.size,
      timeZone: input.period.timeZone,
    },
    asOf: new Date(input.now).toISOString(),
    ...figuresOf(scopes.get('all') ?? new ScopeCounts()),
    openFollowUps: followUpsOf(),
    daily: [...input.days.entries()].map(([day, c]) => dailyOf(day, c)),
    csatWeekly: weeklyCsat(input.days),
    byChannel: byPrefix('ch:'),
    byTeam: byPrefix('team:'),
    byLanguage: byPrefix('lang:'),
    byAgent: byPrefix('agent:'),
  };
}
