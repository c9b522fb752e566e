/** Rolling rows of the distance table, grown on demand and reused, so a call allocates nothing. */
let twoBack = new Int32Array(32);
let previous = new Int32Array(32);
let current = new Int32Array(32);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent swaps: "agnet" → "agent" is 1),
 * stopping early once it exceeds `limit` (then it returns limit + 1).
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  if (current.length < width) {
    twoBack = new Int32Array(width * 2);
    previous = new Int32Array(width * 2);
    current = new Int32Array(width * 2);
  }
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) d = Math.min(d, twoBack[j - 2]! + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    const oldest = twoBack;
    twoBack = previous;
    previous = current;
    current = oldest;
  }
  return previous[b.length]!;
}

const LATIN = /^[a-z]+$/;

/** Typos are only looked for in keys this long, and words at least MIN_TYPO_WORD_LENGTH long (shorter ones collide with real words). */
export const MIN_TYPO_KEY_LENGTH = 5;
export const MIN_TYPO_WORD_LENGTH = 4;

/** Edits allowed for a typo of `key`: one, two from 8 letters on. */
export function typoLimitOf(key: string): number {
  return key.length >= 8 ? 2 : 1;
}

/**
 * Is `word` a typo of `key`? Only for Latin words of 5 letters or more (shorter ones collide with
 * real words): one edit allowed, two from 8 letters on ("custmer", "costumer" → customer).
 */
export function isTypoOf(word: string, key: string): boolean {
  if (word === key) return true;
  if (key.length < MIN_TYPO_KEY_LENGTH || word.length < MIN_TYPO_WORD_LENGTH || !LATIN.test(key) || !LATIN.test(word)) return false;
  const limit = typoLimitOf(key);
  return editDistance(word, key, limit) <= limit;
}
