import { randomHex } from '../../../src/store/randomHex';

describe('randomHex', () => {
  test('gives lowercase hex of twice the bytes asked, never the same twice, across many refills of its pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const hex = randomHex(5);
      expect(hex).toMatch(/^[0-9a-f]{10}$/);
      seen.add(hex);
    }
    expect(seen.size).toBe(5000);
  });

  test('a request that does not fit what is left of the pool comes from a fresh pool, whole', () => {
    for (let i = 0; i < 300; i++) expect(randomHex(3000)).toHaveLength(6000);
  });

  test('refuses a length it cannot give, naming the range', () => {
    expect(() => randomHex(0)).toThrow('from 1 to 4096');
    expect(() => randomHex(4097)).toThrow('from 1 to 4096');
    expect(() => randomHex(2.5)).toThrow('from 1 to 4096');
  });
});
