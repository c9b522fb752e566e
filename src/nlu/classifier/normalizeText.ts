/**
 * Text normalisation shared by training and classification, so that spelling variants of the
 * same message produce the same features. Handles the scripts the catalog uses:
 * - Latin: lower-case, accents stripped (é → e), apostrophes dropped (don't → dont).
 * - Devanagari (hi, ne): nukta dropped (क़ → क), chandrabindu → anusvara, danda treated as punctuation.
 * - Arabic script (ur): Arabic and Persian/Urdu letter forms unified (ي/ى/ے → ی, ك → ک,
 *   ه/ة/ۃ/ھ → ہ, أ/إ/آ/ٱ → ا, ؤ → و, ئ → ی), diacritics (harakat) and tatweel stripped.
 * - Digits of every supported script → ASCII.
 * Punctuation, symbols and emoji become spaces; runs of whitespace collapse to one space.
 */

const DIGIT_ZEROS = [
  0x0660, // Arabic-Indic
  0x06f0, // Extended Arabic-Indic (Urdu, Persian)
  0x0966, // Devanagari
  0x09e6, // Bengali
  0x0a66, // Gurmukhi
  0x0ae6, // Gujarati
  0xff10, // Fullwidth (normally handled by NFKC already)
];

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
} from '../scriptNormalization';
const OTHER_DIGITS = /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u09E6-\u09EF\u0A66-\u0A6F\u0AE6-\u0AEF\uFF10-\uFF19]/g;

function toAsciiDigit(ch: string): string {
  const code = ch.charCodeAt(0);
  for (const zero of DIGIT_ZEROS) {
    if (code >= zero && code <= zero + 9) return String.fromCharCode(0x30 + code - zero);
  }
  return ch;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_NON_WORD = /[^a-z0-9]+/g;

const DEVANAGARI_DIGITS = /[\u0966-\u096F]/g;

/**
 * Printable ASCII and the Devanagari that Unicode normalisation leaves as it is: no nukta or letter
 * with a nukta (क़, ऩ…), no Vedic accents (which canonical ordering may move). Romanised Nepali read
 * in Devanagari (src/nlu/transliteration) is such text, and most Hindi and Nepali messages are.
 */
function isAsciiAndPlainDevanagari(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) continue;
    if (!isPlainDevanagari(code)) return false;
  }
  return true;
}

/** A Devanagari code point Unicode normalisation leaves as it is: not ऩ ऱ ऴ, the nukta, the Vedic accents, क़ … य़. */
function isPlainDevanagari(code: number): boolean {
  if (code < 0x0900 || code > 0x097f) return false;
  return !(code === 0x0929 || code === 0x0931 || code === 0x0934 || code === 0x093c || (code >= 0x0951 && code <= 0x0954) || (code >= 0x0958 && code <= 0x095f));
}

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/** Plain Devanagari (by code point − 0x0900) that normalizeText keeps as it is: letters and marks but the chandrabindu, no digits. */
const KEPT_DEVANAGARI = Uint8Array.from({ length: 0x80 }, (_, i) => {
  const code = 0x0900 + i;
  const kept = isPlainDevanagari(code) && WORD_CHARACTER.test(String.fromCharCode(code)) && code !== 0x0901 && !(code >= 0x0966 && code <= 0x096f);
  return kept ? 1 : 0;
});

/**
 * Whether normalizeText leaves `text` as it is: words of a–z, 0–9 and plain Devanagari letters and
 * marks, separated by single spaces. A clause cut from a normalised message and the Devanagari
 * reading of romanised Nepali are such text: one pass over it, and no regular expression, tells.
 */
export function isNormalized(text: string): boolean {
  let afterSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) continue;
    if (code >= 0x0900 && code <= 0x097f && KEPT_DEVANAGARI[code - 0x0900] === 1) continue;
    return false;
  }
  return text.length === 0 || !afterSpace;
}

function devanagariDigitToAscii(ch: string): string {
  return String.fromCharCode(0x30 + ch.charCodeAt(0) - 0x0966);
}

export function normalizeText(text: string): string {
  if (isNormalized(text)) return text;
  if (PRINTABLE_ASCII.test(text)) {
    // Fast path for plain ASCII (most English and Hinglish messages): same result, fewer passes.
    return text.toLowerCase().replace(APOSTROPHES, '').replace(ASCII_NON_WORD, ' ').trim();
  }
  if (isAsciiAndPlainDevanagari(text)) {
    // Unicode normalisation leaves such text as it is, and of the steps below only these change it.
    return text
      .toLowerCase()
      .replace(DEVANAGARI_CHANDRABINDU, '\u0902')
      .replace(DEVANAGARI_DIGITS, devanagariDigitToAscii)
      .replace(APOSTROPHES, '')
      .replace(NON_WORD, ' ')
      .trim();
  }
  return normalizeFully(text);
}

/** normalizeText without its fast paths (exported for the test that they agree). */
export function normalizeFully(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(YEH_BARREE_HAMZA, YEH_BARREE_HAMZA_SPELLED)
    .normalize('NFD')
    .replace(LATIN_COMBINING_MARKS, '')
    .replace(DEVANAGARI_NUKTA, '')
    .replace(DEVANAGARI_CHANDRABINDU, '\u0902')
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_LETTERS, (ch) => ARABIC_LETTER_MAP[ch] ?? ch)
    .replace(OTHER_DIGITS, toAsciiDigit)
    .replace(ZERO_WIDTH, '')
    .replace(APOSTROPHES, '')
    .normalize('NFC')
    .replace(NON_WORD, ' ')
    .trim();
}

export function tokenize(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(' ');
}
