import { LINK_MESSAGE_LANGUAGES, linkMessageLanguage, linkedText, lockedText, verificationCodeText, wrongCodeText } from '../../../src/identity/messages';

describe('link messages', () => {
  it('has every message in en, hi, hi-Latn, ur and ne', () => {
    expect(LINK_MESSAGE_LANGUAGES.sort()).toEqual(['en', 'hi', 'hi-Latn', 'ne', 'ur']);
    for (const lang of LINK_MESSAGE_LANGUAGES) {
      expect(verificationCodeText(lang, '048213', 10)).toContain('048213');
      expect(verificationCodeText(lang, '048213', 10)).toContain('10');
      expect(wrongCodeText(lang, 3)).toContain('3');
      expect(linkedText(lang).length).toBeGreaterThan(10);
      expect(lockedText(lang).length).toBeGreaterThan(10);
    }
  });

  it('writes Hindi in Devanagari, Hinglish in Latin letters and Urdu in Arabic script', () => {
    expect(linkedText('hi')).toMatch(/[\u0900-\u097F]/);
    expect(linkedText('hi-Latn')).toMatch(/^[\x20-\x7E]+$/);
    expect(linkedText('ur')).toMatch(/[\u0600-\u06FF]/);
    expect(linkedText('ne')).toMatch(/[\u0900-\u097F]/);
  });

  it('falls back to the base language, then to English', () => {
    expect(linkMessageLanguage('hi-IN')).toBe('hi');
    expect(linkMessageLanguage('hi-Latn-IN')).toBe('hi-Latn');
    expect(linkMessageLanguage('ta')).toBe('en');
    expect(linkMessageLanguage(undefined)).toBe('en');
  });

  it('says "1 try left" in the singular', () => {
    expect(wrongCodeText('en', 1)).toBe('That code is not right. 1 try left.');
  });
});
