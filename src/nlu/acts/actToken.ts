import {
  APOSTROPHES,
  ARABIC_LETTER_MAP,
  ARABIC_LETTERS,
  YEH_BARREE_HAMZA,
  YEH_BARREE_HAMZA_SPELLED,
  ARABIC_MARKS,
  DEVANAGARI_NUKTA,
  LATIN_COMBINING_MARKS,
  ZERO_WIDTH,
} from '../scriptNormalization';

/**
 * One token of a message: a run of letters, marks and digits (apostrophes and zero-width joiners
 * inside allowed), or one emoji with its modifiers, or a flag.
 */
export const TOKEN =
  /[\p{L}\p{M}\p{N}\u200C\u200D]+(?:['’][\p{L}\p{M}\p{N}\u200C\u200D]+)*|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*|\p{Regional_Indicator}{1,2}/gu;

export const PICTOGRAPHIC_START = /^[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

const DEVANAGARI_CHANDRABINDU = /\u0901/g;
const REPEATED = /(\p{L})\1+/gu;
const REPEATED_ASCII = /([a-z])\1+/g;
const ASCII = /^[\x20-\x7e]*$/;

/** Whether the ASCII word is its own actToken: no capital, no apostrophe or backtick, no letter twice in a row. */
function isAsciiActToken(word: string): boolean {
  let previous = -1;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || code === 0x27 || code === 0x60 || (code === previous && code >= 0x61 && code <= 0x7a)) return false;
    previous = code;
  }
  return true;
}

/**
 * A word as the act lexicon and the question-word lists compare it: lowercased, Arabic letter
 * variants and marks folded (ھ = ہ, ي = ی), nukta dropped, chandrabindu = anusvara (हाँ = हां),
 * apostrophes and zero-width characters removed, repeated letters collapsed ("okkk" = "ok",
 * "thanksss" = "thanks"). Applied to the lexicon and to messages alike.
 */
export function actToken(word: string): string {
  // Most words are plain ASCII: lowercase, no apostrophes, no repeated letters.
  if (ASCII.test(word)) return isAsciiActToken(word) ? word : word.toLowerCase().replace(APOSTROPHES, '').replace(REPEATED_ASCII, '$1');
  return word
    .normalize('NFC')
    .toLowerCase()
    .replace(YEH_BARREE_HAMZA, YEH_BARREE_HAMZA_SPELLED)
    .replace(ZERO_WIDTH, '')
    .replace(APOSTROPHES, '')
    .replace(LATIN_COMBINING_MARKS, '')
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_LETTERS, (c) => ARABIC_LETTER_MAP[c] ?? c)
    .replace(DEVANAGARI_NUKTA, '')
    .replace(DEVANAGARI_CHANDRABINDU, '\u0902')
    .replace(REPEATED, '$1');
}

/** PICTOGRAPHIC_START.test(raw), without the regular expression for the letters and digits below U+2000 (of which only © and ® are pictographic). */
function startsPictographic(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (first < 0x2000 && first !== 0xa9 && first !== 0xae) return false;
  return PICTOGRAPHIC_START.test(raw);
}

/** One token; its normal form is computed when first read (most tokens of a message never are). */
export class Token {
  private normal: string | undefined;
  readonly emoji: boolean;

  constructor(
    readonly raw: string,
    readonly start: number,
    readonly end: number,
  ) {
    this.emoji = startsPictographic(raw);
  }

  /** actToken of the word ('' for a lone joiner), or the emoji's first code point. */
  get norm(): string {
    if (this.normal === undefined) this.normal = this.emoji ? String.fromCodePoint(this.raw.codePointAt(0) as number) : actToken(this.raw);
    return this.normal;
  }
}

/** Every token of the text, in order (linear in the text's length). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) tokens.push(new Token(m[0], m.index, m.index + m[0].length));
  return tokens;
}
