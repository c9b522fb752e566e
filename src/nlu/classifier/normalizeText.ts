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

export function normalizeText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) {
    // Fast path for plain ASCII (most English and Hinglish messages): same result, fewer passes.
    return text.toLowerCase().replace(APOSTROPHES, '').replace(ASCII_NON_WORD, ' ').trim();
  }
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
