import { FOLLOW_UP_WORDS, openerAt, WORD } from './productFollowUp';

/** Most words the name in a follow-up may take ("navi mumbai", "डेरा गाजी खान" is three). */
export const MAX_NAME_WORDS = 3;

/**
 * A word at most this many catalog examples use is a name there (a town mentioned in passing:
 * "any shop in pokhara?"), not a word of a topic ("cod" is in 10, "store" in over 100).
 */
export const MAX_NAME_EXAMPLES = 3;

/**
 * Words that pick out another thing of the kind just talked about ("and the other one?", "aur dusra
 * wala?", "اور دوسرا؟", "अनि अर्को?"): not a name, however few examples use them. Which thing is
 * meant is for the value the message gives, or for a question back.
 */
const OTHER_THING_WORDS: ReadonlySet<string> = new Set([
  'other', 'another', 'second', 'next', 'previous', 'last', 'first', 'old', 'older', 'new', 'newer',
  'dusra', 'dusre', 'dusri', 'doosra', 'doosre', 'doosri', 'pehla', 'pehle', 'pichla', 'pichle', 'purana', 'purane', 'naya', 'naye',
  'दूसरा', 'दूसरे', 'दूसरी', 'पहला', 'पहले', 'पिछला', 'पिछले', 'पुराना', 'पुराने', 'नया', 'नए',
  'دوسرا', 'دوسرے', 'دوسری', 'پہلا', 'پہلے', 'پچھلا', 'پچھلے', 'پرانا', 'پرانے', 'نیا', 'نئے',
  'अर्को', 'अर्कोको', 'पहिलो', 'पुरानो', 'नयाँ', 'arko', 'pahilo', 'purano', 'naya',
]);

/**
 * "and for Pune?", "what about chennai", "और जयपुर के लिए?", "اور لکھنؤ میں؟", "ani pokhara ko lagi?":
 * a message that opens like a follow-up ("and", "what about", "aur", "और", "اور", "अनि", "ani") and,
 * besides the follow-up words ("for", "के लिए", "میں", "ko lagi"), only names a place or thing the
 * catalog's examples hardly mention (`examplesUsing` a word at most MAX_NAME_EXAMPLES). Right after
 * an answer it asks the same question about that place or thing; the classifier cannot read it, since
 * every word it has is a particle or one it has barely seen.
 */
export function opensFollowUpAboutName(text: string, examplesUsing: (word: string) => number): boolean {
  const words = text.normalize('NFC').toLowerCase().match(WORD) ?? [];
  const opener = openerAt(words);
  if (opener === 0) return false;
  const names = words.slice(opener).filter((w) => !FOLLOW_UP_WORDS.has(w));
  const isName = (w: string) => !/\p{N}/u.test(w) && !OTHER_THING_WORDS.has(w) && examplesUsing(w) <= MAX_NAME_EXAMPLES;
  return names.length > 0 && names.length <= MAX_NAME_WORDS && names.every(isName);
}

