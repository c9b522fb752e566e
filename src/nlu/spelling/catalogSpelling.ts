/**
 * Typos in Latin-script words ("retrun polcy", "hedphones", "mera odrer kab aaega"): a word the
 * catalog's examples never use, one edit away (a letter left out, added, changed, or two swapped)
 * from a word they do use, is read as that word, so the classifier, trained on spelled-right
 * examples, sees the question. The most frequent such word wins. Short words (fewer than
 * MIN_TYPO_LENGTH letters) are left alone: one edit from "kab" or "card" is too many other words.
 * Devanagari and Arabic script are left alone too: a vowel sign more or less is often another word.
 */
export const MIN_TYPO_LENGTH = 5;

export interface CatalogSpelling {
  /** The text with each correctable word replaced (lower case); everything else kept as it was. */
  correct(text: string): string;
}

const LATIN_WORD = /[A-Za-z]+/g;

/** Every string one letter shorter than the word. */
function deletes(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** True when a and b are at most one edit apart (insertion, deletion, substitution or adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export interface CatalogSpellingOptions {
  /**
   * True for a word spelled right in its own language though no example uses it: never read as a
   * typo of an example's word ("score" is not "store", "match" not "watch").
   */
  isWord?: (word: string) => boolean;
}

/** Spelling correction against the words of these texts (the catalog's examples). */
export function catalogSpellingFor(texts: Iterable<string>, options: CatalogSpellingOptions = {}): CatalogSpelling {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(LATIN_WORD) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  /** A string one letter shorter than some known words → those words. */
  const byDelete = new Map<string, string[]>();
  for (const word of counts.keys()) {
    if (word.length < MIN_TYPO_LENGTH - 1) continue;
    for (const d of new Set(deletes(word))) {
      const list = byDelete.get(d);
      if (list) list.push(word);
      else byDelete.set(d, [word]);
    }
  }

  const fix = (word: string): string | undefined => {
    if (word.length < MIN_TYPO_LENGTH || counts.has(word) || options.isWord?.(word)) return undefined;
    const candidates = new Set<string>(byDelete.get(word) ?? []); // a letter left out
    for (const d of deletes(word)) {
      if (counts.has(d)) candidates.add(d); // a letter added
      for (const w of byDelete.get(d) ?? []) candidates.add(w); // a letter changed, two swapped
    }
    let best: string | undefined;
    for (const c of candidates) {
      if (!withinOneEdit(word, c)) continue;
      if (best === undefined || (counts.get(c) ?? 0) > (counts.get(best) ?? 0) || ((counts.get(c) ?? 0) === (counts.get(best) ?? 0) && c < best)) best = c;
    }
    return best;
  };

  return {
    correct(text) {
      return text.replace(LATIN_WORD, (word) => fix(word.toLowerCase()) ?? word);
    },
  };
}
