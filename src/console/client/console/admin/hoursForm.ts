import type { Team } from '../../shared/types';

/** Business hours as the team form edits them, and back to the API's shape (Team.businessHours). */
export type BusinessHours = NonNullable<Team['businessHours']>;
export type Weekday = keyof BusinessHours['days'];
export interface Interval {
  open: string;
  close: string;
}

export const WEEKDAYS: { day: Weekday; name: string }[] = [
  { day: 'mon', name: 'Monday' },
  { day: 'tue', name: 'Tuesday' },
  { day: 'wed', name: 'Wednesday' },
  { day: 'thu', name: 'Thursday' },
  { day: 'fri', name: 'Friday' },
  { day: 'sat', name: 'Saturday' },
  { day: 'sun', name: 'Sunday' },
];

export interface HoursForm {
  /** Off = no business hours: always open. */
  enabled: boolean;
  timeZone: string;
  days: Record<Weekday, Interval[]>;
  holidays: string[];
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The form for a team's hours; a team without hours starts as Monday to Friday, 09:00–18:00, switched off. */
export function hoursFormOf(hours: BusinessHours | undefined, defaultZone = browserTimeZone()): HoursForm {
  const days = Object.fromEntries(WEEKDAYS.map(({ day }) => [day, hours ? [...(hours.days[day] ?? [])] : []])) as Record<Weekday, Interval[]>;
  if (!hours) for (const day of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) days[day] = [{ open: '09:00', close: '18:00' }];
  return { enabled: hours !== undefined, timeZone: hours?.timeZone ?? defaultZone, days, holidays: [...(hours?.holidays ?? [])] };
}

/** What the API takes: undefined when switched off; closed days and empty holiday lists left out. */
export function businessHoursOf(form: HoursForm): BusinessHours | undefined {
  if (!form.enabled) return undefined;
  const days: BusinessHours['days'] = {};
  for (const { day } of WEEKDAYS) if (form.days[day].length > 0) days[day] = form.days[day];
  const holidays = [...new Set(form.holidays)].sort();
  return { timeZone: form.timeZone.trim(), days, ...(holidays.length > 0 ? { holidays } : {}) };
}

/** "Asia/Kolkata · Mon 09:00–18:00 · Sat 10:00–14:00 · 2 holidays", or "Always open". */
export function describeHours(hours: BusinessHours | undefined): string {
  if (!hours) return 'Always open';
  const days = WEEKDAYS.filter(({ day }) => (hours.days[day] ?? []).length > 0).map(
    ({ day, name }) => `${name.slice(0, 3)} ${(hours.days[day] ?? []).map((i) => `${i.open}–${i.close}`).join(', ')}`,
  );
  const holidays = hours.holidays?.length ? [`${hours.holidays.length} holiday${hours.holidays.length === 1 ? '' : 's'}`] : [];
  return [hours.timeZone, ...(days.length > 0 ? days : ['closed every day']), ...holidays].join(' · ');
}
