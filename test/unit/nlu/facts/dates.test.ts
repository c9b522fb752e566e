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
});
