import { bucketOf, histogramPercentile } from '../../../../src/metrics/aggregates/histogram';

describe('histogram buckets', () => {
  test('below 1,000 s every whole second is its own bucket', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(59_999)).toBe(59);
    expect(bucketOf(999_999)).toBe(999);
  });

  test('from 1,000 s on a duration keeps three significant digits', () => {
    expect(bucketOf(1_234_567)).toBe(1230);
    expect(bucketOf(86_399_000)).toBe(86_300);
    expect(bucketOf(3_600_000)).toBe(3600);
  });

  test('a negative or non-finite duration has no bucket', () => {
    expect(bucketOf(-1)).toBeNull();
    expect(bucketOf(Number.NaN)).toBeNull();
  });

  test('the lower edge is never above the value and at most 1 s + 1 % below it', () => {
    for (let ms = 0; ms < 40 * 86_400_000; ms = Math.floor(ms * 1.37) + 7_919) {
      const edge = bucketOf(ms)! * 1000;
      expect(edge).toBeLessThanOrEqual(ms);
      expect(ms - edge).toBeLessThan(1000 + ms * 0.01);
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
