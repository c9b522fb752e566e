import { calendarDate } from '../../../../src/nlu/slots/findDates';

describe('calendarDate', () => {
  test('is the date in the time zone, not in UTC', () => {
    expect(calendarDate(new Date('2025-03-10T19:00:00Z'), 'Asia/Kolkata')).toBe('2025-03-11');
    expect(calendarDate(new Date('2025-03-10T19:00:00Z'), 'UTC')).toBe('2025-03-10');
  });

  test('turns at the zone\'s midnight, also when asked within the same minute just before it', () => {
    // Asia/Kathmandu is UTC+5:45: its midnight is 18:15 UTC.
    expect(calendarDate(new Date('2025-03-10T18:14:59.999Z'), 'Asia/Kathmandu')).toBe('2025-03-10');
    expect(calendarDate(new Date('2025-03-10T18:15:00Z'), 'Asia/Kathmandu')).toBe('2025-03-11');
    expect(calendarDate(new Date('2025-03-10T18:14:30Z'), 'Asia/Kathmandu')).toBe('2025-03-10');
  });

  test('reads an unknown zone as UTC', () => {
    expect(calendarDate(new Date('2025-03-10T23:30:00Z'), 'Not/AZone')).toBe('2025-03-10');
  });
});
