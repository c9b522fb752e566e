/**
 * Folds the spelling variants customers mix freely in Devanagari (hi, ne) so they share features:
 * long and short i/u (कीमत/किमत, पूरा/पुरा), a half nasal consonant before a consonant and the
 * anusvara (सम्पर्क/संपर्क, हिन्दी/हिंदी), and the English-loan vowels ॉ/ॅ (ऑर्डर/ओर्डर). Runs after
 * normalizeText, on the classifier's side only; text without Devanagari is returned as is.
 */
const DEVANAGARI = /[\u0900-\u097F]/;
const LONG_VOWEL_SIGNS = /[\u0940\u0942]/g; // ी ू
const LONG_VOWELS = /[\u0908\u090A]/g; // ई ऊ
const HALF_NASAL = /[\u0919\u091E\u0923\u0928\u092E]\u094D(?=[\u0915-\u0939])/g; // ङ् ञ् ण् न् म् before a consonant
const CANDRA_O = /[\u0949\u094A]/g; // ॉ ॊ → ो
const CANDRA_E = /[\u0945\u0946]/g; // ॅ ॆ → े
const CANDRA_O_LETTER = /[\u0911\u0912]/g; // ऑ ऒ → ओ
const CANDRA_E_LETTER = /[\u090D\u090E]/g; // ऍ ऎ → ए

const SHORT: Record<string, string> = { '\u0940': '\u093F', '\u0942': '\u0941', '\u0908': '\u0907', '\u090A': '\u0909' };

/** Vowels and vowel signs folded (ई ऊ ी ू ॉ ॊ ॅ ॆ ऑ ऒ ऍ ऎ), by code point − 0x0900. */
const FOLDED_VOWEL = Uint8Array.from({ length: 0x80 }, (_, i) => ([0x40, 0x42, 0x08, 0x0a, 0x49, 0x4a, 0x45, 0x46, 0x11, 0x12, 0x0d, 0x0e].includes(i) ? 1 : 0));
const HALF_NASAL_CONSONANTS = new Set([0x0919, 0x091e, 0x0923, 0x0928, 0x092e]);

/** Whether foldDevanagariSpelling changes `text`: it holds a folded vowel or a half nasal before a consonant. */
function hasFoldedSpelling(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x0900 || code > 0x097f) continue;
    if (FOLDED_VOWEL[code - 0x0900] === 1) return true;
    if (code === 0x094d && HALF_NASAL_CONSONANTS.has(text.charCodeAt(i - 1))) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0x0915 && next <= 0x0939) return true;
    }
  }
  return false;
}

export function foldDevanagariSpelling(normalized: string): string {
  if (!DEVANAGARI.test(normalized) || !hasFoldedSpelling(normalized)) return normalized;
  return normalized
    .replace(LONG_VOWEL_SIGNS, (ch) => SHORT[ch] as string)
    .replace(LONG_VOWELS, (ch) => SHORT[ch] as string)
    .replace(HALF_NASAL, '\u0902')
    .replace(CANDRA_O, '\u094B')
    .replace(CANDRA_E, '\u0947')
    .replace(CANDRA_O_LETTER, '\u0913')
    .replace(CANDRA_E_LETTER, '\u090F');
}
