import { describeOpening, estimateWait, isOpen, nextOpening, queueMessage } from '../../../../src/handoff/businessHours';
import type { BusinessHours } from '../../../../src/handoff/types';

const weekdays9to18 = (timeZone: string): BusinessHours => ({
  timeZone,
  days: {
    mon: [{ open: '09:00', close: '18:00' }],
    tue: [{ open: '09:00', close: '18:00' }],
    wed: [{ open: '09:00', close: '18:00' }],
    thu: [{ open: '09:00', close: '18:00' }],
    fri: [{ open: '09:00', close: '13:00' }, { open: '14:00', close: '18:00' }],
    sat: [{ open: '10:00', close: '14:00' }],
  },
});

// Wednesday 19 Nov 2025.
const utc = (iso: string) => new Date(`${iso}Z`);

describe('isOpen', () => {
  it('is always open without business hours', () => {
    expect(isOpen(undefined, utc('2025-11-23T03:00:00'))).toBe(true);
  });

  it('reads the hours in Asia/Kolkata (UTC+5:30): 03:30 UTC is 09:00 there', () => {
    const hours = weekdays9to18('Asia/Kolkata');
    expect(isOpen(hours, utc('2025-11-19T03:29:59'))).toBe(false);
    expect(isOpen(hours, utc('2025-11-19T03:30:00'))).toBe(true);
  });

  it('closes at the closing minute, exclusive (Asia/Karachi, UTC+5)', () => {
    const hours = weekdays9to18('Asia/Karachi');
    expect(isOpen(hours, utc('2025-11-19T12:59:00'))).toBe(true);
    expect(isOpen(hours, utc('2025-11-19T13:00:00'))).toBe(false);
  });

  it('handles the quarter-hour offset of Asia/Kathmandu (UTC+5:45)', () => {
    const hours = weekdays9to18('Asia/Kathmandu');
    expect(isOpen(hours, utc('2025-11-19T03:14:00'))).toBe(false);
    expect(isOpen(hours, utc('2025-11-19T03:15:00'))).toBe(true);
  });

  it('uses the local weekday, not the UTC one', () => {
    // Saturday 22 Nov 18:29 UTC is Saturday 23:59 in Kolkata; a minute later it is Sunday there.
    const hours: BusinessHours = { timeZone: 'Asia/Kolkata', days: { sat: [{ open: '00:00', close: '24:00' }] } };
    expect(isOpen(hours, utc('2025-11-22T18:29:00'))).toBe(true);
    expect(isOpen(hours, utc('2025-11-22T18:30:00'))).toBe(false);
  });

  it('treats 24:00 as the end of the day', () => {
    const hours: BusinessHours = { timeZone: 'Asia/Karachi', days: { wed: [{ open: '20:00', close: '24:00' }] } };
    expect(isOpen(hours, utc('2025-11-19T18:59:00'))).toBe(true);
    expect(isOpen(hours, utc('2025-11-19T19:00:00'))).toBe(false);
  });

  it('is closed in the lunch gap between two intervals', () => {
    const hours = weekdays9to18('Asia/Karachi');
    expect(isOpen(hours, utc('2025-11-21T08:30:00'))).toBe(false); // Friday 13:30 local
  });

  it('follows British Summer Time in Europe/London', () => {
    const hours = weekdays9to18('Europe/London');
    expect(isOpen(hours, utc('2025-07-16T08:00:00'))).toBe(true); // 09:00 BST
    expect(isOpen(hours, utc('2025-11-19T08:00:00'))).toBe(false); // 08:00 GMT
    expect(isOpen(hours, utc('2025-11-19T09:00:00'))).toBe(true); // 09:00 GMT
  });
});

