/**
 * The linear model as used at classification time: for each feature, only the class weights
 * whose magnitude cleared the training threshold (feature-major sparse rows). Dropping the many
 * tiny weights a one-vs-rest SVM spreads over all classes barely moves the scores, and it makes
 * scoring a message a few thousand multiply-adds and the model a few MB.
 */
import type { BinarySvm } from './linearSvm';
import type { SparseRow } from './sparse';

export interface CompactLinearModel {
  classes: number;
  /** featureStart[f]..featureStart[f+1] index classIndex/weight for feature f. */
  featureStart: Int32Array;
  classIndex: Uint16Array;
  weight: Float32Array;
  intercepts: Float64Array;
}

export function compactLinearModel(perClass: readonly BinarySvm[], features: number): CompactLinearModel {
  const classes = perClass.length;
  const featureStart = new Int32Array(features + 1);
  for (const svm of perClass) {
    for (let k = 0; k < svm.features.length; k++) {
      const next = (svm.features[k] as number) + 1;
      featureStart[next] = (featureStart[next] as number) + 1;
    }
  }
  for (let f = 0; f < features; f++) featureStart[f + 1] = (featureStart[f + 1] as number) + (featureStart[f] as number);
  const total = featureStart[features] as number;
  const classIndex = new Uint16Array(total);
  const weight = new Float32Array(total);
  const fill = featureStart.slice(0, features);
  perClass.forEach((svm, c) => {
    for (let k = 0; k < svm.features.length; k++) {
      const f = svm.features[k] as number;
      const at = fill[f] as number;
      classIndex[at] = c;
      weight[at] = svm.weights[k] as number;
      fill[f] = at + 1;
    }
  });
  return { classes, featureStart, classIndex, weight, intercepts: Float64Array.from(perClass, (svm) => svm.intercept) };
}

/** Decision values for every class, written into `out` (length ≥ classes). */
export function scoreCompactInto(model: CompactLinearModel, indices: Int32Array, values: Float32Array, start: number, end: number, out: Float64Array): void {
  const { classes, featureStart, classIndex, weight, intercepts } = model;
  for (let c = 0; c < classes; c++) out[c] = intercepts[c] as number;
  for (let k = start; k < end; k++) {
    const f = indices[k] as number;
    const v = values[k] as number;
    const last = featureStart[f + 1] as number;
    for (let j = featureStart[f] as number; j < last; j++) {
      const c = classIndex[j] as number;
      out[c] = (out[c] as number) + v * (weight[j] as number);
    }
  }
}

export function scoreRowInto(model: CompactLinearModel, row: SparseRow, out: Float64Array): void {
  scoreCompactInto(model, row.indices, row.values, 0, row.length, out);
}
