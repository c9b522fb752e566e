import { voiceTextsFor } from './voiceTexts';

/** Escapes text for an XML element or a double-quoted attribute. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const say = (text: string, language: string) => `<Say language="${xmlEscape(language)}">${xmlEscape(text)}</Say>`;

/**
 * The offer: "press 1 to continue on WhatsApp", asked once in a `<Gather numDigits="1">` whose
 * action is `actionUrl`; a caller who presses nothing hears the polite goodbye and is hung up on.
 */
export function offerTwiml(lang: string, actionUrl: string): string {
  const t = voiceTextsFor(lang);
  return (
    `${HEAD}<Response>` +
    `<Gather numDigits="1" timeout="6" action="${xmlEscape(actionUrl)}" method="POST">${say(t.offer, t.sayLanguage)}</Gather>` +
    `${say(t.notChosen, t.sayLanguage)}<Hangup/></Response>`
  );
}

export type DeflectionOutcome = 'whatsapp' | 'sms' | 'failed' | 'not_chosen';

/** What the caller hears after choosing, then the hang-up. */
export function goodbyeTwiml(lang: string, outcome: DeflectionOutcome): string {
  const t = voiceTextsFor(lang);
  const text = { whatsapp: t.sentWhatsApp, sms: t.sentSms, failed: t.failed, not_chosen: t.notChosen }[outcome];
  return `${HEAD}<Response>${say(text, t.sayLanguage)}<Hangup/></Response>`;
}
