import { extractFacts, MAX_FACTS_PER_KIND } from '../../../../src/nlu/facts';
import { flood, valuesOf } from './helpers';

describe('order numbers', () => {
  test.each([
    ['en', 'where is my order SG-482913?'],
    ['hi', 'मेरा ऑर्डर SG-482913 कहाँ है?'],
    ['hi-Latn', 'mera order sg482913 kab aayega'],
    ['ur', 'میرا آرڈر SG 482913 کہاں ہے؟'],
    ['ne', 'मेरो अर्डर #482913 कहिले आउँछ?'],
  ])('finds the order number in a %s message, however it is typed', (_lang, text) => {
    expect(valuesOf('order_number', text)).toEqual([['SG-482913', true]]);
  });

  test.each([
    ['Devanagari digits', 'ऑर्डर नंबर ४८२९१३ है'],
    ['Urdu digits', 'آرڈر نمبر ۴۸۲۹۱۳ ہے'],
    ['groups of three', 'order SG 482 913 please'],
    ['a colon and a hash', 'Order#: sg-#482913'],
  ])('reads an order number written with %s', (_what, text) => {
    expect(valuesOf('order_number', text)).toEqual([['SG-482913', true]]);
  });

  test.each([
    ['too few digits after the prefix', 'order SG-4829 has not come', 'SG-4829'],
    ['too many digits after the prefix', 'my order is SG48291300', 'SG-48291300'],
    ['too few digits after "order"', 'mera order 48291 kahan hai', 'SG-48291'],
    ['too few digits after "آرڈر نمبر"', 'میرا آرڈر نمبر ۴۸۲۹۱ ہے', 'SG-48291'],
    ['too many digits after a hash', 'order #4829134 please', 'SG-4829134'],
  ])('keeps an order number with %s as an unverified candidate', (_what, text, value) => {
    expect(valuesOf('order_number', text)).toEqual([[value, false]]);
  });

  test('does not read a PIN code, an OTP or an amount as an order number', () => {
    expect(valuesOf('order_number', 'pin code 110001, OTP 482913, paid Rs 482913')).toEqual([]);
  });

  test('uses the catalog prefix it is given', () => {
    expect(valuesOf('order_number', 'order ab-123456', { orderPrefix: 'AB' })).toEqual([['AB-123456', true]]);
  });

  test('finds no order number in a long run of digits', () => {
    expect(valuesOf('order_number', flood('1234567890'))).toEqual([]);
  });

  test(`keeps at most ${MAX_FACTS_PER_KIND} order numbers from a flood of them`, () => {
    const facts = extractFacts(flood('#482913 SG-111111 '));
    expect(facts.filter((f) => f.kind === 'order_number')).toHaveLength(MAX_FACTS_PER_KIND);
  });
});
