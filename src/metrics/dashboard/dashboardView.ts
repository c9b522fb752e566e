import { z } from 'zod';

/** The dashboard's answer (GET /api/v1/dashboard) as a zod schema, for the OpenAPI document. */
const rate = z.number().nullable().meta({ description: 'a fraction 0–1; null when there is nothing to divide by' });
const ms = z.number().nullable().meta({ description: 'milliseconds; null when there is no data' });
const pct = z.number().nullable().meta({
  description: 'milliseconds, nearest rank over a fixed-edge histogram: never above the true value, below it by less than one step (1 s under a minute, 10 s under 10 min, 1 min under an hour, 5 min under 6 h, 30 min under a day, 6 h beyond); whole desk and days only, null per channel, team, language and agent',
});
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const csatFiguresView = z
  .object({
    scale: z.enum(['csat5', 'nps10']),
    responses: z.number().int(),
    average: z.number(),
    distribution: z.record(z.string(), z.number().int()).meta({ description: 'every score of the scale, counted' }),
    nps: z.number().optional().meta({ description: 'nps10 only: % promoters − % detractors' }),
  })
  .meta({ id: 'CsatFigures' });

const followUps = z.object({ open: z.number().int(), overdue: z.number().int() }).meta({ description: 'follow-ups open now, and how many are overdue' });

const figuresFields = {
  conversations: z.number().int().meta({ description: 'conversations opened in the period' }),
  escalated: z.number().int(),
  resolved: z.number().int(),
  botAnswered: z.number().int().meta({ description: 'conversations where the bot answered at least once' }),
  handled: z.number().int().meta({ description: 'resolutions by an agent' }),
  responseRate: rate,
  firstResponseAvgMs: ms,
  firstResponseMedianMs: pct,
  firstResponseP90Ms: pct,
  resolutionAvgMs: ms,
  resolutionMedianMs: pct,
  resolutionP90Ms: pct,
  avgHandleMs: ms,
  firstContactResolution: rate,
  botContainment: rate,
  escalationRate: rate,
  escalationsByReason: z.record(z.string(), z.number().int()),
  csat: z.array(csatFiguresView),
  csatSkipped: z.number().int(),
  nps: z
    .object({ responses: z.number().int(), promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int(), score: z.number() })
    .optional()
    .meta({ description: 'only when there is an NPS answer' }),
  calls: z.object({ deflected: z.number().int(), becameConversations: z.number().int() }).optional().meta({ description: 'only when a call was deflected' }),
  openFollowUps: followUps.optional().meta({ description: 'the whole report and each team only' }),
};

export const dashboardFiguresView = z.object(figuresFields).meta({ id: 'DashboardFigures' });

const dailyView = z
  .object({
    day,
    conversations: z.number().int(),
    escalated: z.number().int(),
    botContainment: rate,
    resolved: z.number().int(),
    firstResponseMedianMs: pct,
    firstResponseP90Ms: pct,
    resolutionMedianMs: pct,
    resolutionP90Ms: pct,
  })
  .meta({ id: 'DashboardDay' });

export const dashboardResponseView = z
  .object({
    ...figuresFields,
    period: z.object({
      from: z.iso.datetime(),
      to: z.iso.datetime(),
      days: z.number().int(),
      timeZone: z.string().meta({ description: 'the zone the days are cut in (DASHBOARD_TIME_ZONE)' }),
    }),
    asOf: z.iso.datetime().meta({ description: 'the moment overdue follow-ups were judged against' }),
    daily: z.array(dailyView).meta({ description: 'every day of the period, oldest first' }),
    csatWeekly: z
      .array(z.object({ week: day.meta({ description: 'the Monday the week starts on' }), responses: z.number().int(), average: z.number().nullable() }))
      .meta({ description: 'csat5 answers per week' }),
    byChannel: z.record(z.string(), dashboardFiguresView),
    byTeam: z.record(z.string(), dashboardFiguresView),
    byLanguage: z.record(z.string(), dashboardFiguresView),
    byAgent: z.record(z.string(), dashboardFiguresView),
    agentNames: z.record(z.string(), z.string()).meta({ description: 'agent id → name, for byAgent' }),
    source: z.object({
      kind: z.literal('aggregates').meta({ description: 'per-day counters written when the facts happened; no conversation is read' }),
      days: z.number().int().meta({ description: 'days read' }),
    }),
  })
  .meta({ id: 'Dashboard' });
