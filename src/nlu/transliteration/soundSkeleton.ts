/**
 * A coarse sound key shared by a romanised Nepali word and its Devanagari spelling, so a word typed
 * in Latin letters can be found among the catalog's Nepali words however it was spelled:
 * "thegana", "thegaana" and ठेगाना all give "tegan"; "kaile", "kahile" and कहिले give "kaile";
 * "aaucha", "aauchha", "aauxa" and आउँछ give "auc". It keeps what both spellings agree on and
 * drops what romanisation leaves out or spells freely: aspiration and h, dental/retroflex, vowel
 * length, nasals before a consonant, doubled letters, a y between vowels, the final a.
 */

const LATIN_STEPS: readonly (readonly [RegExp, string])[] = [
  [/chh|ch|x|c/g, 'c'],
  [/sh/g, 's'],
  [/ph|f/g, 'p'],
  [/bh|v|w/g, 'b'],
  [/kh|q/g, 'k'],
  [/gh/g, 'g'],
  [/jh|z/g, 'j'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/ee/g, 'i'],
  [/oo/g, 'u'],
];

const CONSONANT_KEYS: Record<string, string> = {
  क: 'k', ख: 'k', ग: 'g', घ: 'g', ङ: 'n', च: 'c', छ: 'c', ज: 'j', झ: 'j', ञ: 'n', ट: 't', ठ: 't', ड: 'd', ढ: 'd',
  ण: 'n', त: 't', थ: 't', द: 'd', ध: 'd', न: 'n', प: 'p', फ: 'p', ब: 'b', भ: 'b', म: 'm', य: 'y', र: 'r', ल: 'l',
  व: 'b', श: 's', ष: 's', स: 's', ह: 'h', ळ: 'l',
};
const VOWEL_KEYS: Record<string, string> = {
  अ: 'a', आ: 'a', इ: 'i', ई: 'i', उ: 'u', ऊ: 'u', ऋ: 'ri', ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au', ऑ: 'o', ऍ: 'e',
  'ा': 'a', 'ि': 'i', 'ी': 'i', 'ु': 'u', 'ू': 'u', 'ृ': 'ri', 'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au', 'ॉ': 'o', 'ॅ': 'e',
};
const NASALS = new Set(['ं', 'ँ']);
const VIRAMA = '\u094D';

const NASAL_BEFORE_CONSONANT = /[nm](?=[bcdgjklmnprsty])/g;
const DOUBLED = /(.)\1+/g;
const Y_BETWEEN_VOWELS = /(?<=[aeiou])y(?=[aeiou])/g;
const FINAL_A = /(?<=.)a$/;

/** The steps both spellings share once they are in the same letters. */
function finish(key: string): string {
  return key
    .replace(/h/g, '')
    .replace(NASAL_BEFORE_CONSONANT, '')
    .replace(DOUBLED, '$1')
    .replace(Y_BETWEEN_VOWELS, '')
    .replace(DOUBLED, '$1')
    .replace(FINAL_A, '');
}

/** The key of a lower-case Latin word (letters a–z); '' for anything else. */
export function latinSkeleton(word: string): string {
  if (!/^[a-z]+$/.test(word)) return '';
  let key = word;
  for (const [pattern, replacement] of LATIN_STEPS) key = key.replace(pattern, replacement);
  return finish(key);
}

/** The key of a Devanagari word (as normalizeText leaves it); '' when it holds a letter outside the table. */
export function devanagariSkeleton(word: string): string {
  let key = '';
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const consonant = CONSONANT_KEYS[ch];
    if (consonant !== undefined) {
      key += consonant;
      const next = chars[i + 1];
      const hasSign = next !== undefined && (next === VIRAMA || (VOWEL_KEYS[next] !== undefined && !/[अ-औ]/.test(next)));
      if (!hasSign) key += 'a';
      continue;
    }
    const vowel = VOWEL_KEYS[ch];
    if (vowel !== undefined) key += vowel;
    else if (NASALS.has(ch)) key += 'n';
    else if (ch !== VIRAMA && ch !== 'ः') return '';
  }
  return finish(key);
}
