/**
 * Turns a normalised message into hashed sparse features, without building intermediate strings:
 * - word unigrams and bigrams (with sentence boundary markers);
 * - character n-grams inside word boundaries (" kab " → " k", "ka", "ab", "b ", " ka", …),
 *   which absorb typos and the many spellings of romanised Hindi;
 * - for Latin-script words, a consonant skeleton ("kab", "kb", "kub" → "kb") and a
 *   de-duplicated form ("plzzz" → "plz").
 * Each kind of feature lives in its own "view" so the vectoriser can weight views separately.
 */
import { tokenize } from './normalizeText';

export const VIEW_WORD = 0;
export const VIEW_CHAR = 1;
export const VIEW_COUNT = 2;

export interface FeatureSettings {
  minCharGram: number;
  maxCharGram: number;
  wordBigrams: boolean;
  latinSkeletons: boolean;
}

export const DEFAULT_FEATURE_SETTINGS: FeatureSettings = {
  minCharGram: 2,
  maxCharGram: 5,
  wordBigrams: true,
  latinSkeletons: true,
};

/** Raw term counts per view: hash → count. */
export type TermCounts = [Map<number, number>, Map<number, number>];

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) >>> 0;
}

function hashString(tag: number, text: string): number {
  let h = fnvStep(FNV_OFFSET, tag);
  for (let i = 0; i < text.length; i++) h = fnvStep(h, text.charCodeAt(i));
  return h;
}

function combine(a: number, b: number, tag: number): number {
  let h = fnvStep(FNV_OFFSET, tag);
  h = Math.imul(h ^ a, FNV_PRIME) >>> 0;
  h = Math.imul(h ^ (b >>> 16), FNV_PRIME) >>> 0;
  return Math.imul(h ^ (b & 0xffff), FNV_PRIME) >>> 0;
}

function add(counts: Map<number, number>, key: number): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

const TAG_WORD = 1;
const TAG_BIGRAM = 2;
const TAG_CHAR = 3;
const TAG_SKELETON = 4;
const TAG_BOUNDARY = 5;
const LATIN_WORD = /^[a-z]+$/;
const LATIN_VOWELS = /[aeiou]/g;
const REPEATS = /(.)\1+/g;

function addCharGrams(counts: Map<number, number>, word: string, settings: FeatureSettings): void {
  const padded = ` ${word} `;
  const n = padded.length;
  for (let start = 0; start < n; start++) {
    let h = fnvStep(FNV_OFFSET, TAG_CHAR);
    for (let len = 1; len <= settings.maxCharGram && start + len <= n; len++) {
      h = fnvStep(h, padded.charCodeAt(start + len - 1));
      if (len >= settings.minCharGram) add(counts, h);
    }
  }
}

export function extractTermCounts(normalized: string, settings: FeatureSettings): TermCounts {
  const words = new Map<number, number>();
  const chars = new Map<number, number>();
  const tokens = tokenize(normalized);
  let previous = hashString(TAG_BOUNDARY, '<s>');
  for (const token of tokens) {
    const h = hashString(TAG_WORD, token);
    add(words, h);
    if (settings.wordBigrams) add(words, combine(previous, h, TAG_BIGRAM));
    previous = h;
    addCharGrams(chars, token, settings);
    if (settings.latinSkeletons && LATIN_WORD.test(token) && token.length > 1) {
      const deduplicated = token.replace(REPEATS, '$1');
      const skeleton = deduplicated.replace(LATIN_VOWELS, '');
      if (skeleton.length > 0) add(words, hashString(TAG_SKELETON, skeleton));
      if (deduplicated !== token) add(words, hashString(TAG_WORD, deduplicated));
    }
  }
  if (settings.wordBigrams && tokens.length > 0) add(words, combine(previous, hashString(TAG_BOUNDARY, '</s>'), TAG_BIGRAM));
  return [words, chars];
}
