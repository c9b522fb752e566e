import { fitCalibration, intentNll, probabilitiesInto } from '../../../../src/nlu/classifier/calibration';

describe('probabilitiesInto', () => {
  it('gives probabilities that sum to less than one because of the "none" outcome', () => {
    const out = new Float64Array(2);
    probabilitiesInto(Float64Array.of(1, 0), { temperature: 1, noneScore: 0 }, out);
    const e = Math.E;
    expect(out[0]).toBeCloseTo(e / (e + 2), 12);
    expect(out[1]).toBeCloseTo(1 / (e + 2), 12);
  });

  it('gives a low confidence when every intent scores below the "none" score', () => {
    const out = new Float64Array(3);
    probabilitiesInto(Float64Array.of(-1, -1.2, -1.5), { temperature: 0.1, noneScore: -0.3 }, out);
    expect(Math.max(...out)).toBeLessThan(0.01);
  });
});

describe('fitCalibration', () => {
  /** Scores whose top intent is right 4 times out of 5, with a margin of 1. */
  function heldOut(): { scores: Float64Array; labels: Int32Array; classes: number } {
    const rows = 100;
    const scores = new Float64Array(rows * 2);
    const labels = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      labels[i] = 0;
      scores[i * 2] = i % 5 === 0 ? 0 : 1;
      scores[i * 2 + 1] = i % 5 === 0 ? 1 : 0;
    }
    return { scores, labels, classes: 2 };
  }

  it('fits the temperature that minimises the held-out negative log-likelihood', () => {
    const held = heldOut();
    const fitted = fitCalibration(held, -10);
    // With the "none" outcome out of reach, p(top) = 1 / (1 + e^(-1/T)) should match the 80% hit rate.
    expect(fitted.temperature).toBeCloseTo(1 / Math.log(4), 2);
    for (const t of [fitted.temperature * 0.8, fitted.temperature * 1.25]) {
      expect(intentNll(held, { temperature: t, noneScore: -10 })).toBeGreaterThan(intentNll(held, fitted));
    }
  });
});
