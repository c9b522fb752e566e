import { z } from 'zod';
import { dayOf, shiftDay } from '../aggregates/days';

export const DAY_MS = 86_400_000;
export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 366;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
const MILLIS = /^\d{1,15}$/;

function realCalendarDay(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/**
 * A point in time from a query string: milliseconds since the epoch (`1740787200000`), a UTC day
 * (`2025-03-01` = its midnight UTC), or an ISO date-time with `Z` or an offset
 * (`2025-03-01T00:00:00+05:30`). A date-time without a zone is refused: the server's zone is not the
 * reader's.
 */
export function parseInstant(raw: string): number | null {
  if (MILLIS.test(raw)) return Number(raw);
  const day = DATE_ONLY.exec(raw) ?? DATE_TIME.exec(raw);
  if (!day || !realCalendarDay(day[1]!, day[2]!, day[3]!)) return null;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : ms;
}

const instant = z.string().transform((raw, ctx) => {
  const ms = parseInstant(raw.trim());
  if (ms === null) {
    ctx.addIssue({
      code: 'custom',
      message: 'use milliseconds since the epoch, a day (2025-03-01) or an ISO date-time with a zone (2025-03-01T00:00:00Z)',
    });
    return z.NEVER;
  }
  return ms;
});

/** `?from=&to=` of the dashboard routes, before defaults. */
export const dashboardQuerySchema = z.object({ from: instant.optional(), to: instant.optional() });

/**
 * The period [from, to) a dashboard request asks for: `to` defaults to now, `from` to 30 days before
 * `to`; `from` must be before `to` and the period at most 366 days long.
 */
export const dashboardPeriodSchema = (now: number) =>
  dashboardQuerySchema
    .transform(({ from, to }) => {
      const end = to ?? now;
      return { from: from ?? end - DEFAULT_PERIOD_DAYS * DAY_MS, to: end };
    })
    .refine((p) => p.from < p.to, { message: 'from must be before to', path: ['from'] })
    .refine((p) => p.to - p.from <= MAX_PERIOD_DAYS * DAY_MS, {
      message: `the period may be at most ${MAX_PERIOD_DAYS} days long`,
      path: ['to'],
    });

/**
 * The whole days (in `timeZone`) a period [from, to) covers. A day given as a day (`2025-03-01`)
 * is that calendar day in `timeZone`, `to` excluded (`from=2025-03-01&to=2025-03-08`: 1–7 March);
 * an instant counts for the day it falls on in `timeZone`, `to` through its last millisecond before.
 * The default period (to = now) ends with today.
 */
export function periodDays(
  query: { from?: unknown; to?: unknown },
  period: { from: number; to: number },
  timeZone: string,
): { first: string; last: string } {
  const asDay = (raw: unknown) => (typeof raw === 'string' && DATE_ONLY.test(raw.trim()) ? raw.trim() : undefined);
  const fromDay = asDay(query.from);
  const toDay = asDay(query.to);
  return {
    first: fromDay ?? dayOf(period.from, timeZone),
    last: toDay ? shiftDay(toDay, -1) : dayOf(period.to - 1, timeZone),
  };
}
