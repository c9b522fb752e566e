import { type Weekday, weekdays } from '../types';

/** A wall-clock moment in a time zone. month 1–12; weekday mon..sun. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: Weekday;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `ms` (Intl; throws RangeError on an unknown zone). */
export function localTimeAt(ms: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const weekday = (parts.weekday ?? '').slice(0, 3).toLowerCase() as Weekday;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday,
  };
}

/** Offset of `timeZone` from UTC at `ms`, in ms (Kathmandu: +5:45 → 20 700 000). */
function offsetAt(ms: number, timeZone: string): number {
  const t = localTimeAt(ms, timeZone);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);
  return asUtc - Math.floor(ms / 60_000) * 60_000;
}

/**
 * The instant at which the wall clock in `timeZone` shows this date and minute of day. DST-safe:
 * a time skipped by a spring-forward gap resolves to the same offset shift later (01:30 in a
 * 01:00→02:00 gap → 02:30); a repeated autumn time resolves to its first occurrence.
 */
export function instantOf(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const HALF_DAY = 12 * 60 * 60 * 1000;
  // The offsets in force half a day before and after: they differ only around a DST change.
  const candidates = [wall - offsetAt(wall - HALF_DAY, timeZone), wall - offsetAt(wall + HALF_DAY, timeZone)];
  const shows = (ms: number) => {
    const t = localTimeAt(ms, timeZone);
    return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute) === wall;
  };
  const real = candidates.filter(shows);
  return real.length > 0 ? Math.min(...real) : Math.max(...candidates);
}

/** The calendar date `days` after the given one, with its weekday. */
export function addDays(year: number, month: number, day: number, days: number): { year: number; month: number; day: number; weekday: Weekday } {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: weekdays[(d.getUTCDay() + 6) % 7] as Weekday };
}

/** Days between two calendar dates (b − a). */
export function daysBetween(a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** "09:30" → 570; "24:00" → 1440. */
export function minuteOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}
