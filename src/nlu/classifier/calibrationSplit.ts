/**
 * Which training examples are held out (until scored) for calibration: a seeded, stratified
 * fraction of each intent's examples, never leaving an intent with fewer than two for training.
 */
import { createRandom, shuffleInPlace } from './prng';

/** Held-out rows, ascending. */
export function chooseCalibrationRows(labels: Int32Array, classes: number, fraction: number, seed: number): Int32Array {
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((label, row) => byClass[label]?.push(row));
  const random = createRandom(seed);
  const chosen: number[] = [];
  for (const rows of byClass) {
    if (rows.length < 3) continue;
    shuffleInPlace(rows, random);
    const take = Math.min(rows.length - 2, Math.max(1, Math.round(rows.length * fraction)));
    for (let k = 0; k < take; k++) chosen.push(rows[k] as number);
  }
  return Int32Array.from(chosen).sort();
}
