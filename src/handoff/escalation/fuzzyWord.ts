/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent swaps: "agnet" → "agent" is 1),
 * stopping early once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (i > 0 && best > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

const LATIN = /^[a-z]+$/;

/**
 * Is `word` a typo of `key`? Only for Latin words of 5 letters or more (shorter ones collide with
 * real words): one edit allowed, two from 8 letters on ("custmer", "costumer" → customer).
 */
export function isTypoOf(word: string, key: string): boolean {
  if (word === key) return true;
  if (!LATIN.test(key) || !LATIN.test(word) || key.length < 5 || word.length < 4) return false;
  const limit = key.length >= 8 ? 2 : 1;
  return editDistance(word, key, limit) <= limit;
}
