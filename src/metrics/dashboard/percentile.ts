/**
 * Nearest-rank percentile: the smallest value such that at least p% of the values are at or below
 * it, i.e. the value at 1-based rank ceil(p/100 × n) of the sorted list. Always one of the values
 * (never interpolated); null for an empty list.
 */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}
