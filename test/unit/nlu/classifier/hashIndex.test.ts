import { HashIndex } from '../../../../src/nlu/classifier/hashIndex';

describe('HashIndex', () => {
  it('returns -1 for a key it does not hold', () => {
    expect(new HashIndex().get(12345)).toBe(-1);
  });

  it('returns the value stored for a key, across growth', () => {
    const index = new HashIndex(4);
    for (let key = 0; key < 5000; key++) index.set((key * 2654435761) >>> 0, key);
    expect(index.size).toBe(5000);
    for (let key = 0; key < 5000; key++) expect(index.get((key * 2654435761) >>> 0)).toBe(key);
  });

  it('counts with increment, starting from zero', () => {
    const index = new HashIndex();
    expect(index.increment(0xffffffff)).toBe(1);
    expect(index.increment(0xffffffff)).toBe(2);
    expect(index.get(0xffffffff)).toBe(2);
  });
});
