import { callerLanguage, goodbyeTwiml, offerTwiml, VOICE_TEXTS } from '../../../../../src/channels/twilio/voice';
import { parseConfig } from '../../../../../src/config';

const languages = ['en', 'hi', 'hi-Latn', 'ur', 'ne'];

describe("the caller's language", () => {
  test("the known conversation's language comes first", () => {
    expect(callerLanguage({ known: 'hi-Latn', phone: '+447700900123', defaultLanguage: 'en', languages })).toBe('hi-Latn');
  });

  test.each([
    ['+919812345678', 'hi'],
    ['+923001234567', 'ur'],
    ['+9779841234567', 'ne'],
    ['+14155550123', 'en'],
  ])('else the calling code: %s → %s', (phone, lang) => {
    expect(callerLanguage({ phone, defaultLanguage: 'en', languages })).toBe(lang);
  });

  test('a language the catalog does not speak falls back to the default', () => {
    expect(callerLanguage({ known: 'fr', phone: '+923001234567', defaultLanguage: 'en', languages: ['en', 'hi'] })).toBe('en');
  });
});

describe('the TwiML', () => {
  test('the offer is one Gather of one digit posting to the action, then a goodbye and a hang-up', () => {
    const xml = offerTwiml('ur', 'https://desk.example.com/webhooks/twilio/voice/gather?lang=ur&x=1');
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        '<Gather numDigits="1" timeout="6" action="https://desk.example.com/webhooks/twilio/voice/gather?lang=ur&amp;x=1" method="POST">' +
        `<Say language="ur-IN">${VOICE_TEXTS.ur!.offer}</Say></Gather>` +
        `<Say language="ur-IN">${VOICE_TEXTS.ur!.notChosen}</Say><Hangup/></Response>`,
    );
  });

  test('every language has every line, and the goodbye ends with a hang-up', () => {
    for (const lang of languages) {
      for (const outcome of ['whatsapp', 'sms', 'failed', 'not_chosen'] as const) {
        expect(goodbyeTwiml(lang, outcome)).toMatch(/<Say language="[a-z]{2}-[A-Z]{2}">[^<]{10,}<\/Say><Hangup\/><\/Response>$/);
      }
    }
  });

  test("text is XML-escaped (an apostrophe in English doesn't break the document)", () => {
    expect(goodbyeTwiml('en', 'sms')).toContain('can&apos;t receive WhatsApp');
  });
});

describe('VOICE_DEFLECTION_TEMPLATE', () => {
  const base = { WHATSAPP_TEMPLATES: JSON.stringify({ call_followup: { contentSid: `HX${'a'.repeat(32)}` } }) };

  test('resolves the template name to its ContentSid', () => {
    expect(parseConfig({ ...base, VOICE_DEFLECTION_TEMPLATE: 'call_followup' }).voiceDeflection).toEqual({ templateName: 'call_followup', contentSid: `HX${'a'.repeat(32)}` });
    expect(parseConfig(base).voiceDeflection).toBeNull();
  });

  test('a name missing from WHATSAPP_TEMPLATES stops the start with a message naming both', () => {
    expect(() => parseConfig({ ...base, VOICE_DEFLECTION_TEMPLATE: 'call_back' })).toThrow(/VOICE_DEFLECTION_TEMPLATE.*WHATSAPP_TEMPLATES/);
  });
});
