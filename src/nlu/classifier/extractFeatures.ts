/**
 * Turns a normalised message (words separated by single spaces) into hashed features, walking the
 * characters once without building intermediate strings:
 * - word unigrams and bigrams (with sentence boundary markers);
 * - character n-grams inside word boundaries (" kab " → " k", "ka", "ab", "b ", " ka", …),
 *   which absorb typos and the many spellings of romanised Hindi;
 * - for Latin-script words, a consonant skeleton ("kab", "kb", "kub" → "kb") and a
 *   de-duplicated form ("plzzz" → "plz");
 * - for words of every script, a script-independent consonant skeleton (phoneticSkeleton.ts), so
 *   loanwords written in Devanagari, Urdu script and Latin share a feature ("रिफंड", "ریفنڈ", "refund").
 * Each kind of feature lives in its own "view" so the vectoriser can weight views separately.
 * Features are appended to a reusable buffer (one entry per occurrence, repeats included).
 */
import { skeletonHash } from './phoneticSkeleton';

export const VIEW_WORD = 0;
export const VIEW_CHAR = 1;
export const VIEW_COUNT = 2;
/**
 * Added to the view of word bigrams: an unseen bigram of known words is not evidence that the
 * message is about something else (see VectorizerSettings.unknownWeight).
 */
export const PAIR_FLAG = 2;

export interface FeatureSettings {
  minCharGram: number;
  maxCharGram: number;
  /** Shorter words get no character n-grams (their word feature says it all). */
  minCharGramWordLength: number;
  wordBigrams: boolean;
  latinSkeletons: boolean;
  /** Words whose script-independent consonant skeleton (phoneticSkeleton.ts) has at least this many consonants get it as a word feature (0 = none). */
  phoneticSkeletonMinLength: number;
}

export const DEFAULT_FEATURE_SETTINGS: FeatureSettings = {
  minCharGram: 2,
  maxCharGram: 4,
  minCharGramWordLength: 1,
  wordBigrams: true,
  latinSkeletons: true,
  phoneticSkeletonMinLength: 2,
};

/**
 * Feature occurrences of one message: hashes[i] in view views[i] (plus PAIR_FLAG for bigrams), for
 * i < length; and the hash of each word (as hashWord computes it), words[i] for i < wordCount.
 */
export class FeatureBuffer {
  hashes = new Uint32Array(256);
  views = new Uint8Array(256);
  length = 0;
  words = new Uint32Array(64);
  wordCount = 0;

  pushWord(hash: number): void {
    if (this.wordCount === this.words.length) {
      const words = new Uint32Array(this.wordCount * 2);
      words.set(this.words);
      this.words = words;
    }
    this.words[this.wordCount++] = hash;
  }

  push(hash: number, view: number): void {
    if (this.length === this.hashes.length) {
      const hashes = new Uint32Array(this.length * 2);
      hashes.set(this.hashes);
      const views = new Uint8Array(this.length * 2);
      views.set(this.views);
      this.hashes = hashes;
      this.views = views;
    }
    this.hashes[this.length] = hash;
    this.views[this.length] = view;
    this.length++;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;

function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) >>> 0;
}

function combine(a: number, b: number, tag: number): number {
  let h = fnvStep(FNV_OFFSET, tag);
  h = Math.imul(h ^ a, FNV_PRIME) >>> 0;
  h = Math.imul(h ^ (b >>> 16), FNV_PRIME) >>> 0;
  return Math.imul(h ^ (b & 0xffff), FNV_PRIME) >>> 0;
}

const TAG_WORD = 1;
const TAG_BIGRAM = 2;
const TAG_CHAR = 3;
const TAG_SKELETON = 4;
const TAG_BOUNDARY = 5;
const TAG_PHONETIC = 6;
const PHONETIC_START = fnvStep(FNV_OFFSET, TAG_PHONETIC);
const skeletonLength = new Int32Array(1);

/** The word hash before a message's first word, and after its last, in its bigrams. */
export const START_HASH = fnvStep(fnvStep(FNV_OFFSET, TAG_BOUNDARY), 0x3c);
export const END_HASH = fnvStep(fnvStep(FNV_OFFSET, TAG_BOUNDARY), 0x3e);

