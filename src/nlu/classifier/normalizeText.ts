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

const ARABIC_LETTER_MAP: Record<string, string> = {
  '\u064A': '\u06CC', // Arabic yeh → Farsi yeh
  '\u0649': '\u06CC', // alef maksura → Farsi yeh
  '\u06D2': '\u06CC', // yeh barree → Farsi yeh
  '\u06D3': '\u06CC', // yeh barree with hamza
  '\u0626': '\u06CC', // yeh with hamza
  '\u0643': '\u06A9', // Arabic kaf → keheh
  '\u0647': '\u06C1', // Arabic heh → heh goal
  '\u06BE': '\u06C1', // heh doachashmee → heh goal
  '\u06D5': '\u06C1', // ae
  '\u0629': '\u06C1', // teh marbuta
  '\u06C3': '\u06C1', // teh marbuta goal
  '\u06C2': '\u06C1', // heh goal with hamza
  '\u0623': '\u0627', // alef with hamza above
  '\u0625': '\u0627', // alef with hamza below
  '\u0622': '\u0627', // alef with madda
  '\u0671': '\u0627', // alef wasla
  '\u0624': '\u0648', // waw with hamza
};

const ARABIC_LETTERS = new RegExp(`[${Object.keys(ARABIC_LETTER_MAP).join('')}]`, 'g');
// Harakat, superscript alef, Quranic marks, tatweel.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const LATIN_COMBINING_MARKS = /[\u0300-\u036F]/g;
const DEVANAGARI_NUKTA = /\u093C/g;
const DEVANAGARI_CHANDRABINDU = /\u0901/g;
const ZERO_WIDTH = /[\u200B-\u200F\u2060\uFEFF]/g;
const APOSTROPHES = /['\u2019\u2018\u02BC`´]/g;
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/gu;
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
