import { isOpen, nextOpening } from '../../../../src/handoff/businessHours';
import { businessHoursSchema, type BusinessHours } from '../../../../src/handoff/types';

const utc = (iso: string) => new Date(`${iso}Z`);

// Mon–Fri 09:00–18:00 in Asia/Kolkata (UTC+5:30); Wednesday 19 and Thursday 20 Nov 2025 are holidays.
const kolkata: BusinessHours = {
  timeZone: 'Asia/Kolkata',
  days: Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [{ open: '09:00', close: '18:00' }]])),
  holidays: ['2025-11-19', '2025-11-20'],
};

describe('holidays in business hours', () => {
  it('are closed all day although their weekday has hours', () => {
    expect(isOpen(kolkata, utc('2025-11-19T06:00:00'))).toBe(false);
    expect(isOpen({ ...kolkata, holidays: [] }, utc('2025-11-19T06:00:00'))).toBe(true);
  });

  it('are read as local dates: 20:00 UTC on the 18th is already the 19th in Kolkata', () => {
    const evening = { ...kolkata, days: { tue: [{ open: '00:00', close: '24:00' }], wed: [{ open: '00:00', close: '24:00' }] } };
    expect(isOpen(evening, utc('2025-11-18T18:00:00'))).toBe(true); // 23:30 on Tuesday the 18th
    expect(isOpen(evening, utc('2025-11-18T18:30:00'))).toBe(false); // 00:00 on Wednesday the 19th
  });

  it('are skipped by the next opening: Friday morning after two days off', () => {
    expect(nextOpening(kolkata, utc('2025-11-18T13:00:00'))).toEqual(utc('2025-11-21T03:30:00'));
  });

  it('longer than a week still leave a next opening after them', () => {
    const closedFortnight = Array.from({ length: 14 }, (_, i) => `2025-11-${String(17 + i).padStart(2, '0')}`);
    expect(nextOpening({ ...kolkata, holidays: closedFortnight }, utc('2025-11-16T12:00:00'))).toEqual(utc('2025-12-01T03:30:00'));
  });
});

describe('business hours validation', () => {
  it('refuses an unknown time zone with a message naming the expected form', () => {
    const r = businessHoursSchema.safeParse({ timeZone: 'Asia/Atlantis', days: {} });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/IANA name such as Asia\/Kolkata/);
  });

  it('refuses a holiday that is not a calendar date', () => {
    for (const bad of ['2026-02-30', '26-01-2026', '2026-13-01']) {
      const r = businessHoursSchema.safeParse({ timeZone: 'Asia/Kolkata', days: {}, holidays: [bad] });
      expect(r.success).toBe(false);
    }
  });

  it('accepts holidays as YYYY-MM-DD in a known zone', () => {
    expect(businessHoursSchema.safeParse({ timeZone: 'Asia/Kathmandu', days: {}, holidays: ['2026-10-21'] }).success).toBe(true);
  });
});
