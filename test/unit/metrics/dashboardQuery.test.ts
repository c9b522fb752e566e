import { DAY_MS, dashboardPeriodSchema, parseInstant, periodDays } from '../../../src/metrics/dashboard/dashboardQuery';

const NOW = Date.UTC(2025, 2, 10, 15, 30);
const parse = (q: Record<string, unknown>) => dashboardPeriodSchema(NOW).safeParse(q);

describe('parseInstant', () => {
  test('reads milliseconds since the epoch', () => {
    expect(parseInstant('1740787200000')).toBe(Date.UTC(2025, 2, 1));
  });

  test('reads a day as its UTC midnight', () => {
    expect(parseInstant('2025-03-01')).toBe(Date.UTC(2025, 2, 1));
  });

  test('reads ISO date-times with Z or an offset', () => {
    expect(parseInstant('2025-03-01T10:00:00Z')).toBe(Date.UTC(2025, 2, 1, 10));
    expect(parseInstant('2025-03-01T00:00+05:30')).toBe(Date.UTC(2025, 1, 28, 18, 30));
    expect(parseInstant('2025-03-01T10:00:00.250Z')).toBe(Date.UTC(2025, 2, 1, 10, 0, 0, 250));
  });

  test('refuses a date-time without a zone, impossible days and prose', () => {
    expect(parseInstant('2025-03-01T10:00:00')).toBeNull();
    expect(parseInstant('2025-02-30')).toBeNull();
    expect(parseInstant('2025-13-01')).toBeNull();
    expect(parseInstant('last week')).toBeNull();
    expect(parseInstant('')).toBeNull();
  });
});

describe('dashboard period', () => {
  test('defaults to the last 30 days up to now', () => {
    expect(parse({})).toMatchObject({ success: true, data: { from: NOW - 30 * DAY_MS, to: NOW } });
  });

  test('defaults from to 30 days before a given to', () => {
    expect(parse({ to: '2025-03-31' })).toMatchObject({ success: true, data: { from: Date.UTC(2025, 2, 1), to: Date.UTC(2025, 2, 31) } });
  });

  test('defaults to to now when only from is given', () => {
    expect(parse({ from: '2025-03-01' })).toMatchObject({ success: true, data: { from: Date.UTC(2025, 2, 1), to: NOW } });
  });

  test('refuses from at or after to', () => {
    expect(parse({ from: '2025-03-08', to: '2025-03-08' }).success).toBe(false);
    expect(parse({ from: '2025-03-09', to: '2025-03-08' }).success).toBe(false);
  });

  test('accepts 366 days and refuses more', () => {
    expect(parse({ from: '2024-01-01', to: '2025-01-01' }).success).toBe(true);
    expect(parse({ from: '2024-01-01', to: '2025-01-02' }).success).toBe(false);
  });

  test('refuses a repeated parameter and unreadable times', () => {
    expect(parse({ from: ['2025-03-01', '2025-03-02'] }).success).toBe(false);
    expect(parse({ from: 'yesterday' }).success).toBe(false);
  });
});

describe('the days of a period', () => {
  const utc = (from: string, to: string) => ({ from: Date.parse(from), to: Date.parse(to) });

  test('days given as days are calendar days in the zone, to excluded', () => {
    expect(periodDays({ from: '2025-03-01', to: '2025-03-08' }, utc('2025-03-01', '2025-03-08'), 'Asia/Kathmandu')).toEqual({ first: '2025-03-01', last: '2025-03-07' });
  });

  test('an instant counts for the day it falls on in the zone', () => {
    // 18:30 UTC is already 00:15 on 2 March in Kathmandu (UTC+5:45)
    const p = utc('2025-03-01T18:30:00Z', '2025-03-03T00:00:00Z');
    expect(periodDays({ from: '2025-03-01T18:30:00Z', to: '2025-03-03T00:00:00Z' }, p, 'Asia/Kathmandu')).toEqual({ first: '2025-03-02', last: '2025-03-03' });
    expect(periodDays({ from: '2025-03-01T18:30:00Z', to: '2025-03-03T00:00:00Z' }, p, 'UTC')).toEqual({ first: '2025-03-01', last: '2025-03-02' });
  });
});
