import { z } from 'zod';

/** The dashboard's answer (GET /api/v1/dashboard) as a zod schema, for the OpenAPI document. */
const rate = z.number().nullable().meta({ description: 'a fraction 0–1; null when there is nothing to divide by' });
const ms = z.number().nullable().meta({ description: 'milliseconds; null when there is no data' });

export const csatFiguresView = z
  .object({
    scale: z.enum(['csat5', 'nps10']),
    responses: z.number().int(),
    average: z.number(),
    distribution: z.record(z.string(), z.number().int()).meta({ description: 'every score of the scale, counted' }),
    nps: z.number().optional().meta({ description: 'nps10 only: % promoters − % detractors' }),
  })
  .meta({ id: 'CsatFigures' });

const figuresFields = {
  conversations: z.number().int(),
  escalated: z.number().int(),
  resolved: z.number().int(),
  responseRate: rate,
  firstResponseMedianMs: ms,
  firstResponseP90Ms: ms,
  avgHandleMs: ms,
  firstContactResolution: rate,
  botContainment: rate,
  escalationRate: rate,
  escalationsByReason: z.record(z.string(), z.number().int()),
  csat: z.array(csatFiguresView),
  csatSkipped: z.number().int(),
  openFollowUps: z.object({ open: z.number().int(), overdue: z.number().int() }),
};

export const dashboardFiguresView = z.object(figuresFields).meta({ id: 'DashboardFigures' });

export const dashboardResponseView = z
  .object({
    ...figuresFields,
    period: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
    asOf: z.iso.datetime().meta({ description: 'the moment overdue follow-ups were judged against' }),
    byChannel: z.record(z.string(), dashboardFiguresView),
    byTeam: z.record(z.string(), dashboardFiguresView),
    source: z.object({
      scanned: z.number().int().meta({ description: 'conversations read from the store to build the report' }),
      truncated: z.boolean().meta({ description: 'the read cap was reached: older conversations of the period may be missing' }),
      note: z.string().optional(),
    }),
  })
  .meta({ id: 'Dashboard' });
