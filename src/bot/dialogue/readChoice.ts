import { toAsciiDigits } from '../../nlu/slots';
import type { QuickReply } from '../../nlu/types';

const INTENT_PAYLOAD = /^intent:([a-z][a-z0-9_]*)$/;

/** The intent id of an `intent:<id>` payload, or null. */
export function intentOfPayload(payload: string | undefined): string | null {
  if (payload === undefined) return null;
  return INTENT_PAYLOAD.exec(payload.trim())?.[1] ?? null;
}

/**
 * Words that point at an option without naming it: "the payment one", "पेमेंट वाला", "order wala",
 * "واپسی والا", "फिर्ता गर्ने बारे", "the one about returns".
 */
const POINTING_WORDS = new Set([
  'the', 'one', 'about', 'that', 'option', 'please', 'pls',
  'wala', 'wali', 'wale', 'vala', 'vali', 'ka', 'ki', 'ke', 'bare', 'baare', 'mein', 'me',
  'वाला', 'वाली', 'वाले', 'का', 'की', 'के', 'बारे', 'में',
  'والا', 'والی', 'والے', 'کا', 'کی', 'کے', 'بارے', 'میں',
  'बारेमा', 'को', 'ko', 'barema',
]);

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const wordsOf = (text: string): string[] => text.normalize('NFC').toLocaleLowerCase().replace(/\u093C/g, '').match(WORD) ?? [];

/** "returns" names "Return policy": the same word, or one the other starts (at least four letters). */
const sameWord = (said: string, title: string): boolean =>
  said === title || (Math.min(said.length, title.length) >= 4 && (said.startsWith(title) || title.startsWith(said)));

/** Most words a pick by words may have besides the pointing ones: longer messages say something of their own. */
const MAX_PICK_WORDS = 3;

/**
 * The one offered option whose title holds every word the message says besides pointing words
 * ("पेमेंट वाला" → "पेमेंट के तरीके", "the one about returns" → "Return policy"), or null when no
 * option or several do.
 */
function pickByWords(text: string, offered: readonly QuickReply[]): QuickReply | null {
  const said = wordsOf(text).filter((w) => !POINTING_WORDS.has(w));
  if (said.length === 0 || said.length > MAX_PICK_WORDS) return null;
  const matching = offered.filter((q) => {
    const title = wordsOf(q.title);
    return said.every((w) => title.some((t) => sameWord(w, t)));
  });
  return matching.length === 1 ? (matching[0] as QuickReply) : null;
}

/**
 * The offered quick reply the customer picked by typing its number ("2", "2.", "२", "۲") — WhatsApp
 * shows options as a numbered list — or its title (case-insensitive), or words of only one title
 * (pickByWords). Null when the message is none of these.
 */
export function pickOffered(text: string, offered: readonly QuickReply[] | undefined): QuickReply | null {
  if (!offered || offered.length === 0) return null;
  const trimmed = toAsciiDigits(text).trim();
  const number = /^(\d{1,2})\s*[.)]?$/.exec(trimmed);
  if (number) return offered[Number(number[1]) - 1] ?? null;
  const lower = trimmed.toLocaleLowerCase();
  return offered.find((q) => q.title.trim().toLocaleLowerCase() === lower) ?? pickByWords(trimmed, offered);
}
