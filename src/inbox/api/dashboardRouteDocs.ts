import { z } from 'zod';
import { dashboardQuerySchema } from '../../metrics/dashboard/dashboardQuery';
import { dashboardResponseView } from '../../metrics/dashboard/dashboardView';
import type { RouteDoc } from './route';

const query = dashboardQuerySchema.meta({
  description: 'from/to: a day (2025-03-01), an ISO date-time with a zone, or milliseconds since the epoch; the period is the whole days (DASHBOARD_TIME_ZONE, UTC by default) from `from` to the last millisecond before `to`; default the last 30 days up to now, at most 366',
});

/** The dashboard endpoints (src/metrics/dashboard/dashboardRouter.ts, mounted at /api/v1), for the OpenAPI document. */
export const dashboardRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/dashboard',
    tag: 'dashboard',
    access: 'admin',
    summary: 'Daily series, response and resolution times, containment, CSAT, per channel, team, language and agent, from per-day aggregates',
    query,
    status: 200,
    responses: { 200: { description: 'The figures, overall, per day, per week (CSAT), per channel, team, language and agent', schema: dashboardResponseView } },
  },
  {
    method: 'get',
    path: '/dashboard.csv',
    tag: 'dashboard',
    access: 'admin',
    summary: 'The same figures as a CSV download',
    query,
    status: 200,
    responses: {
      200: {
        description: 'CSV with a header row: one row for the whole period, then one per channel, team, language and agent',
        contentType: 'text/csv',
        schema: z.string(),
      },
    },
  },
];
