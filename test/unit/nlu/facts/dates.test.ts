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

  test('keeps a date that is not on the calendar as an unverified candidate, as typed', () => {
    expect(valuesOf('date', 'bought it on 31/02/2024')).toEqual([['31/02/2024', false]]);
  });

  test('keeps a bounded number of dates from a flood of them', () => {
    const facts = extractFacts(flood('kal aaj 15/03/2024 '), { now: NOW });
    expect(facts.filter((f) => f.kind === 'date').length).toBeLessThanOrEqual(8);
  });
});
