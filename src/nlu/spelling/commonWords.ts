import { hashWord } from '../classifier/extractFeatures';
import { defaultWordVectors, type WordVectors } from '../classifier/wordVectors';

/**
 * The most frequent English words of the shipped word vectors (their rows are in frequency order)
 * are words, not typos: "what's the cricket score" must not become "store", nor "who won the
 * match" "watch". Common misspellings ("adress", "recieved", "retrun") are not among them; rarer
 * rows ("oder", a river, near 19 000) are left correctable.
 */
export const COMMON_WORD_RANK = 15_000;

/** A test for lower-case Latin words: is it one of the COMMON_WORD_RANK most frequent words of `vectors`? */
export function commonWordsOf(vectors: WordVectors, rank = COMMON_WORD_RANK): (word: string) => boolean {
  return (word) => {
    const row = vectors.rowOf(hashWord(word, 0, word.length));
    return row >= 0 && row < rank;
  };
}

/** commonWordsOf the shipped English vectors; undefined when they cannot be read (nothing is then held a word). */
export function commonEnglishWords(): ((word: string) => boolean) | undefined {
  try {
    return commonWordsOf(defaultWordVectors());
  } catch {
    return undefined;
  }
}
