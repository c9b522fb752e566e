import { compareStreamIds, isStreamId } from '../../../../src/inbox/events/streamIds';

describe('stream ids', () => {
  test('orders by milliseconds, then by sequence, numerically', () => {
    expect(compareStreamIds('9-0', '10-0')).toBeLessThan(0);
    expect(compareStreamIds('10-2', '10-10')).toBeLessThan(0);
    expect(compareStreamIds('1718000000000-1', '1718000000000-1')).toBe(0);
    expect(compareStreamIds('1718000000001-0', '1718000000000-99')).toBeGreaterThan(0);
  });

  test('accepts only ms-seq ids', () => {
    expect(isStreamId('1718000000000-0')).toBe(true);
    expect(isStreamId('1718000000000')).toBe(false);
    expect(isStreamId('$')).toBe(false);
  });
});
