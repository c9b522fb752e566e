/**
 * Durations kept as counts per bucket, so a median or a p90 can be read from per-day counters.
 *
 * Fixed bucket edges, in steps a person reads durations in: every second below 1 minute, 10 s
 * below 10 minutes, 1 minute below 1 hour, 5 minutes below 6 hours, 30 minutes below a day, 6 hours
 * beyond. A bucket is named after its lower edge in seconds (`frt#330` holds 5m 30s up to 5m 39s).
 *
 * ERROR BOUND: a percentile reports the lower edge of the bucket it falls in, so it is never above
 * the true nearest-rank value and below it by less than one step: < 1 s under a minute, < 10 s under
 * 10 minutes, < 1 min under an hour, < 5 min under 6 hours, < 30 min under a day, < 6 h beyond.
 * Whole minutes under an hour and 5-minute marks under 6 hours are exact. A day uses at most about 250
 * buckets per histogram, whatever its volume: that keeps a 30-day read small.
 */
const STEPS: [below: number, step: number][] = [
  [60, 1],
  [600, 10],
  [3600, 60],
  [6 * 3600, 300],
  [86_400, 1800],
  [Number.POSITIVE_INFINITY, 6 * 3600],
];

/** The bucket (lower edge in whole seconds) of a duration in ms; negative durations have none. */
export function bucketOf(ms: number): number | null {
  if (!Number.isFinite(ms) || ms < 0) return null;
  const s = Math.floor(ms / 1000);
  const step = STEPS.find(([below]) => s < below)![1];
  return s - (s % step);
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
