import type { Pattern, Word } from './lexiconText';

/**
 * Lexicon patterns indexed by how their first word matches, so finding the patterns that may
 * start at a word is a couple of Map lookups instead of a scan of the whole lexicon:
 * - `byFirstKey`: patterns whose first word must equal the message word's key ("fed up", "worst");
 * - `byPrefix`: one-word patterns ending in `*`, by their prefix ("frustrat*", "मानिस*").
 * Values are indices into the pattern list the index was built from, in increasing order.
 */
export interface PhraseIndex {
  byFirstKey: Map<string, number[]>;
  byPrefix: Map<string, number[]>;
  /** The distinct prefix lengths of `byPrefix`, so a word is only cut where a prefix could match. */
  prefixLengths: number[];
}

function add(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

export function indexPhrases(patterns: readonly Pattern[]): PhraseIndex {
  const byFirstKey = new Map<string, number[]>();
  const byPrefix = new Map<string, number[]>();
  patterns.forEach((pattern, index) => {
    const first = pattern.keys[0];
    if (first === undefined) return; // an empty pattern never matches
    if (pattern.keys.length === 1 && pattern.prefixLast) add(byPrefix, first, index);
    else add(byFirstKey, first, index);
  });
  const prefixLengths = [...new Set([...byPrefix.keys()].map((k) => k.length))].sort((a, b) => a - b);
  return { byFirstKey, byPrefix, prefixLengths };
}

/** Pushes onto `out` the patterns whose first word matches `key` exactly or as a prefix (unordered). */
export function patternsStartingWith(index: PhraseIndex, key: string, out: number[]): void {
  const exact = index.byFirstKey.get(key);
  if (exact) for (const i of exact) out.push(i);
  for (const length of index.prefixLengths) {
    if (length > key.length) break;
    const prefixed = index.byPrefix.get(key.slice(0, length));
    if (prefixed) for (const i of prefixed) out.push(i);
  }
}

/** A pattern matching at `start`: `pattern` indexes the pattern list (its priority: lower first). */
export interface Candidate {
  pattern: number;
  start: number;
  end: number;
}

/**
 * The hits among the candidates, in text order: patterns in priority order, each from left to
 * right, skipping any candidate that overlaps a hit already taken. This is exactly what scanning
 * every pattern over every start position in priority order gives, because whether a pattern
 * matches at a position does not depend on which words are already taken.
 */
export function pickHits(candidates: Candidate[], wordCount: number): Candidate[] {
  if (candidates.length === 0) return candidates;
  candidates.sort((a, b) => a.pattern - b.pattern || a.start - b.start);
  const taken = new Uint8Array(wordCount);
  const hits: Candidate[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) taken[i] = 1;
    hits.push(c);
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** True when the words at start…start+n−1 exist and all belong to the clause of the first. */
export function fitsInClause(words: readonly Word[], start: number, n: number): boolean {
  const last = words[start + n - 1];
  return last !== undefined && last.clause === words[start]?.clause;
}