describe('nextOpening', () => {
  it('is now when open now', () => {
    const at = utc('2025-11-19T06:00:00');
    expect(nextOpening(weekdays9to18('Asia/Kolkata'), at)).toEqual(at);
  });

  it('is the same morning before opening (Asia/Kolkata)', () => {
    expect(nextOpening(weekdays9to18('Asia/Kolkata'), utc('2025-11-19T01:00:00'))).toEqual(utc('2025-11-19T03:30:00'));
  });

  it('is the next morning after closing (Asia/Kathmandu)', () => {
    expect(nextOpening(weekdays9to18('Asia/Kathmandu'), utc('2025-11-19T13:00:00'))).toEqual(utc('2025-11-20T03:15:00'));
  });

  it('is the end of the lunch gap on Friday (Asia/Karachi)', () => {
    expect(nextOpening(weekdays9to18('Asia/Karachi'), utc('2025-11-21T08:30:00'))).toEqual(utc('2025-11-21T09:00:00'));
  });

  it('skips Sunday to Monday morning', () => {
    // Saturday 22 Nov 15:00 in Karachi, after Saturday's hours.
    expect(nextOpening(weekdays9to18('Asia/Karachi'), utc('2025-11-22T10:00:00'))).toEqual(utc('2025-11-24T04:00:00'));
  });

  it('opens at 09:00 BST on the Monday after the clocks go forward in Europe/London', () => {
    // Saturday 29 Mar 2025 15:00 GMT; clocks go forward on Sunday 30 Mar.
    expect(nextOpening(weekdays9to18('Europe/London'), utc('2025-03-29T15:00:00'))).toEqual(utc('2025-03-31T08:00:00'));
  });

  it('opens at 09:00 GMT on the Monday after the clocks go back in Europe/London', () => {
    expect(nextOpening(weekdays9to18('Europe/London'), utc('2025-10-25T15:00:00'))).toEqual(utc('2025-10-27T09:00:00'));
  });

  it('resolves an opening time skipped by the spring-forward gap to the hour after', () => {
    const hours: BusinessHours = { timeZone: 'Europe/London', days: { sun: [{ open: '01:30', close: '05:00' }] } };
    expect(nextOpening(hours, utc('2025-03-29T12:00:00'))).toEqual(utc('2025-03-30T01:30:00')); // 02:30 BST
  });

  it('is null when no day has hours', () => {
    expect(nextOpening({ timeZone: 'Asia/Kolkata', days: {} }, utc('2025-11-19T01:00:00'))).toBeNull();
  });

  it('is now without business hours', () => {
    const at = utc('2025-11-19T01:00:00');
    expect(nextOpening(undefined, at)).toEqual(at);
  });
});

describe('describeOpening', () => {
  const now = utc('2025-11-19T01:00:00'); // Wednesday 06:30 in Kolkata

  it('says today, tomorrow or the weekday in English', () => {
    expect(describeOpening(utc('2025-11-19T03:30:00'), 'Asia/Kolkata', 'en', now)).toBe('today at 09:00');
    expect(describeOpening(utc('2025-11-20T04:30:00'), 'Asia/Kolkata', 'en', now)).toBe('tomorrow at 10:00');
    expect(describeOpening(utc('2025-11-24T04:30:00'), 'Asia/Kolkata', 'en', now)).toBe('Monday at 10:00');
    expect(describeOpening(utc('2025-12-01T04:30:00'), 'Asia/Kolkata', 'en', now)).toBe('on 01/12 at 10:00');
  });

  it('counts days in the team time zone, not in UTC', () => {
    // 20:00 UTC on Wednesday is already Thursday 01:45 in Kathmandu: "tomorrow" seen from Wednesday morning there.
    expect(describeOpening(utc('2025-11-19T20:00:00'), 'Asia/Kathmandu', 'en', now)).toBe('tomorrow at 01:45');
  });

  it.each([
    ['hi', 'कल 10:00 बजे', 'सोमवार 10:00 बजे'],
    ['hi-Latn', 'kal 10:00 baje', 'Somvaar 10:00 baje'],
    ['ur', 'کل 10:00 بجے', 'پیر 10:00 بجے'],
    ['ne', 'भोलि 10:00 बजे', 'सोमबार 10:00 बजे'],
  ])('says tomorrow and Monday in %s', (lang, tomorrow, monday) => {
    expect(describeOpening(utc('2025-11-20T04:30:00'), 'Asia/Kolkata', lang, now)).toBe(tomorrow);
    expect(describeOpening(utc('2025-11-24T04:30:00'), 'Asia/Kolkata', lang, now)).toBe(monday);
  });
});