function isLowerLatin(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isVowel(code: number): boolean {
  return code === 0x61 || code === 0x65 || code === 0x69 || code === 0x6f || code === 0x75;
}

/** The hash of the word text[start, end) as a word feature (also the key of word vectors). */
export function hashWord(text: string, start: number, end: number): number {
  let h = fnvStep(FNV_OFFSET, TAG_WORD);
  for (let i = start; i < end; i++) h = fnvStep(h, text.charCodeAt(i));
  return h;
}

/** Character n-grams of " word " for the word text[start, end). */
function addCharGrams(text: string, start: number, end: number, settings: FeatureSettings, out: FeatureBuffer): void {
  const n = end - start + 2;
  const { minCharGram, maxCharGram } = settings;
  for (let first = 0; first < n; first++) {
    let h = fnvStep(FNV_OFFSET, TAG_CHAR);
    for (let len = 1; len <= maxCharGram && first + len <= n; len++) {
      const at = first + len - 1;
      const code = at === 0 || at === n - 1 ? SPACE : text.charCodeAt(start + at - 1);
      h = fnvStep(h, code);
      if (len >= minCharGram) out.push(h, VIEW_CHAR);
    }
  }
}

/** The de-duplicated form ("plzzz" → "plz", only if it differs) and consonant skeleton of a Latin word. */
function addLatinVariants(text: string, start: number, end: number, out: FeatureBuffer): void {
  let deduplicated = fnvStep(FNV_OFFSET, TAG_WORD);
  let skeleton = fnvStep(FNV_OFFSET, TAG_SKELETON);
  let skeletonLength = 0;
  let changed = false;
  let previous = -1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === previous) {
      changed = true;
      continue;
    }
    previous = code;
    deduplicated = fnvStep(deduplicated, code);
    if (!isVowel(code)) {
      skeleton = fnvStep(skeleton, code);
      skeletonLength++;
    }
  }
  if (skeletonLength > 0) out.push(skeleton, VIEW_WORD);
  if (changed) out.push(deduplicated, VIEW_WORD);
}

/** The hash of the word bigram `previous` `word` (word hashes, or START_HASH and END_HASH). */
export function bigramHash(previous: number, word: number): number {
  return combine(previous, word, TAG_BIGRAM);
}

/** Whether text[start, end) is made of the letters a–z only. */
export function isLowerLatinWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isLowerLatin(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Appends the features the word text[start, end) has on its own, whatever words surround it (all
 * but the word and its bigrams): its character n-grams, then for a Latin word (`latin`: letters
 * a–z only) its consonant skeleton and de-duplicated form, then its phonetic skeleton.
 */
export function addWordFeatures(text: string, start: number, end: number, latin: boolean, settings: FeatureSettings, out: FeatureBuffer): void {
  if (end - start >= settings.minCharGramWordLength) addCharGrams(text, start, end, settings, out);
  if (settings.latinSkeletons && latin && end - start > 1) addLatinVariants(text, start, end, out);
  if (settings.phoneticSkeletonMinLength > 0) {
    const hash = skeletonHash(text, start, end, PHONETIC_START, skeletonLength);
    if ((skeletonLength[0] as number) >= settings.phoneticSkeletonMinLength) out.push(hash, VIEW_WORD);
  }
}

/** Appends the features of `normalized` to `out` (which it clears first). */
export function extractFeatures(normalized: string, settings: FeatureSettings, out: FeatureBuffer): void {
  out.length = 0;
  out.wordCount = 0;
  const length = normalized.length;
  let previous = START_HASH;
  let start = 0;
  while (start < length) {
    let end = start;
    let word = fnvStep(FNV_OFFSET, TAG_WORD);
    let latin = true;
    for (; end < length; end++) {
      const code = normalized.charCodeAt(end);
      if (code === SPACE) break;
      word = fnvStep(word, code);
      if (!isLowerLatin(code)) latin = false;
    }
    if (end > start) {
      out.push(word, VIEW_WORD);
      out.pushWord(word);
      if (settings.wordBigrams) out.push(combine(previous, word, TAG_BIGRAM), VIEW_WORD + PAIR_FLAG);
      previous = word;
      addWordFeatures(normalized, start, end, latin, settings, out);
    }
    start = end + 1;
  }
  if (settings.wordBigrams && previous !== START_HASH) out.push(combine(previous, END_HASH, TAG_BIGRAM), VIEW_WORD + PAIR_FLAG);
}
