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

  test('writes out Hinglish shorthand in a Hinglish message', () => {
    expect(expandSmsSpelling('mera ordr kb tk aayega', 'hi-Latn')).toBe('mera order kab tak aayega');
  });

  test('reads "h", "krna" and "pta ni" as Hindi words in Hinglish', () => {
    expect(expandSmsSpelling('cancel krna h plz, pta ni kya hua', 'hi-Latn')).toBe('cancel karna hai please, pata nahi kya hua');
  });

  test('leaves English shorthand that means something else in Hinglish alone ("n", "b", "u")', () => {
    const text = 'ye b le lo n u bhi';
    expect(expandSmsSpelling(text, 'hi-Latn')).toBe(text);
  });

  test('leaves Hinglish shorthand alone in English ("kb" is not "kab" there)', () => {
    expect(expandSmsSpelling('a 512 kb file', 'en')).toBe('a 512 kb file');
  });

  test('changes nothing in a language with no shorthand list', () => {
    const text = 'mero order kb tk aaucha';
    expect(expandSmsSpelling(text, 'ne')).toBe(text);
  });
});
