import { extractFacts, MAX_FACTS_PER_MESSAGE } from '../../../../src/nlu/facts';
import { flood, valuesOf } from './helpers';

describe('e-mail addresses', () => {
  test.each([
    ['en', 'please write to Asha.K@Example.COM thanks'],
    ['hi', 'मेरा ईमेल Asha.K@example.com है'],
    ['hi-Latn', 'mera mail Asha.K@example.com pe bhejo'],
    ['ur', 'میری ای میل Asha.K@example.com ہے'],
    ['ne', 'मेरो इमेल Asha.K@example.com हो'],
  ])('finds the address in a %s message, its domain lower-cased', (_lang, text) => {
    expect(valuesOf('email', text)).toEqual([['Asha.K@example.com', true]]);
  });

  test.each([
    ['a domain without a dot', 'mail me at asha@gmail please', 'asha@gmail'],
    ['a comma for the dot', 'मेरा ईमेल asha@gmail,com है', 'asha@gmail,com'],
  ])('keeps an address with %s as an unverified candidate', (_what, text, value) => {
    expect(valuesOf('email', text)).toEqual([[value, false]]);
  });

  test.each([
    ['Email-ravi.k@gmail.com thanks', 'ravi.k@gmail.com'],
    ['mailid-priya_k@outlook.com,', 'priya_k@outlook.com'],
    ['e-mail-x9@yahoo.in', 'x9@yahoo.in'],
  ])('does not take a label glued on with a dash for part of the address: "%s"', (text, value) => {
    expect(valuesOf('email', text)).toEqual([[value, true]]);
  });

  test.each([
    ['mail me: ravi.k @gmail.com thanks', 'ravi.k@gmail.com'],
    ['ravi@ yahoo.co.in', 'ravi@yahoo.co.in'],
    ['मेरा ईमेल anita.r @ Gmail.com है', 'anita.r@gmail.com'],
  ])('reads an address with a space typed beside the @: "%s"', (text, value) => {
    expect(valuesOf('email', text)).toEqual([[value, true]]);
  });

  test('does not read "meet @ 5pm" as an address', () => {
    expect(valuesOf('email', 'meet @ 5pm')).toEqual([]);
  });

  test('does not take the digits of an address for a phone or an order number', () => {
    const facts = extractFacts('write to ravi9876543210@example.in or sg482913@example.in');
    expect(facts.map((f) => f.kind)).toEqual(['email', 'email']);
  });

  test('keeps a bounded number of facts from thousands of addresses', () => {
    const facts = extractFacts(flood('a1@b.co x9@y.org '));
    expect(facts.length).toBeLessThanOrEqual(MAX_FACTS_PER_MESSAGE);
    expect(facts.every((f) => f.kind === 'email' && f.verified)).toBe(true);
  });

  test('finds nothing in a long word of e-mail characters with no @', () => {
    expect(extractFacts(flood('a.b-c_d+'))).toEqual([]);
  });
});
