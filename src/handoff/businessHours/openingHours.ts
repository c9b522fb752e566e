import type { BusinessHours } from '../types';
import { addDays, instantOf, localTimeAt, minuteOfDay } from './zonedTime';

/**
 * Business hours of a team in its own IANA time zone (Team.businessHours). No hours = always open.
 * An interval is open from `open` (inclusive) to `close` (exclusive); `24:00` closes at midnight.
 * Intervals crossing midnight are not supported: write 22:00–24:00 and 00:00–02:00 instead;
 * an interval whose close is not after its open is ignored.
 */

function intervalsOn(hours: BusinessHours, weekday: keyof BusinessHours['days']): { open: number; close: number }[] {
  return (hours.days[weekday] ?? [])
    .map((i) => ({ open: minuteOfDay(i.open), close: minuteOfDay(i.close) }))
    .filter((i) => i.close > i.open)
    .sort((a, b) => a.open - b.open);
}

export function isOpen(hours: BusinessHours | undefined, at: Date): boolean {
  if (!hours) return true;
  const t = localTimeAt(at.getTime(), hours.timeZone);
  const minute = t.hour * 60 + t.minute;
  return intervalsOn(hours, t.weekday).some((i) => minute >= i.open && minute < i.close);
}

/**
 * When the team is next open: `at` itself when it is open now, the start of the next interval
 * otherwise (looking up to 8 days ahead), null when no day has any interval.
 */
export function nextOpening(hours: BusinessHours | undefined, at: Date): Date | null {
  if (isOpen(hours, at)) return at;
  if (!hours) return at;
  const now = at.getTime();
  const today = localTimeAt(now, hours.timeZone);
  for (let offset = 0; offset <= 7; offset++) {
    const date = addDays(today.year, today.month, today.day, offset);
    for (const interval of intervalsOn(hours, date.weekday)) {
      const opens = instantOf(date.year, date.month, date.day, interval.open, hours.timeZone);
      if (opens > now) return new Date(opens);
    }
  }
  return null;
}