describe('estimateWait', () => {
  it('scales the median recent wait by position and agents online, rounding up', () => {
    const recentWaitsMs = [60_000, 120_000, 180_000, 600_000, 90_000]; // median 2 min
    expect(estimateWait({ position: 2, recentWaitsMs, onlineAgents: 1 })).toEqual({ minutes: 4 });
    expect(estimateWait({ position: 3, recentWaitsMs, onlineAgents: 2 })).toEqual({ minutes: 3 });
  });

  it('uses the mean of the middle two for an even number of waits', () => {
    expect(estimateWait({ position: 1, recentWaitsMs: [60_000, 180_000, 240_000, 900_000], onlineAgents: 1 })).toEqual({ minutes: 4 });
  });

  it('says at least one minute', () => {
    expect(estimateWait({ position: 1, recentWaitsMs: [5_000], onlineAgents: 3 })).toEqual({ minutes: 1 });
  });

  it('does not know without recent waits or without agents online', () => {
    expect(estimateWait({ position: 1, recentWaitsMs: [], onlineAgents: 2 })).toEqual({ minutes: null });
    expect(estimateWait({ position: 1, recentWaitsMs: [60_000], onlineAgents: 0 })).toEqual({ minutes: null });
  });
});

describe('queueMessage', () => {
  it('tells the place in line and the wait in English', () => {
    expect(queueMessage({ lang: 'en', position: 2, minutes: 4, open: true })).toBe(
      'A person from our team will be with you shortly (you are number 2 in line, about 4 minutes).',
    );
  });

  it('leaves out the wait when it is unknown', () => {
    expect(queueMessage({ lang: 'en', position: 1, minutes: null, open: true })).toBe(
      'A person from our team will be with you shortly (you are number 1 in line).',
    );
  });

  it('opens with an apology for an upset customer, in their language', () => {
    expect(queueMessage({ lang: 'en', position: 1, minutes: null, open: true, apologise: true })).toBe(
      "I'm sorry about this. A person from our team will be with you shortly (you are number 1 in line).",
    );
    expect(queueMessage({ lang: 'hi-Latn', position: null, minutes: null, open: false, apologise: true })).toBe(
      'Is pareshani ke liye hamein khed hai. Hamari team abhi band hai; khulte hi hum jawab denge.',
    );
  });

  it('gives only the wait when the place in line is unknown, and neither when both are', () => {
    expect(queueMessage({ lang: 'en', position: null, minutes: 3, open: true })).toBe('A person from our team will be with you shortly (about 3 minutes).');
    expect(queueMessage({ lang: 'ur', position: null, minutes: null, open: true })).toBe('ہماری ٹیم کا ایک نمائندہ جلد ہی آپ سے بات کرے گا۔');
  });

  it('says when the team opens when closed', () => {
    expect(queueMessage({ lang: 'en', position: 1, minutes: null, open: false, opensAt: 'tomorrow at 10:00' })).toBe(
      'Our team is closed now; we open tomorrow at 10:00 and will reply then.',
    );
  });

  it.each([
    ['hi', 'लाइन में आपका नंबर 2 है', 'लगभग 4 मिनट', 'हम कल 10:00 बजे खुलेंगे'],
    ['hi-Latn', 'line mein aapka number 2 hai', 'lagbhag 4 minute', 'hum kal 10:00 baje khulenge'],
    ['ur', 'قطار میں آپ کا نمبر 2 ہے', 'تقریباً 4 منٹ', 'ہم کل 10:00 بجے کھلیں گے'],
    ['ne', 'लाइनमा तपाईंको नम्बर 2 हो', 'करिब 4 मिनेट', 'हामी भोलि 10:00 बजे खुल्छौं'],
  ])('speaks %s', (lang, position, minutes, opening) => {
    const waiting = queueMessage({ lang, position: 2, minutes: 4, open: true });
    expect(waiting).toContain(position);
    expect(waiting).toContain(minutes);
    const opensAt = describeOpening(utc('2025-11-20T04:30:00'), 'Asia/Kolkata', lang, utc('2025-11-19T01:00:00'));
    expect(queueMessage({ lang, position: 2, minutes: null, open: false, opensAt })).toContain(opening);
  });

  it('says the team will reply on opening when the opening is unknown', () => {
    expect(queueMessage({ lang: 'en', position: 1, minutes: null, open: false })).toBe('Our team is closed now; we will reply as soon as we open.');
  });
});
