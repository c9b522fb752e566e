/**
 * The linear model as used at classification time: for each feature, only the class weights
 * whose magnitude clears a threshold (feature-major sparse rows). Dropping the many tiny weights
 * a one-vs-rest SVM spreads over all classes barely moves the scores, and it makes scoring a
 * message a few thousand multiply-adds and the model a few MB.
 */
import type { LinearModel } from './linearSvm';
import type { SparseVector } from './sparse';

export interface CompactLinearModel {
  classes: number;
  /** featureStart[f]..featureStart[f+1] index classIndex/weight for feature f. */
  featureStart: Int32Array;
  classIndex: Uint16Array;
  weight: Float32Array;
  intercepts: Float32Array;
}

export function compactLinearModel(model: LinearModel, minWeight: number): CompactLinearModel {
  const { classes, features, weights } = model;
  let kept = 0;
  for (let k = 0; k < weights.length; k++) if (Math.abs(weights[k] as number) >= minWeight) kept++;
  const featureStart = new Int32Array(features + 1);
  const classIndex = new Uint16Array(kept);
  const weight = new Float32Array(kept);
  let at = 0;
  for (let f = 0; f < features; f++) {
    featureStart[f] = at;
    for (let c = 0; c < classes; c++) {
      const value = weights[f * classes + c] as number;
      if (Math.abs(value) >= minWeight) {
        classIndex[at] = c;
        weight[at] = value;
        at++;
      }
    }
  }
  featureStart[features] = at;
  return { classes, featureStart, classIndex, weight, intercepts: Float32Array.from(model.intercepts) };
}

/** Decision values for every class, written into `out` (length = classes). */
export function scoreCompactInto(model: CompactLinearModel, vector: SparseVector, out: Float64Array): void {
  const { classes, featureStart, classIndex, weight, intercepts } = model;
  for (let c = 0; c < classes; c++) out[c] = intercepts[c] as number;
  const { indices, values } = vector;
  for (let k = 0; k < indices.length; k++) {
    const f = indices[k] as number;
    const v = values[k] as number;
    const end = featureStart[f + 1] as number;
    for (let j = featureStart[f] as number; j < end; j++) {
      const c = classIndex[j] as number;
      out[c] = (out[c] as number) + v * (weight[j] as number);
    }
  }
}
