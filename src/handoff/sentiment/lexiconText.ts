/**
 * Text preparation for lexicon matching (sentiment, "asks for a person", survey answers).
 * - Clauses are split on punctuation of every catalog script (. , ; ! ? । ॥ ، ۔ ؟), so negation
 *   and intensifiers never reach across a comma ("not a bot, a human").
 * - Words are normalised like the classifier does it: lower case, Latin accents dropped,
 *   apostrophes dropped (don't → dont), Devanagari nukta dropped and chandrabindu → anusvara,
 *   Arabic-script letter variants unified (ي/ى/ے → ی, ك → ک, ه/ھ/ۃ → ہ, أ/إ/آ → ا), digits → ASCII.
 * - Each Latin word also gets a `key` with repeated letters squeezed (baaat → bat, bakwaas →
 *   bakwas, pleeease → please), which absorbs stretched words and Hinglish spelling variants.
 * (The classifier has its own normaliser in src/nlu/classifier; this one is kept separate on
 *  purpose: it must keep clause boundaries, which the classifier's throws away.)
 */

export interface Word {
  /** The normalised word. */
  text: string;
  /** The word used for matching: `text`, with repeated Latin letters squeezed. */
  key: string;
  /** Index of the clause the word belongs to. */
  clause: number;
}

const ARABIC_LETTER_MAP: Record<string, string> = {
  '\u064A': '\u06CC',
  '\u0649': '\u06CC',
  '\u06D2': '\u06CC',
  '\u06D3': '\u06CC',
  '\u0626': '\u06CC',
  '\u0643': '\u06A9',
  '\u0647': '\u06C1',
  '\u06BE': '\u06C1',
  '\u06D5': '\u06C1',
  '\u0629': '\u06C1',
  '\u06C3': '\u06C1',
  '\u06C2': '\u06C1',
  '\u0623': '\u0627',
  '\u0625': '\u0627',
  '\u0622': '\u0627',
  '\u0671': '\u0627',
  '\u0624': '\u0648',
};
const ARABIC_LETTERS = new RegExp(`[${Object.keys(ARABIC_LETTER_MAP).join('')}]`, 'g');
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const LATIN_COMBINING_MARKS = /[\u0300-\u036F]/g;
const DEVANAGARI_NUKTA = /\u093C/g;
const DEVANAGARI_CHANDRABINDU = /\u0901/g;
const ZERO_WIDTH = /[\u200B-\u200F\u2060\uFEFF]/g;
const APOSTROPHES = /['\u2019\u2018\u02BC`´]/g;
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/gu;
const CLAUSE_BREAK = /[.,;:!?\n\r\u0964\u0965\u060C\u06D4\u061F\u061B()"“”]+/u;
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966];
const OTHER_DIGITS = /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F]/g;
const LATIN_WORD = /^[a-z0-9]+$/;

/** Digits of Devanagari (०-९), Arabic-Indic (٠-٩) and Urdu (۰-۹) script → ASCII. */
export function toAsciiDigits(text: string): string {
  return text.replace(OTHER_DIGITS, (ch) => {
    const code = ch.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9) ?? 0x30;
    return String.fromCharCode(0x30 + code - zero);
  });
}

/** One piece of text normalised for matching (no clause splitting). */
export function normaliseWords(text: string): string {
  return toAsciiDigits(
    text
      .normalize('NFKC')
      .toLowerCase()
      .normalize('NFD')
      .replace(LATIN_COMBINING_MARKS, '')
      .replace(DEVANAGARI_NUKTA, '')
      .replace(DEVANAGARI_CHANDRABINDU, '\u0902')
      .replace(ARABIC_MARKS, '')
      .replace(ARABIC_LETTERS, (ch) => ARABIC_LETTER_MAP[ch] ?? ch)
      .replace(ZERO_WIDTH, '')
      .replace(APOSTROPHES, '')
      .normalize('NFC'),
  )
    .replace(NON_WORD, ' ')
    .trim();
}

/** A Latin word with every run of the same letter squeezed to one (bakwaas → bakwas); other scripts unchanged. */
export function matchKey(word: string): string {
  return LATIN_WORD.test(word) ? word.replace(/([a-z])\1+/g, '$1') : word;
}

/** The words of a message, each tagged with its clause. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  text.split(CLAUSE_BREAK).forEach((clauseText, clause) => {
    const normalised = normaliseWords(clauseText);
    if (!normalised) return;
    for (const w of normalised.split(' ')) words.push({ text: w, key: matchKey(w), clause });
  });
  return words;
}

/**
 * A lexicon entry prepared for matching: its words as keys; a trailing `*` on the entry makes its
 * last word a prefix ("frustrat*" matches frustrated, frustrating; "मानिस*" matches मानिससँग).
 */
export interface Pattern {
  entry: string;
  keys: string[];
  prefixLast: boolean;
}

export function compilePattern(entry: string): Pattern {
  const prefixLast = entry.endsWith('*');
  const keys = normaliseWords(prefixLast ? entry.slice(0, -1) : entry)
    .split(' ')
    .filter(Boolean)
    .map(matchKey);
  return { entry, keys, prefixLast };
}

/** Does the pattern match the words starting at `start`, all in one clause? */
export function matchesAt(pattern: Pattern, words: readonly Word[], start: number): boolean {
  const first = words[start];
  if (!first || pattern.keys.length === 0) return false;
  for (let i = 0; i < pattern.keys.length; i++) {
    const word = words[start + i];
    const key = pattern.keys[i] as string;
    if (!word || word.clause !== first.clause) return false;
    const last = i === pattern.keys.length - 1;
    if (last && pattern.prefixLast ? !word.key.startsWith(key) : word.key !== key) return false;
  }
  return true;
}
