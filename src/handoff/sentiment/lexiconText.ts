/**
 * Text preparation for lexicon matching (sentiment, "asks for a person", survey answers).
 * - Clauses are split on punctuation of every catalog script (. , ; ! ? । ॥ ، ۔ ؟), so negation
 *   and intensifiers never reach across a comma ("not a bot, a human").
 * - Words are normalised like the classifier does it: lower case, Latin accents dropped,
 *   apostrophes dropped (don't → dont), Devanagari nukta dropped and chandrabindu → anusvara,
 *   Arabic-script letter variants unified (ي/ى/ے → ی, ك → ک, ه/ھ/ۃ → ہ, أ/إ/آ → ا), digits → ASCII.
 * - Each Latin word also gets a `key` with repeated letters squeezed (baaat → bat, bakwaas →
 *   bakwas, pleeease → please), which absorbs stretched words and Hinglish spelling variants.
 * (The character classes come from src/nlu/scriptNormalization, shared with the classifier; the
 *  matcher keeps clause boundaries, which the classifier throws away.)
 */

export interface Word {
  /** The normalised word. */
  text: string;
  /** The word used for matching: `text`, with repeated Latin letters squeezed. */
  key: string;
  /** Index of the clause the word belongs to. */
  clause: number;
}

import {
  APOSTROPHES,
  ARABIC_LETTERS,
  ARABIC_MARKS,
  DEVANAGARI_CHANDRABINDU,
  DEVANAGARI_NUKTA,
  LATIN_COMBINING_MARKS,
  NON_WORD,
  ZERO_WIDTH,
  ARABIC_LETTER_MAP,
  YEH_BARREE_HAMZA,
  YEH_BARREE_HAMZA_SPELLED,
} from '../../nlu/scriptNormalization';
/** Characters that end a clause; a run of them is one break. */
const CLAUSE_BREAKS = new Set([...'.,;:!?\n\r\u0964\u0965\u060C\u06D4\u061F\u061B()"“”'].map((ch) => ch.charCodeAt(0)));
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966];
const OTHER_DIGITS = /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F]/g;
const SQUEEZE = /([a-z])\1+/g;

/** Digits of Devanagari (०-९), Arabic-Indic (٠-٩) and Urdu (۰-۹) script → ASCII. */
export function toAsciiDigits(text: string): string {
  return text.replace(OTHER_DIGITS, (ch) => {
    const code = ch.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9) ?? 0x30;
    return String.fromCharCode(0x30 + code - zero);
  });
}

/** A character outside tab…tilde: anything not ASCII (and a few ASCII controls, which simply take the general path). */
const NON_ASCII = /[^\t-~]/;
const ASCII_APOSTROPHES = /['`]/g;
const ASCII_NON_WORD = /[^a-z0-9]+/g;

/** One piece of text normalised for matching (no clause splitting). */
export function normaliseWords(text: string): string {
  // ASCII text (most English and Hinglish messages): Unicode normalisation, accents, nukta and
  // Arabic letters change nothing, and after lower-casing the only letters and digits are a–z, 0–9.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(ASCII_APOSTROPHES, '').replace(ASCII_NON_WORD, ' ').trim();
  return toAsciiDigits(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(YEH_BARREE_HAMZA, YEH_BARREE_HAMZA_SPELLED)
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
  let repeats = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const letter = c >= 0x61 && c <= 0x7a;
    if (!letter && !(c >= 0x30 && c <= 0x39)) return word; // not a Latin word
    if (letter && c === word.charCodeAt(i - 1)) repeats = true;
  }
  return repeats && word.length > 0 ? word.replace(SQUEEZE, '$1') : word;
}

/** The text between clause breaks, empty ones included (like splitting on a run of breaks). */
export function clausesOf(text: string): string[] {
  const clauses: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (!CLAUSE_BREAKS.has(text.charCodeAt(i))) {
      i++;
      continue;
    }
    clauses.push(text.slice(start, i));
    while (i < text.length && CLAUSE_BREAKS.has(text.charCodeAt(i))) i++;
    start = i;
  }
  clauses.push(text.slice(start));
  return clauses;
}

/** The words of a message, each tagged with its clause. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  const clauses = clausesOf(text);
  for (let clause = 0; clause < clauses.length; clause++) {
    const normalised = normaliseWords(clauses[clause]!);
    if (!normalised) continue;
    for (const w of normalised.split(' ')) words.push({ text: w, key: matchKey(w), clause });
  }
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

/**
 * A message prepared once for every lexicon matcher (scoreSentiment, asksForPerson): the raw text
 * and its words. Preparing is most of the cost of a short message, so callers that run several
 * matchers on one message pass the prepared text to each.
 */
export interface PreparedText {
  readonly text: string;
  readonly words: readonly Word[];
}

export function prepareText(text: string): PreparedText {
  return { text, words: wordsOf(text) };
}

/** The prepared text, preparing a raw string. */
export function preparedOf(text: string | PreparedText): PreparedText {
  return typeof text === 'string' ? prepareText(text) : text;
}
