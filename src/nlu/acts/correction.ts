import { actToken, tokenize } from './actToken';
import type { ActReading } from './types';

/**
 * Words that, in the acts opening a message, say the customer is putting right something they
 * wrote: "sorry", "oops", "typo", "my bad", "wrong number", "I meant", "galat likha", "galti ho
 * gayi", "गलत नंबर", "माफ़ कीजिए", "غلط نمبر", "معذرت", "सरी", "galti bhayo". Beside a value
 * ("sorry typo, it's SG-551903") they mean the value replaces the one given before. Compared as
 * act tokens (lowercased, nukta dropped, repeated letters collapsed).
 */
const CORRECTING_WORDS = new Set(
  [
    'sorry', 'sry', 'soory', 'oops', 'typo', 'bad', 'mistake', 'meant', 'wrong', 'apologies', 'galat', 'galti', 'ghalat', 'ghalti', 'maaf', 'maf',
    'सॉरी', 'सोरी', 'गलत', 'गलती', 'माफ़', 'माफ', 'क्षमा', 'سوری', 'غلط', 'غلطی', 'معاف', 'معذرت', 'सरी', 'गल्ती',
  ].map(actToken),
);

/**
 * True when the acts opening the message (before `acts.rest`; the whole message when it is only
 * acts) hold a word that puts right something written before ("sorry, wrong number, …").
 */
export function opensWithCorrection(text: string, acts: ActReading): boolean {
  if (acts.acts.length === 0) return false;
  const opening = acts.rest === '' ? text : text.slice(0, acts.restStart);
  return tokenize(opening).some((t) => CORRECTING_WORDS.has(t.norm));
}
