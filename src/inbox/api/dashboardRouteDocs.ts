import { z } from 'zod';
import { dashboardQuerySchema } from '../../metrics/dashboard/dashboardQuery';
import { dashboardResponseView } from '../../metrics/dashboard/dashboardView';
import type { RouteDoc } from './route';

const query = dashboardQuerySchema.meta({
  description: 'from/to: a day (2025-03-01), an ISO date-time with a zone, or milliseconds since the epoch; default the last 7 days, at most 366',
});

/** The dashboard endpoints (src/metrics/dashboard/dashboardRouter.ts, mounted at /api/v1), for the OpenAPI document. */
export const dashboardRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/dashboard',
    tag: 'dashboard',
    access: 'admin',
    summary: 'Response rate, response times, bot containment and CSAT for a period',
    query,
    status: 200,
    responses: { 200: { description: 'The figures, overall, per channel and per team', schema: dashboardResponseView } },
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
        description: 'CSV with a header row; X-Baton-Truncated: true when the read cap was reached',
        contentType: 'text/csv',
        schema: z.string(),
      },
    },
  },
];
