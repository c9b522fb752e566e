import { addDays, instantOf, localTimeAt } from '../../handoff/businessHours/zonedTime';

/**
 * Calendar days of the dashboard's aggregates, in the time zone DASHBOARD_TIME_ZONE (UTC unless
 * set). A day is written `2026-12-06`; it starts at that date's midnight in the zone (DST-safe).
 */

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The day (in `timeZone`) an instant falls on. */
export function dayOf(ms: number, timeZone: string): string {
  if (timeZone === 'UTC') return new Date(ms).toISOString().slice(0, 10);
  const t = localTimeAt(ms, timeZone);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}

function parts(day: string): { year: number; month: number; day: number } {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The day `n` days after `day` (n may be negative). */
export function shiftDay(day: string, n: number): string {
  const d = addDays(parts(day).year, parts(day).month, parts(day).day, n);
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** The instant `day` starts at in `timeZone`. */
export function startOfDay(day: string, timeZone: string): number {
  const p = parts(day);
  if (timeZone === 'UTC') return Date.UTC(p.year, p.month - 1, p.day);
  return instantOf(p.year, p.month, p.day, 0, timeZone);
}

/** Every day from `first` to `last`, both included, oldest first. */
export function daysFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = shiftDay(d, 1)) out.push(d);
  return out;
}

/** The Monday starting the ISO week a day is in (weeks of the CSAT series start on Monday). */
export function weekOf(day: string): string {
  const p = parts(day);
  const weekday = (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7; // Monday 0
  return shiftDay(day, -weekday);
}
