import { nearestRank } from '../../../src/metrics/dashboard/percentile';

describe('nearestRank', () => {
  test('is null for no values', () => {
    expect(nearestRank([], 50)).toBeNull();
  });

  test('takes the value at rank ceil(p × n / 100) of the sorted values', () => {
    expect(nearestRank([40, 10, 30, 20], 50)).toBe(20);
    expect(nearestRank([40, 10, 30, 20], 90)).toBe(40);
    expect(nearestRank([15, 20, 35, 40, 50], 40)).toBe(20);
  });

  test('never interpolates between two values', () => {
    expect(nearestRank([1, 100], 50)).toBe(1);
  });

  test('does not round up past an exact rank because of floating point', () => {
    const thirty = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(nearestRank(thirty, 90)).toBe(27);
  });

  test('gives the only value for any percentile of one value', () => {
    expect(nearestRank([7], 1)).toBe(7);
    expect(nearestRank([7], 100)).toBe(7);
  });
});
