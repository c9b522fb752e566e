import { Router, type Request, type RequestHandler } from 'express';
import type { ConversationStore } from '../../conversations/conversationStore';
import { computeDashboard, type DashboardReport, type FollowUpLike } from './computeDashboard';
import { toCsv } from './dashboardCsv';
import { dashboardPeriodSchema } from './dashboardQuery';
import { readPeriodConversations, type ReadPeriodOptions } from './readPeriodConversations';

export interface DashboardFollowUpSource {
  list(query: { status?: 'open' | 'done' }): Promise<FollowUpLike[]>;
}

export interface DashboardRouterDeps {
  store: Pick<ConversationStore, 'list'>;
  followUps: DashboardFollowUpSource;
  /** Runs before each route: must authenticate the caller and refuse non-admins. */
  requireAdmin: RequestHandler | RequestHandler[];
  clock?: () => number;
  read?: ReadPeriodOptions;
}

export interface DashboardResponse extends DashboardReport {
  source: {
    /** Conversations read from the store to build the report. */
    scanned: number;
    /** True when the read cap was reached: older conversations of the period may be missing. */
    truncated: boolean;
    note?: string;
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
 * Figures come only from stored conversations and follow-ups, so every instance agrees.
 */
export function createDashboardRouter(deps: DashboardRouterDeps): Router {
  const clock = deps.clock ?? Date.now;
  const guards = Array.isArray(deps.requireAdmin) ? deps.requireAdmin : [deps.requireAdmin];
  const router = Router();

  async function build(req: Request): Promise<{ response: DashboardResponse; from: number; to: number }> {
    const now = clock();
    const { from, to } = dashboardPeriodSchema(now).parse(req.query);
    const [read, followUps] = await Promise.all([
      readPeriodConversations(deps.store, from, deps.read),
      deps.followUps.list({ status: 'open' }),
    ]);
    const report = computeDashboard(read.conversations, followUps, { from, to }, now);
    const response: DashboardResponse = {
      ...report,
      source: {
        scanned: read.scanned,
        truncated: read.truncated,
        ...(read.truncated
          ? { note: `Only the ${read.scanned} most recently updated conversations were read; figures may miss older ones of this period. Ask for a shorter period.` }
          : {}),
      },
    };
    return { response, from, to };
  }

  router.get('/dashboard', ...guards, async (req, res) => {
    const { response } = await build(req);
    res.set('Cache-Control', 'no-store');
    res.json(response);
  });

  router.get('/dashboard.csv', ...guards, async (req, res) => {
    const { response, from, to } = await build(req);
    res.set('Cache-Control', 'no-store');
    res.set('Content-Type', 'text/csv; charset=utf-8; header=present');
    res.set('Content-Disposition', `attachment; filename="baton-dashboard-${fileStamp(from)}-${fileStamp(to)}.csv"`);
    if (response.source.truncated) res.set('X-Baton-Truncated', 'true');
    res.send(toCsv(response));
  });

  return router;
}
