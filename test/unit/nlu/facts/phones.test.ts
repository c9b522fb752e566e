import { extractFacts, isPhoneRegion, phoneRegionOfAddress } from '../../../../src/nlu/facts';
import { flood, valuesOf } from './helpers';

describe('phone numbers', () => {
  test.each([
    ['en', 'call me on 98765 43210 after 5'],
    ['hi', 'मेरा नंबर ९८७६५ ४३२१० है'],
    ['hi-Latn', 'mujhe +91-98765-43210 pe call karo'],
    ['ur', 'مجھے 09876543210 پر کال کریں'],
    ['ne', 'मलाई ९८७६५४३२१० मा फोन गर्नुहोस्'],
  ])('finds an Indian mobile in a %s message, as E.164', (_lang, text) => {
    expect(valuesOf('phone', text)).toEqual([['+919876543210', true]]);
  });

  test.each([
    ['Nepal', 'mero number +977 9841234567 ho', '+9779841234567'],
    ['Pakistan', 'میرا نمبر +92 300 1234567 ہے', '+923001234567'],
    ['the United States', 'call +1 (415) 555-2671', '+14155552671'],
    ['the United Kingdom, written with 00', 'ring 0044 20 7946 0958', '+442079460958'],
  ])('reads a number from %s by its country code', (_country, text, value) => {
    expect(valuesOf('phone', text)).toEqual([[value, true]]);
  });

  test('reads a number without a country code in the configured region', () => {
    expect(valuesOf('phone', 'mera number 0300 1234567 hai', { phoneRegion: 'PK' })).toEqual([['+923001234567', true]]);
  });

  test.each([
    ['mera number 92 300 1234567 hai', '+923001234567'],
    ['मेरो नम्बर 977-9841234567 हो', '+9779841234567'],
  ])('reads a number whose country code is typed without + or 00, when it is not valid at home: "%s"', (text, value) => {
    expect(valuesOf('phone', text)).toEqual([[value, true]]);
  });

  test('keeps a plausible but invalid number as an unverified candidate', () => {
    expect(valuesOf('phone', 'call me on 98765 4321')).toEqual([['987654321', false]]);
  });

  test('finds two numbers written one after the other', () => {
    expect(valuesOf('phone', '98765 43210 91234 56789').map(([v]) => v)).toEqual(['+919876543210', '+919123456789']);
  });

  test('finds no phone in a long run of digits', () => {
    expect(valuesOf('phone', flood('9876543210'))).toEqual([]);
  });

  test('stays bounded on thousands of digit groups', () => {
    const facts = extractFacts(flood('9 '));
    expect(facts.length).toBeLessThanOrEqual(20);
  });

  test('knows which regions it can read numbers for', () => {
    expect(isPhoneRegion('IN')).toBe(true);
    expect(isPhoneRegion('NP')).toBe(true);
    expect(isPhoneRegion('XX')).toBe(false);
    expect(isPhoneRegion('india')).toBe(false);
  });

  test.each([
    ['whatsapp:+923001234567', 'PK'],
    ['+9779841234567', 'NP'],
    ['+919876543210', 'IN'],
    ['1234567890123456', undefined],
    ['customer@example.com', undefined],
  ])('tells the country of the customer address %s (%s)', (address, region) => {
    expect(phoneRegionOfAddress(address)).toBe(region);
  });
});
