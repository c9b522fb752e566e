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
  /**
   * The dense features (the word vector part, from denseStart on) once more, class-major and
   * with zeros where the sparse rows drop a weight: dense[c * denseColumns + d] weighs feature
   * denseStart + d for class c. Most classes weigh every dimension, so a message's word vector is
   * scored as one dot product per class instead of a scatter over the classes of each dimension.
   */
  denseStart: number;
  denseColumns: number;
  dense: Float32Array;
}

export function compactLinearModel(perClass: readonly BinarySvm[], features: number, denseStart = features): CompactLinearModel {
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
  const denseColumns = features - denseStart;
  const dense = new Float32Array(classes * denseColumns);
  for (let d = 0; d < denseColumns; d++) {
    for (let j = featureStart[denseStart + d] as number; j < (featureStart[denseStart + d + 1] as number); j++) {
      dense[(classIndex[j] as number) * denseColumns + d] = weight[j] as number;
    }
  }
  return { classes, featureStart, classIndex, weight, intercepts: Float64Array.from(perClass, (svm) => svm.intercept), denseStart, denseColumns, dense };
}

/**
 * Decision values for every class, written into `out` (length ≥ classes). Entries of dense
 * features that come after all the others (as the vectoriser writes a message's word vector) are
 * scored class by class: each class still adds the same products in the same order (a dropped
 * weight adds a zero), so the values are those of the feature-by-feature scatter.
 */
export function scoreCompactInto(model: CompactLinearModel, indices: Int32Array, values: Float32Array, start: number, end: number, out: Float64Array): void {
  const { classes, featureStart, classIndex, weight, intercepts, denseStart, denseColumns, dense } = model;
  for (let c = 0; c < classes; c++) out[c] = intercepts[c] as number;
  let k = start;
  for (; k < end; k++) {
    const f = indices[k] as number;
    if (f >= denseStart) break;
    const v = values[k] as number;
    const last = featureStart[f + 1] as number;
    for (let j = featureStart[f] as number; j < last; j++) {
      const c = classIndex[j] as number;
      out[c] = (out[c] as number) + v * (weight[j] as number);
    }
  }
  if (k === end) return;
  for (let rest = k; rest < end; rest++) {
    if ((indices[rest] as number) < denseStart) {
      scatter(model, indices, values, k, end, out);
      return;
    }
  }
  if (isWholeDensePart(indices, k, end, denseStart, denseColumns)) {
    scoreDenseInto(model, values, k, out);
    return;
  }
  for (let c = 0; c < classes; c++) {
    const row = c * denseColumns - denseStart;
    let sum = out[c] as number;
    for (let j = k; j < end; j++) sum += (values[j] as number) * (dense[row + (indices[j] as number)] as number);
    out[c] = sum;
  }
}

/** Whether indices[from, end) are denseStart, denseStart + 1, … up to the last dense column. */
function isWholeDensePart(indices: Int32Array, from: number, end: number, denseStart: number, denseColumns: number): boolean {
  if (end - from !== denseColumns) return false;
  for (let j = from; j < end; j++) if (indices[j] !== denseStart + j - from) return false;
  return true;
}

/**
 * Adds the whole dense part, values[from, from + denseColumns), to `out`: four classes at a time,
 * each with its own running sum (same order of additions as one class at a time, but four sums
 * in flight instead of one waiting on the last addition).
 */
function scoreDenseInto(model: CompactLinearModel, values: Float32Array, from: number, out: Float64Array): void {
  const { classes, denseColumns: n, dense } = model;
  let c = 0;
  for (; c + 4 <= classes; c += 4) {
    const r0 = c * n - from;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let s0 = out[c] as number;
    let s1 = out[c + 1] as number;
    let s2 = out[c + 2] as number;
    let s3 = out[c + 3] as number;
    for (let j = from; j < from + n; j++) {
      const v = values[j] as number;
      s0 += v * (dense[r0 + j] as number);
      s1 += v * (dense[r1 + j] as number);
      s2 += v * (dense[r2 + j] as number);
      s3 += v * (dense[r3 + j] as number);
    }
    out[c] = s0;
    out[c + 1] = s1;
    out[c + 2] = s2;
    out[c + 3] = s3;
  }
  for (; c < classes; c++) {
    const row = c * n - from;
    let sum = out[c] as number;
    for (let j = from; j < from + n; j++) sum += (values[j] as number) * (dense[row + j] as number);
    out[c] = sum;
  }
}

/** Adds the entries [start, end) to `out`, feature by feature. */
function scatter(model: CompactLinearModel, indices: Int32Array, values: Float32Array, start: number, end: number, out: Float64Array): void {
  const { featureStart, classIndex, weight } = model;
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
