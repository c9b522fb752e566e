/**
 * Nepali typed in Latin letters, read in Devanagari: the catalog's Nepali examples are in
 * Devanagari, so "mero paisa kaile firta aauchha?" is written again as "मेरो पैसा कहिले फिर्ता आउँछ"
 * for the classifier (romanisedNepaliClassifier.ts). No model: each Latin word is looked up, in this
 * order, in
 *   1. the lexicon of frequent words (nepaliLexicon.ts: cha/chha/xa → छ, kaha → कहाँ, order → अर्डर);
 *   2. the catalog's own Nepali words, by sound (soundSkeleton.ts: "thegaana" → ठेगाना, "milaidinus" →
 *      मिलाइदिनुस्), when one catalog word has that sound key;
 *   3. the spelling rules (romanToDevanagari.ts), for a word with a Nepali ending (-chha, -eko,
 *      -nus, -daina…, romanisedNepali.ts).
 * Other words stay in Latin letters: they are mostly English loanwords ("washing machine",
 * "headphone"), which the classifier knows from the English and Hinglish examples. Digits, order
 * numbers and words in other scripts are kept as they are.
 */
import { normalizeText } from '../classifier/normalizeText';
import { isNepaliWord } from '../language/romanisedNepali';
import type { Catalog } from '../types';
import { NEPALI_LEXICON } from './nepaliLexicon';
import { transliterateWord } from './romanToDevanagari';
import { devanagariSkeleton, latinSkeleton } from './soundSkeleton';

/** Longer texts are cut here first (the classifier reads at most 2,000 characters anyway). */
export const MAX_TRANSLITERATED_LENGTH = 2000;

/** Sound keys shorter than this are too ambiguous to look up in the catalog ("ka", "ma"). */
const MIN_SKELETON_LENGTH = 3;

const LATIN_WORD = /^[a-z]+$/;

/** Words remembered with their spelling; a flood of distinct words cannot grow memory past this. */
const MAX_REMEMBERED_WORDS = 10_000;

export interface NepaliTransliterator {
  /** The text with each romanised Nepali word in Devanagari; the rest unchanged (normalised). */
  transliterate(text: string): string;
}

/**
 * Sound key → the catalog's Nepali word with that key, when the key names one word only (or one
 * word far more often than the others).
 */
export function catalogWordsBySound(nepaliExamples: readonly string[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const example of nepaliExamples) {
    for (const word of normalizeText(example).split(' ')) {
      const key = devanagariSkeleton(word);
      if (key.length < MIN_SKELETON_LENGTH) continue;
      const words = counts.get(key) ?? new Map<string, number>();
      counts.set(key, words);
      words.set(word, (words.get(word) ?? 0) + 1);
    }
  }
  const bySound = new Map<string, string>();
  for (const [key, words] of counts) {
    const ranked = [...words].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [first, second] = ranked;
    if (first && (!second || first[1] >= 2 * second[1])) bySound.set(key, first[0]);
  }
  return bySound;
}

/** Reads romanised Nepali in Devanagari with the words of `nepaliExamples` (the catalog's ne examples). */
export function createNepaliTransliterator(nepaliExamples: readonly string[]): NepaliTransliterator {
  const bySound = catalogWordsBySound(nepaliExamples);
  // Customers reuse few words: each is spelled once, then remembered (forgotten all at once past the bound).
  const spelled = new Map<string, string>();
  const word = (w: string): string => {
    let devanagari = spelled.get(w);
    if (devanagari === undefined) {
      if (spelled.size >= MAX_REMEMBERED_WORDS) spelled.clear();
      spelled.set(w, (devanagari = spell(w)));
    }
    return devanagari;
  };
  const spell = (w: string): string => {
    if (!LATIN_WORD.test(w)) return w;
    const known = NEPALI_LEXICON.get(w);
    if (known !== undefined) return known;
    const key = latinSkeleton(w);
    const catalogWord = key.length >= MIN_SKELETON_LENGTH ? bySound.get(key) : undefined;
    if (catalogWord !== undefined) return catalogWord;
    return isNepaliWord(w) ? transliterateWord(w) : w;
  };
  return {
    transliterate(text: string): string {
      const cut = text.length > MAX_TRANSLITERATED_LENGTH ? text.slice(0, MAX_TRANSLITERATED_LENGTH) : text;
      return normalizeText(cut).split(' ').map(word).join(' ');
    },
  };
}

const DEVANAGARI_LETTER = /[\u0900-\u097F]/;

/**
 * The transliterator for a catalog whose Nepali (ne) examples are in Devanagari and that has no
 * Nepali of its own in Latin letters (a ne-Latn language answers such messages by itself); else null.
 */
export function nepaliTransliteratorFor(catalog: Catalog): NepaliTransliterator | null {
  if (catalog.languages.some((lang) => lang !== 'ne' && lang.startsWith('ne-'))) return null;
  const examples = catalog.intents.flatMap((intent) => intent.examples.ne ?? []);
  const inDevanagari = examples.filter((e) => DEVANAGARI_LETTER.test(e)).length;
  return inDevanagari > 0 && inDevanagari * 2 > examples.length ? createNepaliTransliterator(examples) : null;
}
