import { quantizeInto } from '../../../../src/nlu/classifier/sparse';

describe('quantizeInto', () => {
  it('keeps every value within half a step (max / 254) of the original', () => {
    const values = [0.31, -0.127, 0.0042, 0.5, -0.49];
    const out = new Int8Array(7);
    const scale = quantizeInto(values, 0, values.length, out, 2);
    values.forEach((value, d) => expect(Math.abs((out[2 + d] as number) * scale - value)).toBeLessThanOrEqual(0.5 / 254 + 1e-12));
  });

  it('maps the largest magnitude to ±127', () => {
    const out = new Int8Array(3);
    quantizeInto([0.2, -0.8, 0.4], 0, 3, out, 0);
    expect(out[1]).toBe(-127);
  });

  it('returns a zero scale for an all-zero row', () => {
    expect(quantizeInto([0, 0], 0, 2, new Int8Array(2), 0)).toBe(0);
  });
});
