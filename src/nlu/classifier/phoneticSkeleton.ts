/**
 * A script-independent consonant skeleton of a word, so that the English loanwords customers write
 * in Devanagari, Urdu script, Hinglish or English share a feature: "ऑर्डर", "آرڈر", "order" →
 * "rdr"; "रिफंड", "ریفنڈ", "refund" → "rfnd"; "इंस्टॉल", "install" → "nstl"; "वारंटी", "وارنٹی",
 * "warranty" → "vrnt". Vowels, vowel signs and y are dropped, aspiration is dropped (ख, kh → k),
 * near sounds are merged (w → v, z → j, q → k, ph → f, c → k or s, ch → c), and a repeated consonant
 * counts once. Works on normalised text (see normalizeText) without building strings: `skeletonHash`
 * feeds each consonant to a hash and returns how many it fed.
 */

/** Consonant letters by code point (Devanagari and Arabic script); 0 = dropped. */
const CONSONANT = new Map<number, number>();

function assign(letters: string, latin: string): void {
  for (const letter of letters) CONSONANT.set(letter.codePointAt(0) as number, latin.charCodeAt(0));
}

// Devanagari (hi, ne). Anusvara is a nasal.
assign('कखक़', 'k');
assign('गघ', 'g');
assign('चछ', 'c');
assign('जझ', 'j');
assign('टठतथ', 't');
assign('डढदधड़ढ़', 'd');
assign('णनङञं', 'n');
assign('पफ', 'p');
assign('बभ', 'b');
assign('म', 'm');
assign('र', 'r');
assign('लळ', 'l');
assign('व', 'v');
assign('शषस', 's');
assign('ह', 'h');
// फ is f in the loanwords this is for (रिफंड, फोन).
assign('फ', 'f');
// Arabic script (ur), after normalisation (ه/ھ → ہ, ك → ک).
assign('ب', 'b');
assign('پ', 'p');
assign('تٹطة', 't');
assign('ثسصش', 's');
assign('جذزژضظ', 'j');
assign('چ', 'c');
assign('حہ', 'h');
assign('خقکك', 'k');
assign('غگ', 'g');
assign('دڈ', 'd');
assign('رڑ', 'r');
assign('ف', 'f');
assign('ل', 'l');
assign('م', 'm');
assign('نں', 'n');
assign('و', 'v');

const A = 0x61;
const Z = 0x7a;
const H = 0x68;

function isLatinVowel(code: number): boolean {
  return code === 0x61 || code === 0x65 || code === 0x69 || code === 0x6f || code === 0x75 || code === 0x79;
}

/** The consonant class of the Latin letter at text[i] (0 = dropped), given its neighbours. */
function latinConsonant(text: string, i: number, end: number): number {
  const code = text.charCodeAt(i);
  if (code < A || code > Z || isLatinVowel(code)) return 0;
  const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
  const previous = i > 0 ? text.charCodeAt(i - 1) : 0;
  switch (code) {
    case H:
      // Aspiration and digraphs (kh, bh, sh, th…) lose their h.
      return previous >= A && previous <= Z && !isLatinVowel(previous) ? 0 : H;
    case 0x63: // c
      if (next === H) return 0x63;
      return next === 0x65 || next === 0x69 || next === 0x79 ? 0x73 : 0x6b;
    case 0x70: // p
      return next === H ? 0x66 : code;
    case 0x71: // q
      return 0x6b;
    case 0x77: // w
      return 0x76;
    case 0x7a: // z
      return 0x6a;
    case 0x78: // x
      return 0x6b;
    default:
      return code;
  }
}

const FNV_PRIME = 0x01000193;

/**
 * Feeds the skeleton of text[start, end) into `hash` (FNV-1a steps); returns the hash and, in
 * `lengthOut[0]`, the number of consonants fed.
 */
export function skeletonHash(text: string, start: number, end: number, hash: number, lengthOut: Int32Array): number {
  let h = hash;
  let length = 0;
  let previous = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const consonant = code < 0x80 ? latinConsonant(text, i, end) : (CONSONANT.get(code) ?? 0);
    if (consonant === 0 || consonant === previous) continue;
    previous = consonant;
    h = Math.imul(h ^ consonant, FNV_PRIME) >>> 0;
    length++;
  }
  lengthOut[0] = length;
  return h;
}
