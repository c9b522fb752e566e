import { bucketOf, histogramPercentile } from '../../../../src/metrics/aggregates/histogram';

describe('histogram buckets', () => {
  test('below a minute every whole second is its own bucket', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(59_999)).toBe(59);
  });

  test('longer durations fall in steps of 10 s, 1 min, 5 min, 30 min and 6 h', () => {
    expect(bucketOf(339_000)).toBe(330); // 5m 39s → 5m 30s
    expect(bucketOf(1_259_000)).toBe(1200); // 20m 59s → 20m
    expect(bucketOf(4_740_000)).toBe(4500); // 1h 19m → 1h 15m
    expect(bucketOf(30_000_000)).toBe(28_800); // 8h 20m → 8h
    expect(bucketOf(100_000_000)).toBe(86_400); // 27h 46m → 24h
  });

  test('whole minutes under an hour and 5-minute marks under 6 hours are bucket edges: exact', () => {
    for (let min = 1; min < 60; min++) expect(bucketOf(min * 60_000)).toBe(min * 60);
    for (let min = 60; min < 360; min += 5) expect(bucketOf(min * 60_000)).toBe(min * 60);
  });

  test('a negative or non-finite duration has no bucket', () => {
    expect(bucketOf(-1)).toBeNull();
    expect(bucketOf(Number.NaN)).toBeNull();
  });

  test('the lower edge is never above the value and below it by less than one step', () => {
    const stepAt = (s: number) => (s < 60 ? 1 : s < 600 ? 10 : s < 3600 ? 60 : s < 21_600 ? 300 : s < 86_400 ? 1800 : 21_600);
    for (let ms = 0; ms < 40 * 86_400_000; ms = Math.floor(ms * 1.37) + 7_919) {
      const edge = bucketOf(ms)! * 1000;
      expect(edge).toBeLessThanOrEqual(ms);
      expect(ms - edge).toBeLessThan(stepAt(edge / 1000) * 1000);
    }
  });
});

describe('histogram percentiles', () => {
  test('the nearest-rank value of the counts, as its bucket edge in ms', () => {
    // values 60 s, 120 s ×2, 3600 s: n = 4; median rank 2 → 120 s; p90 rank ceil(3.6) = 4 → 3600 s
    const h = new Map([
      [3600, 1],
      [60, 1],
      [120, 2],
    ]);
    expect(histogramPercentile(h, 50)).toBe(120_000);
    expect(histogramPercentile(h, 90)).toBe(3_600_000);
  });

  test('an empty histogram has no percentile', () => {
    expect(histogramPercentile(new Map(), 50)).toBeNull();
    expect(histogramPercentile(new Map([[5, 0]]), 50)).toBeNull();
  });
});
