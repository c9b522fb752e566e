import { calendarDate, DAY_FIRST, findDates, YEAR_FIRST } from '../slots/findDates';
import { matchesOf } from './mask';
import { type FactCandidate, MAX_FACTS_PER_KIND } from './types';

/**
 * Dates as ISO `YYYY-MM-DD` (findDates: 15/03/2024, 2024-03-15, today, kal, परसों, آج, भोलि…).
 * A numeric date that does not exist (31/02/2024, 2024-13-01) is an unverified candidate, kept as typed.
 * Text must have ASCII digits, e-mails and phones masked out.
 */
export function findDateFacts(text: string, now: Date, timeZone: string): FactCandidate[] {
  const out: FactCandidate[] = findDates(text, calendarDate(now, timeZone), MAX_FACTS_PER_KIND)
    .slice(0, MAX_FACTS_PER_KIND)
    .map((m) => ({ kind: 'date' as const, value: m.value, verified: true, span: { start: m.start, end: m.end } }));
  if (!/\d[-/.]\d/.test(text)) return out;
  for (const pattern of [YEAR_FIRST, DAY_FIRST]) {
    for (const m of matchesOf(text, pattern, MAX_FACTS_PER_KIND * 2)) {
      if (out.length >= MAX_FACTS_PER_KIND) break;
      if (out.some((f) => m.index < f.span.end && f.span.start < m.index + m[0].length)) continue;
      out.push({ kind: 'date', value: m[0], verified: false, span: { start: m.index, end: m.index + m[0].length } });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
