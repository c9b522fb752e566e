import { Router, type Request, type RequestHandler } from 'express';
import type { DashboardAggregates } from '../aggregates/aggregateStore';
import { aggregateReport, type AggregateReport, type FollowUpLike } from '../aggregates/aggregateReport';
import { daysFrom, shiftDay, startOfDay } from '../aggregates/days';
import { toCsv } from './dashboardCsv';
import { dashboardPeriodSchema, periodDays } from './dashboardQuery';

export interface DashboardFollowUpSource {
  list(query: { status?: 'open' | 'done' }): Promise<FollowUpLike[]>;
}

export interface DashboardRouterDeps {
  aggregates: Pick<DashboardAggregates, 'readDays'>;
  followUps: DashboardFollowUpSource;
  /** Agents' names for the per-agent table (ids without a name are shown as ids). */
  agents?: { list(): Promise<{ id: string; name: string }[]> };
  /** The days of the figures (DASHBOARD_TIME_ZONE). */
  timeZone: string;
  /** Runs before each route: must authenticate the caller and refuse non-admins. */
  requireAdmin: RequestHandler | RequestHandler[];
  clock?: () => number;
}

export interface DashboardResponse extends AggregateReport {
  /** Agent id → name, for the agents of byAgent. */
  agentNames: Record<string, string>;
  source: {
    /** Always `aggregates`: per-day counters written when the facts happened, never a scan. */
    kind: 'aggregates';
    /** Days read (one Redis hash each). */
    days: number;
  };
}

/** `2025-03-01` for a UTC midnight, else `2025-03-01T093000Z`: safe in a file name. */
export function fileStamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return `${iso.slice(0, 19).replace(/:/g, '')}Z`;
}

/**
 * The care dashboard's figures for admins, mounted at /api/v1:
 * `GET /dashboard?from=&to=` (JSON) and `GET /dashboard.csv?from=&to=` (a CSV download).
 * Figures come only from the per-day aggregates (one hash per day of the period) and the open
 * follow-ups, so every instance agrees and the cost does not grow with the number of conversations.
 */
export function createDashboardRouter(deps: DashboardRouterDeps): Router {
  const clock = deps.clock ?? Date.now;
  const guards = Array.isArray(deps.requireAdmin) ? deps.requireAdmin : [deps.requireAdmin];
  const router = Router();

  async function build(req: Request): Promise<DashboardResponse> {
    const now = clock();
    const asked = dashboardPeriodSchema(now).parse(req.query);
    const { first, last } = periodDays(req.query, asked, deps.timeZone);
    const days = daysFrom(first, last);
    const [counters, followUps, agents] = await Promise.all([
      deps.aggregates.readDays(days),
      deps.followUps.list({ status: 'open' }),
      deps.agents?.list() ?? Promise.resolve([]),
    ]);
    const report = aggregateReport({
      days: counters,
      period: { from: startOfDay(first, deps.timeZone), to: startOfDay(shiftDay(last, 1), deps.timeZone), timeZone: deps.timeZone },
      followUps,
      now,
    });
    const agentNames: Record<string, string> = {};
    for (const a of agents) if (report.byAgent[a.id]) agentNames[a.id] = a.name;
    return { ...report, agentNames, source: { kind: 'aggregates', days: days.length } };
  }

  router.get('/dashboard', ...guards, async (req, res) => {
    const response = await build(req);
    res.set('Cache-Control', 'no-store');
    res.json(response);
  });

  router.get('/dashboard.csv', ...guards, async (req, res) => {
    const response = await build(req);
    res.set('Cache-Control', 'no-store');
    res.set('Content-Type', 'text/csv; charset=utf-8; header=present');
    res.set('Content-Disposition', `attachment; filename="baton-dashboard-${fileStamp(Date.parse(response.period.from))}-${fileStamp(Date.parse(response.period.to))}.csv"`);
    res.send(toCsv(response));
  });

  return router;
}
