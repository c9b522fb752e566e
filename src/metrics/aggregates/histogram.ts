/**
 * Durations kept as counts per bucket, so a median or a p90 can be read from pre-aggregated counts.
 *
 * A duration is first cut to whole seconds, then kept with three significant digits: below
 * 1,000 s (16m 40s) every second is its own bucket; above, the bucket is the value with all but
 * its first three digits set to zero (1,234 s → 1,230 s; 86,399 s → 86,300 s). The bucket's name
 * is that lower edge in seconds, and a percentile reports the lower edge of the bucket it falls in.
 *
 * ERROR BOUND: a reported percentile is never above the true nearest-rank value and at most
 * 1 s + 1% below it (exact to the second under 1,000 s). Buckets exist only when used (hash
 * fields), so there are at most 900 per decade of durations.
 */

/** The bucket (lower edge in whole seconds) of a duration in ms; negative durations have none. */
export function bucketOf(ms: number): number | null {
  if (!Number.isFinite(ms) || ms < 0) return null;
  const s = Math.floor(ms / 1000);
  if (s < 1000) return s;
  const step = 10 ** (Math.floor(Math.log10(s)) - 2);
  return Math.floor(s / step) * step;
}

export type Histogram = Map<number, number>;

export function addTo(into: Histogram, bucket: number, count: number): void {
  into.set(bucket, (into.get(bucket) ?? 0) + count);
}

export function histogramCount(h: Histogram): number {
  let n = 0;
  for (const c of h.values()) n += Math.max(0, c);
  return n;
}

/**
 * Nearest-rank percentile of a histogram in ms: the lower edge of the bucket holding the value at
 * 1-based rank ceil(p/100 × n). null when empty.
 */
export function histogramPercentile(h: Histogram, p: number): number | null {
  const n = histogramCount(h);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p * n) / 100));
  let seen = 0;
  for (const bucket of [...h.keys()].sort((a, b) => a - b)) {
    seen += Math.max(0, h.get(bucket)!);
    if (seen >= rank) return bucket * 1000;
  }
  return null;
}
