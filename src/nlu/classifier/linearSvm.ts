/**
 * One-vs-rest linear SVM (L2-regularised, squared hinge loss) trained by dual coordinate descent
 * with shrinking, as in LIBLINEAR (Hsieh et al. 2008, solver "L2R_L2LOSS_SVC_DUAL").
 * The result is stored feature-major (for each feature, one float per class) so that scoring a
 * message costs one short vector add per non-zero feature.
 */
import { createRandom } from './prng';
import { SparseMatrix } from './sparse';

export interface SvmSettings {
  /** Inverse regularisation strength. */
  C: number;
  /** Value of the constant bias feature (LIBLINEAR's -B). */
  bias: number;
  /** Stopping tolerance on the projected gradient. */
  tolerance: number;
  maxIterations: number;
  seed: number;
  /** Expected number of negatives in the initial working set of each binary problem. */
  initialNegatives: number;
}

export interface LinearModel {
  classes: number;
  features: number;
  /** weights[f * classes + c] */
  weights: Float32Array;
  /** Per-class intercept (bias weight × bias value). */
  intercepts: Float32Array;
}

function dotRow(x: SparseMatrix, i: number, w: Float64Array): number {
  const { rowStart, indices, values } = x;
  let dot = 0;
  for (let k = rowStart[i] as number; k < (rowStart[i + 1] as number); k++) dot += (w[indices[k] as number] as number) * (values[k] as number);
  return dot;
}

/**
 * Dual coordinate descent with shrinking over the examples in `set` only (α of the others is 0).
 * `alpha`, `w` and the returned bias weight carry over between calls (warm start).
 */
function solveOnWorkingSet(
  x: SparseMatrix,
  positive: Uint8Array,
  set: Int32Array,
  alpha: Float64Array,
  qd: Float64Array,
  w: Float64Array,
  wBiasStart: number,
  settings: SvmSettings,
  random: () => number,
): number {
  const { rowStart, indices, values } = x;
  const diag = 0.5 / settings.C;
  const n = set.length;
  const order = Int32Array.from(set);
  let wBias = wBiasStart;
  let activeSize = n;
  let pgMaxOld = Infinity;
  let pgMinOld = -Infinity;
  for (let iteration = 0; iteration < settings.maxIterations; iteration++) {
    let pgMaxNew = -Infinity;
    let pgMinNew = Infinity;
    for (let s = 0; s < activeSize; s++) {
      const j = s + Math.floor(random() * (activeSize - s));
      const tmp = order[s] as number;
      order[s] = order[j] as number;
      order[j] = tmp;
    }
    for (let s = 0; s < activeSize; s++) {
      const i = order[s] as number;
      const y = positive[i] === 1 ? 1 : -1;
      const a = alpha[i] as number;
      const g = y * (dotRow(x, i, w) + wBias * settings.bias) - 1 + diag * a;
      let pg = 0;
      if (a === 0) {
        if (g > pgMaxOld) {
          activeSize--;
          order[s] = order[activeSize] as number;
          order[activeSize] = i;
          s--;
          continue;
        }
        if (g < 0) pg = g;
      } else {
        pg = g;
      }
      if (pg > pgMaxNew) pgMaxNew = pg;
      if (pg < pgMinNew) pgMinNew = pg;
      if (Math.abs(pg) > 1e-12) {
        const next = Math.max(a - g / (qd[i] as number), 0);
        alpha[i] = next;
        const d = (next - a) * y;
        for (let k = rowStart[i] as number; k < (rowStart[i + 1] as number); k++) {
          const f = indices[k] as number;
          w[f] = (w[f] as number) + d * (values[k] as number);
        }
        wBias += d * settings.bias;
      }
    }
    if (pgMaxNew - pgMinNew <= settings.tolerance) {
      if (activeSize === n) break;
      activeSize = n;
      pgMaxOld = Infinity;
      pgMinOld = -Infinity;
      continue;
    }
    pgMaxOld = pgMaxNew <= 0 ? Infinity : pgMaxNew;
    pgMinOld = pgMinNew >= 0 ? -Infinity : pgMinNew;
  }
  return wBias;
}

/**
 * One binary problem. Most negatives of a one-vs-rest problem are far from the margin, so it is
 * solved first on a working set (the positives and a sample of negatives); one pass over all
 * examples then adds every example that violates the margin, and the problem is solved again
 * (warm-started).
 */
function trainBinary(
  x: SparseMatrix,
  positive: Uint8Array,
  settings: SvmSettings,
  w: Float64Array,
): number {
  const { rowStart, values } = x;
  const l = x.rows;
  const diag = 0.5 / settings.C;
  const b2 = settings.bias * settings.bias;
  const alpha = new Float64Array(l);
  const qd = new Float64Array(l);
  for (let i = 0; i < l; i++) {
    let sq = b2;
    for (let k = rowStart[i] as number; k < (rowStart[i + 1] as number); k++) sq += (values[k] as number) ** 2;
    qd[i] = sq + diag;
  }
  w.fill(0);
  const random = createRandom(settings.seed);
  const inSet = new Uint8Array(l);
  const keep = Math.min(1, settings.initialNegatives / Math.max(1, l));
  const set: number[] = [];
  for (let i = 0; i < l; i++) {
    if (positive[i] === 1 || random() < keep) {
      set.push(i);
      inSet[i] = 1;
    }
  }
  let wBias = solveOnWorkingSet(x, positive, Int32Array.from(set), alpha, qd, w, 0, settings, random);
  let added = 0;
  for (let i = 0; i < l; i++) {
    if (inSet[i] === 1) continue;
    const dot = dotRow(x, i, w) + wBias * settings.bias;
    if ((positive[i] === 1 ? dot : -dot) < 1 - settings.tolerance) {
      set.push(i);
      inSet[i] = 1;
      added++;
    }
  }
  if (added > 0) {
    wBias = solveOnWorkingSet(x, positive, Int32Array.from(set), alpha, qd, w, wBias, settings, random);
  }
  return wBias * settings.bias;
}

export function trainOneVsRestSvm(x: SparseMatrix, labels: Int32Array, classes: number, settings: SvmSettings): LinearModel {
  const weights = new Float32Array(x.columns * classes);
  const intercepts = new Float32Array(classes);
  const w = new Float64Array(x.columns);
  const positive = new Uint8Array(x.rows);
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < x.rows; i++) positive[i] = labels[i] === c ? 1 : 0;
    intercepts[c] = trainBinary(x, positive, { ...settings, seed: settings.seed + c }, w);
    for (let f = 0; f < x.columns; f++) weights[f * classes + c] = w[f] as number;
  }
  return { classes, features: x.columns, weights, intercepts };
}
