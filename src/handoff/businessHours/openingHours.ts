import type { BusinessHours } from '../types';
import { addDays, instantOf, localTimeAt, minuteOfDay } from './zonedTime';

/**
 * Business hours of a team in its own IANA time zone (Team.businessHours). No hours = always open.
 * An interval is open from `open` (inclusive) to `close` (exclusive); `24:00` closes at midnight.
 * Intervals crossing midnight are not supported: write 22:00–24:00 and 00:00–02:00 instead;
 * an interval whose close is not after its open is ignored. A holiday (a local date in
 * `holidays`) is closed all day.
 */

/** 2026-01-26 for the local date; holidays are written this way. */
function isoDate(d: { year: number; month: number; day: number }): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function isHoliday(hours: BusinessHours, d: { year: number; month: number; day: number }): boolean {
  return hours.holidays?.includes(isoDate(d)) ?? false;
}

function intervalsOn(hours: BusinessHours, date: { year: number; month: number; day: number; weekday: keyof BusinessHours['days'] }): { open: number; close: number }[] {
  if (isHoliday(hours, date)) return [];
  return (hours.days[date.weekday] ?? [])
    .map((i) => ({ open: minuteOfDay(i.open), close: minuteOfDay(i.close) }))
    .filter((i) => i.close > i.open)
    .sort((a, b) => a.open - b.open);
}

export function isOpen(hours: BusinessHours | undefined, at: Date): boolean {
  if (!hours) return true;
  const t = localTimeAt(at.getTime(), hours.timeZone);
  const minute = t.hour * 60 + t.minute;
  return intervalsOn(hours, t).some((i) => minute >= i.open && minute < i.close);
}

/**
 * When the team is next open: `at` itself when it is open now, the start of the next interval
 * otherwise (looking a week ahead, plus a day per holiday), null when no such day has any interval.
 */
export function nextOpening(hours: BusinessHours | undefined, at: Date): Date | null {
  if (isOpen(hours, at)) return at;
  if (!hours) return at;
  const now = at.getTime();
  const today = localTimeAt(now, hours.timeZone);
  for (let offset = 0; offset <= 7 + (hours.holidays?.length ?? 0); offset++) {
    const date = addDays(today.year, today.month, today.day, offset);
    for (const interval of intervalsOn(hours, date)) {
      const opens = instantOf(date.year, date.month, date.day, interval.open, hours.timeZone);
      if (opens > now) return new Date(opens);
    }
  }
  return null;
}
