/**
 * The character classes and letter variants every text normaliser in Baton agrees on (the
 * classifier's, and the lexicon matcher's in src/handoff/sentiment), so "the same word" means
 * the same thing to both.
 */

export const ARABIC_LETTER_MAP: Record<string, string> = {
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

/**
 * "ۓ" (yeh barree with hamza, one letter) is how many phones type the "ئے" of "آئے", "گئے", "لئے";
 * spelled out before any decomposition, "آۓ" and "آئے" read the same.
 */
export const YEH_BARREE_HAMZA = /\u06D3/g;
export const YEH_BARREE_HAMZA_SPELLED = '\u0626\u06D2';

export const ARABIC_LETTERS = new RegExp(`[${Object.keys(ARABIC_LETTER_MAP).join('')}]`, 'g');
// Harakat, superscript alef, Quranic marks, tatweel.
export const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
export const LATIN_COMBINING_MARKS = /[\u0300-\u036F]/g;
export const DEVANAGARI_NUKTA = /\u093C/g;
export const DEVANAGARI_CHANDRABINDU = /\u0901/g;
export const ZERO_WIDTH = /[\u200B-\u200F\u2060\uFEFF]/g;
export const APOSTROPHES = /['\u2019\u2018\u02BC`´]/g;
export const NON_WORD = /[^\p{L}\p{M}\p{N}]+/gu;
