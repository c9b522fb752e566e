import { extractFacts } from '../../../../src/nlu/facts';
import { flood, NOW, valuesOf } from './helpers';

describe('dates', () => {
  test.each([
    ['en', 'it was delivered on 15/03/2024', '2024-03-15'],
    ['hi', 'ऑर्डर १५/०३/२०२४ को आया', '2024-03-15'],
    ['hi-Latn', 'kal deliver karo', '2025-03-11'],
    ['ur', 'آج ڈیلیوری ہونی تھی', '2025-03-10'],
    ['ne', 'भोलि पठाउनुहोस्', '2025-03-11'],
  ])('finds the date in a %s message, as ISO', (_lang, text, value) => {
    expect(valuesOf('date', text)).toEqual([[value, true]]);
  });

  // NOW is 10 March 2025.
  test.each([
    ['en', 'paid for the tv on 2nd November 2024', '2024-11-02'],
    ['en', 'it was supposed to come by March 14th', '2025-03-14'],
    ['en', 'ordered on 28 feb', '2025-02-28'],
    ['hi', '१२ नवंबर को ऑर्डर किया था', '2024-11-12'],
    ['hi-Latn', '5 april ko deliver karna', '2025-04-05'],
    ['ur', '۱۲ نومبر کو آرڈر کیا تھا', '2024-11-12'],
    ['ne', '५ फेब्रुअरीमा अर्डर गरेको', '2025-02-05'],
  ])('finds a day and a month by name in a %s message: "%s"', (_lang, text, value) => {
    expect(valuesOf('date', text)).toEqual([[value, true]]);
  });

  test('reads a day and month without a year as the nearest such date, or the last one in a message in the past tense', () => {
    expect(valuesOf('date', 'about the 5 december order')).toEqual([['2024-12-05', true]]);
    expect(valuesOf('date', '5 जून को भेजना')).toEqual([['2025-06-05', true]]);
    expect(valuesOf('date', '5 जून को भेजा था')).toEqual([['2024-06-05', true]]);
  });

  // NOW is 10 March 2025: the nearest 3 April is ahead, the last one a year back.
  test.each([
    ['en', 'ordered the tv on 3rd april, still not here', '2024-04-03'],
    ['en', 'paid on 3 april and nothing since', '2024-04-03'],
    ['ne', '३ अप्रिलमा अर्डर गरेको थियो', '2024-04-03'],
    ['ne', '3 april ma kineko', '2024-04-03'],
  ])('reads a day and month without a year as the last one when a %s message tells of something done: "%s"', (_lang, text, value) => {
    expect(valuesOf('date', text)).toEqual([[value, true]]);
  });

  test('reads a day and month without a year as ahead when an English message says it will happen', () => {
    expect(valuesOf('date', 'it will be delivered on 3 april')).toEqual([['2025-04-03', true]]);
  });

  test.each([
    ['en', 'the washing machine i bought on 12/11 is noisy', '2024-11-12'],
    ['hi', 'ऑर्डर १२/११ को किया था', '2024-11-12'],
    ['hi-Latn', '25/11 ko pickup hua tha', '2024-11-25'],
    ['ur', '۵/۳ کو ڈیلیوری ہوئی', '2025-03-05'],
  ])('reads a day and month written with a slash and no year in a %s message: "%s"', (_lang, text, value) => {
    expect(valuesOf('date', text)).toEqual([[value, true]]);
  });

  test.each([['we need 24/7 support'], ['rated it 4/5'], ['4/5 stars'], ['steps 1/2/3']])('does not read "%s" as a date', (text) => {
    expect(valuesOf('date', text)).toEqual([]);
  });

  // NOW (10 March 2025) is a Monday.
  test.each([
    ['en', 'it came 3 days ago', '2025-03-07'],
    ['hi-Latn', '3 din pehle aaya tha', '2025-03-07'],
    ['hi', '३ दिन पहले शिकायत की थी', '2025-03-07'],
    ['ur', '3 دن پہلے آرڈر کیا', '2025-03-07'],
    ['ne', '५ दिन अघि अर्डर गरेको', '2025-03-05'],
  ])('reads a count of days back in a %s message: "%s"', (_lang, text, value) => {
    expect(valuesOf('date', text)).toEqual([[value, true]]);
  });

  test.each([
    ['en', 'last friday it stopped working', '2025-03-07'],
    ['en', 'delivered last monday', '2025-03-03'],
    ['hi', 'पिछले सोमवार से यही हाल है', '2025-03-03'],
    ['hi-Latn', 'pichhle shanivar ko aaya', '2025-03-08'],
    ['ur', 'گزشتہ جمعہ کو آیا', '2025-03-07'],
    ['ne', 'गएको आइतबार आयो', '2025-03-09'],
  ])('reads "last <weekday>" as the latest such day before today in a %s message: "%s"', (_lang, text, value) => {
    expect(valuesOf('date', text)).toEqual([[value, true]]);
  });

  test.each([
    ['hi-Latn', '13 tarikh ko order kiya tha', '2025-02-13'],
    ['hi', '८ तारीख को आया था', '2025-03-08'],
    ['ur', '۱۲ تاریخ کو آئے گا', '2025-03-12'],
    ['hi-Latn', '5 tarikh ko aayega', '2025-04-05'],
    ['hi-Latn', '13 tarikh wala order', '2025-03-13'],
  ])('reads a day of the month with the month left out in a %s message, by tense: "%s"', (_lang, text, value) => {
    expect(valuesOf('date', text)).toEqual([[value, true]]);
  });

  test('does not read the Urdu "last week" as last Saturday', () => {
    expect(valuesOf('date', 'پچھلے ہفتے آرڈر کیا تھا')).toEqual([]);
  });

  test('does not read Hinglish "mar gaya" or a Hindi "5 मे" (in 5) as a date', () => {
    expect(valuesOf('date', 'phone 2 mar gaya')).toEqual([]);
    expect(valuesOf('date', 'ये 5 मे आएगा क्या')).toEqual([]);
  });

  test('keeps a date that is not on the calendar as an unverified candidate, as typed', () => {
    expect(valuesOf('date', 'bought it on 31/02/2024')).toEqual([['31/02/2024', false]]);
  });

  test('keeps a bounded number of dates from a flood of them', () => {
    const facts = extractFacts(flood('kal aaj 15/03/2024 '), { now: NOW });
    expect(facts.filter((f) => f.kind === 'date').length).toBeLessThanOrEqual(8);
  });

  test('keeps a bounded number of dates from a flood of slash dates, days back and weekdays', () => {
    const facts = extractFacts(flood('12/11 3 din pehle last monday 13 tarikh '), { now: NOW });
    expect(facts.filter((f) => f.kind === 'date').length).toBeLessThanOrEqual(8);
  });
});
