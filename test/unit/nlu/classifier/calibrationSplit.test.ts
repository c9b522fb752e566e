import { chooseCalibrationRows } from '../../../../src/nlu/classifier/calibrationSplit';

describe('chooseCalibrationRows', () => {
  const labels = Int32Array.from({ length: 300 }, (_, i) => i % 3);

  it('holds out the requested fraction of each intent', () => {
    const rows = chooseCalibrationRows(labels, 3, 0.1, 1);
    const perIntent = [0, 1, 2].map((intent) => [...rows].filter((row) => labels[row] === intent).length);
    expect(perIntent).toEqual([10, 10, 10]);
  });

  it('returns ascending rows and the same rows for the same seed', () => {
    const rows = chooseCalibrationRows(labels, 3, 0.1, 7);
    expect([...rows]).toEqual([...rows].sort((a, b) => a - b));
    expect(chooseCalibrationRows(labels, 3, 0.1, 7)).toEqual(rows);
    expect(chooseCalibrationRows(labels, 3, 0.1, 8)).not.toEqual(rows);
  });

  it('leaves at least two examples of every intent for training', () => {
    const few = Int32Array.of(0, 0, 0, 1, 1);
    const rows = chooseCalibrationRows(few, 2, 0.9, 1);
    expect([...rows].filter((row) => few[row] === 0)).toHaveLength(1);
    expect([...rows].filter((row) => few[row] === 1)).toHaveLength(0);
  });
});
