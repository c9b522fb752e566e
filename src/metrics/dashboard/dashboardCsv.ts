import { ESCALATION_REASONS } from '../../handoff/types';
import type { AggregateReport, CsatFigures, DashboardFigures } from '../aggregates/aggregateReport';

/**
 * The dashboard as CSV (RFC 4180): a header row, then one row per scope — `all`, then
 * `channel:<name>`, `team:<id>`, `language:<tag>` and `agent:<id>` in the report's order — with the figures as columns. Lines end
 * with CRLF; a field holding a comma, a quote, CR or LF is quoted with its quotes doubled. Empty
 * cells stand for "no value" (null figures, a scale with no answer). Text that a spreadsheet would
 * run as a formula (starting with = + - @ or a tab) is prefixed with an apostrophe; numbers are
 * written as they are.
 */

type Cell = string | number | null | undefined;

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',');
}

/** Reasons in the report: the known ones in their usual order, then any others alphabetically. */
function reasonColumns(scopes: readonly DashboardFigures[]): string[] {
  const seen = new Set<string>();
  for (const s of scopes) for (const r of Object.keys(s.escalationsByReason)) seen.add(r);
  const known = ESCALATION_REASONS.filter((r) => seen.has(r));
  const others = [...seen].filter((r) => !(ESCALATION_REASONS as readonly string[]).includes(r)).sort();
  return [...known, ...others];
}

const CSAT5_SCORES = ['1', '2', '3', '4', '5'];
const NPS10_SCORES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

export function toCsv(report: Pick<AggregateReport, 'period' | 'byChannel' | 'byTeam' | 'byLanguage' | 'byAgent'> & DashboardFigures): string {
  const scopes: [string, DashboardFigures][] = [
    ['all', report],
    ...Object.entries(report.byChannel).map(([k, v]): [string, DashboardFigures] => [`channel:${k}`, v]),
    ...Object.entries(report.byTeam).map(([k, v]): [string, DashboardFigures] => [`team:${k}`, v]),
    ...Object.entries(report.byLanguage).map(([k, v]): [string, DashboardFigures] => [`language:${k}`, v]),
    ...Object.entries(report.byAgent).map(([k, v]): [string, DashboardFigures] => [`agent:${k}`, v]),
  ];
  const reasons = reasonColumns(scopes.map(([, f]) => f));
  const header = [
    'scope',
    'from',
    'to',
    'conversations',
    'escalated',
    'resolved',
    'bot_answered',
    'handled',
    'response_rate',
    'first_response_avg_ms',
    'first_response_median_ms',
    'first_response_p90_ms',
    'resolution_avg_ms',
    'resolution_median_ms',
    'resolution_p90_ms',
    'avg_handle_ms',
    'first_contact_resolution',
    'bot_containment',
    'escalation_rate',
    ...reasons.map((r) => `escalations_${r}`),
    'csat5_responses',
    'csat5_average',
    ...CSAT5_SCORES.map((s) => `csat5_score_${s}`),
    'nps10_responses',
    'nps10_average',
    'nps',
    ...NPS10_SCORES.map((s) => `nps10_score_${s}`),
    'csat_skipped',
    'nps_responses',
    'nps_score',
    'calls_deflected',
    'calls_became_conversations',
    'open_follow_ups',
    'overdue_follow_ups',
  ];
  const lines = [csvRow(header)];
  for (const [scope, f] of scopes) {
    const csat5: CsatFigures | undefined = f.csat.find((c) => c.scale === 'csat5');
    const nps10: CsatFigures | undefined = f.csat.find((c) => c.scale === 'nps10');
    lines.push(
      csvRow([
        scope,
        report.period.from,
        report.period.to,
        f.conversations,
        f.escalated,
        f.resolved,
        f.botAnswered,
        f.handled,
        f.responseRate,
        f.firstResponseAvgMs,
        f.firstResponseMedianMs,
        f.firstResponseP90Ms,
        f.resolutionAvgMs,
        f.resolutionMedianMs,
        f.resolutionP90Ms,
        f.avgHandleMs,
        f.firstContactResolution,
        f.botContainment,
        f.escalationRate,
        ...reasons.map((r) => f.escalationsByReason[r] ?? 0),
        csat5?.responses ?? 0,
        csat5?.average,
        ...CSAT5_SCORES.map((s) => csat5?.distribution[s] ?? 0),
        nps10?.responses ?? 0,
        nps10?.average,
        nps10?.nps,
        ...NPS10_SCORES.map((s) => nps10?.distribution[s] ?? 0),
        f.csatSkipped,
        f.nps?.responses ?? 0,
        f.nps?.score,
        f.calls?.deflected ?? 0,
        f.calls?.becameConversations ?? 0,
        f.openFollowUps?.open,
        f.openFollowUps?.overdue,
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
