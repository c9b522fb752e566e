import { expandSmsSpelling } from '../../../../src/nlu/spelling';

describe('expandSmsSpelling', () => {
  test('writes out the shorthand of a question typed on a phone', () => {
    expect(expandSmsSpelling('wen it will b delivered')).toBe('when it will be delivered');
  });

  test('writes out pronouns, requests and days', () => {
    expect(expandSmsSpelling('cn u chk ur msg 2day pls')).toBe('can you chk your message today please');
  });

  test('keeps the punctuation and spacing around the words it replaces', () => {
    expect(expandSmsSpelling('plz,  r u open?')).toBe('please,  are you open?');
  });

  test('reads shorthand in any case', () => {
    expect(expandSmsSpelling('Wen will U deliver')).toBe('when will you deliver');
  });

  test('leaves order numbers, e-mails and web addresses as they are', () => {
    const text = 'SG-220981 u.b@mail.com sargam.example/u r-2 n_1';
    expect(expandSmsSpelling(text)).toBe(text);
  });

  test('leaves counts alone: "4 days" is not "for days"', () => {
    expect(expandSmsSpelling('it took 4 days, 2 boxes')).toBe('it took 4 days, 2 boxes');
  });

  test('returns the text unchanged when it has no shorthand', () => {
    const text = 'when will my order be delivered?';
    expect(expandSmsSpelling(text)).toBe(text);
  });
});
