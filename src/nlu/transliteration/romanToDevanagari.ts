/**
 * Rule-based spelling of one romanised Nepali word in Devanagari, the way customers type Nepali on
 * WhatsApp: "kati" → कति, "garna" → गर्न, "pugyo" → पुग्यो, "kahile" → कहिले. Loose by nature: the
 * Latin spelling drops what Devanagari writes (long and short vowels, dental and retroflex t/d,
 * nasal vowels), so the result is one plausible spelling, and the classifier's Devanagari folding
 * (long/short vowels, half nasals) absorbs part of the rest. Words the rules get wrong come from the
 * lexicon (nepaliLexicon.ts) or the catalog's own words (soundSkeleton.ts) first.
 *
 * Rules: aspirates and digraphs first (chh/ch/x → छ/च/छ, th → थ, dh → ध, kh, gh, jh, ph, bh, sh);
 * a vowel after a consonant is a sign (aa/a → ा/inherent, ee/i → ी/ि, oo/u → ू/ु, e, o, ai, au),
 * elsewhere a letter; two consonants in a row join with a virama; a final "a" or consonant keeps the
 * inherent vowel (the final schwa is not written: "garna" and "garn" both give गर्न); "ai" at the
 * end of a word is आइ as in "malai"/"dai", "au" is आउ as in "aauchha"/"pathaune".
 */

const VIRAMA = '\u094D';

/** Latin consonant spellings, longest first. */
const CONSONANTS: readonly (readonly [string, string])[] = [
  ['chh', 'छ'],
  ['ksh', 'क्ष'],
  ['kh', 'ख'],
  ['gh', 'घ'],
  ['ch', 'च'],
  ['jh', 'झ'],
  ['th', 'थ'],
  ['dh', 'ध'],
  ['ph', 'फ'],
  ['bh', 'भ'],
  ['sh', 'श'],
  ['k', 'क'],
  ['g', 'ग'],
  ['c', 'क'],
  ['x', 'छ'],
  ['j', 'ज'],
  ['z', 'ज'],
  ['t', 'त'],
  ['d', 'द'],
  ['n', 'न'],
  ['p', 'प'],
  ['f', 'फ'],
  ['b', 'ब'],
  ['m', 'म'],
  ['y', 'य'],
  ['r', 'र'],
  ['l', 'ल'],
  ['v', 'व'],
  ['w', 'व'],
  ['s', 'स'],
  ['h', 'ह'],
  ['q', 'क'],
];

/** Latin vowel spellings, longest first: [independent letter, sign after a consonant]. */
const VOWELS: readonly (readonly [string, string, string])[] = [
  ['aa', 'आ', 'ा'],
  ['ai', 'ऐ', 'ै'],
  ['au', 'आउ', 'ाउ'],
  ['ee', 'ई', 'ी'],
  ['ii', 'ई', 'ी'],
  ['oo', 'ऊ', 'ू'],
  ['uu', 'ऊ', 'ू'],
  ['a', 'अ', ''],
  ['i', 'इ', 'ि'],
  ['u', 'उ', 'ु'],
  ['e', 'ए', 'े'],
  ['o', 'ओ', 'ो'],
];

const LATIN_WORD = /^[a-z]+$/;

function matchAt(word: string, i: number, table: readonly (readonly string[])[]): readonly string[] | undefined {
  for (const entry of table) if (word.startsWith(entry[0] as string, i)) return entry;
  return undefined;
}

/**
 * The Devanagari spelling of a lower-case Latin word (letters a–z only); anything else, or an empty
 * string, is returned as is.
 */
export function transliterateWord(word: string): string {
  if (!LATIN_WORD.test(word)) return word;
  let out = '';
  let afterConsonant = false;
  let i = 0;
  while (i < word.length) {
    const vowel = matchAt(word, i, VOWELS);
    if (vowel) {
      const [latin, letter, sign] = vowel as [string, string, string];
      const final = i + latin.length === word.length;
      if (latin === 'ai' && final) out += afterConsonant ? 'ाइ' : 'आइ';
      else out += afterConsonant ? sign : letter;
      afterConsonant = false;
      i += latin.length;
      continue;
    }
    const consonant = matchAt(word, i, CONSONANTS) as [string, string];
    if (afterConsonant) out += VIRAMA;
    out += consonant[1];
    afterConsonant = true;
    i += consonant[0].length;
  }
  return out;
}
