import { dayOf, daysFrom, shiftDay, startOfDay, weekOf } from '../../../../src/metrics/aggregates/days';

describe('dashboard days', () => {
  test('an instant falls on its UTC day, or its day in the configured zone', () => {
    const at = Date.UTC(2026, 11, 5, 20, 0);
    expect(dayOf(at, 'UTC')).toBe('2026-12-05');
    // Kathmandu is UTC+5:45: 20:00 UTC is 01:45 the next day
    expect(dayOf(at, 'Asia/Kathmandu')).toBe('2026-12-06');
    expect(dayOf(at, 'America/New_York')).toBe('2026-12-05');
  });

  test('a day starts at midnight in its zone, also on a daylight-saving day', () => {
    expect(new Date(startOfDay('2026-12-06', 'Asia/Kathmandu')).toISOString()).toBe('2026-12-05T18:15:00.000Z');
    // 29 March 2026: London moves to BST at 01:00; the day still starts at 00:00 GMT
    expect(new Date(startOfDay('2026-03-29', 'Europe/London')).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(new Date(startOfDay('2026-03-30', 'Europe/London')).toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });

  test('days are listed oldest first, across months and years', () => {
    expect(daysFrom('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(shiftDay('2024-03-01', -1)).toBe('2024-02-29');
  });

  test('a week is named after its Monday', () => {
    expect(weekOf('2025-03-01')).toBe('2025-02-24'); // a Saturday
    expect(weekOf('2025-03-03')).toBe('2025-03-03'); // a Monday
    expect(weekOf('2025-03-09')).toBe('2025-03-03'); // a Sunday
  });
});
