/**
 * One-vs-rest linear SVMs (L2-regularised, squared hinge loss) trained by dual coordinate descent
 * with shrinking, as in LIBLINEAR (Hsieh et al. 2008, solver "L2R_L2LOSS_SVC_DUAL").
 *
 * Most negatives of a one-vs-rest problem are far from the margin, so each binary problem is
 * solved first on a working set (its positives and a seeded sample of negatives); one pass over
 * all examples then adds every example that violates the margin, and the problem is solved again
 * (warm-started). Scratch arrays are shared by all classes; each class's weights are kept only
 * above `minWeight` (sparse).
 *
 * Held-out scores for calibration come almost for free: the examples marked `heldOut` are left
 * out until the problem has been solved without them, scored by that model, and then added to the
 * working set for a last warm-started solve (so the final model is trained on every example).
 */
import { createRandom, Random } from './prng';
import { SparseMatrix } from './sparse';

export interface SvmSettings {
  /** Inverse regularisation strength. */
  C: number;
  /** Value of the constant bias feature (LIBLINEAR's -B). */
  bias: number;
  /** Stopping tolerance on the projected gradient. */
  tolerance: number;
  /** Maximum passes over the working set per solve. */
  maxIterations: number;
  seed: number;
  /** Expected number of negatives in the initial working set of each binary problem. */
  initialNegatives: number;
  /** Smaller weights are dropped from the trained model. */
  minWeight: number;
}

/** One class's trained binary SVM. */
export interface BinarySvm {
  /** Features with |weight| ≥ minWeight, ascending, and their weights. */
  features: Int32Array;
  weights: Float32Array;
  intercept: number;
}

export interface OneVsRestSvm {
  classes: BinarySvm[];
  /** Rows left out of training until scored (ascending). */
  heldOutRows: Int32Array;
  /** heldOutScores[h * classes + c]: score of class c for heldOutRows[h] by a model trained without the held-out rows. */
  heldOutScores: Float64Array;
}

interface Scratch {
  x: SparseMatrix;
  settings: SvmSettings;
  /** Q̄_ii = ‖x_i‖² + bias² + 1/(2C). */
  qd: Float64Array;
  alpha: Float64Array;
  w: Float32Array;
  positive: Uint8Array;
  /** 1 = in the working set; 2 = held out (kept out of the working set until scored). */
  inSet: Uint8Array;
  heldOutRows: Int32Array;
  heldOutScores: Float64Array;
  classes: number;
  set: Int32Array;
  order: Int32Array;
  random: Random;
}

/**
 * Dual coordinate descent with shrinking over set[0..setSize) only (α of the others is 0).
 * `alpha` and `w` carry over between calls (warm start); returns the new bias weight.
 */
function solveOnWorkingSet(s: Scratch, setSize: number, wBiasStart: number): number {
  const { x, settings, qd, alpha, w, positive, set, order, random } = s;
  const { rowStart, indices, values, dense, denseScale, denseStart, denseColumns } = x;
  const bias = settings.bias;
  const diag = 0.5 / settings.C;
  for (let k = 0; k < setSize; k++) order[k] = set[k] as number;
  let wBias = wBiasStart;
  let activeSize = setSize;
  let pgMaxOld = Infinity;
  for (let iteration = 0; iteration < settings.maxIterations; iteration++) {
    let pgMaxNew = -Infinity;
    let pgMinNew = Infinity;
    for (let k = 0; k < activeSize; k++) {
      const j = k + Math.floor(random() * (activeSize - k));
      const tmp = order[k] as number;
      order[k] = order[j] as number;
      order[j] = tmp;
    }
    for (let k = 0; k < activeSize; k++) {
      const i = order[k] as number;
      const y = positive[i] === 1 ? 1 : -1;
      const a = alpha[i] as number;
      const end = rowStart[i + 1] as number;
      const begin = rowStart[i] as number;
      let dot = wBias * bias;
      for (let p = begin; p < end; p++) dot += (w[indices[p] as number] as number) * (values[p] as number);
      const denseAt = i * denseColumns;
      const rowScale = denseScale[i] as number;
      if (rowScale !== 0) dot += rowScale * denseDot(w, denseStart, dense, denseAt, denseColumns);
      const g = y * dot - 1 + diag * a;
      let pg = g;
      if (a === 0) {
        if (g > pgMaxOld) {
          activeSize--;
          order[k] = order[activeSize] as number;
          order[activeSize] = i;
          k--;
          continue;
        }
        if (g > 0) pg = 0;
      }
      if (pg > pgMaxNew) pgMaxNew = pg;
      if (pg < pgMinNew) pgMinNew = pg;
      if (pg > 1e-12 || pg < -1e-12) {
        const next = Math.max(a - g / (qd[i] as number), 0);
        alpha[i] = next;
        const d = (next - a) * y;
        for (let p = begin; p < end; p++) {
          const f = indices[p] as number;
          w[f] = (w[f] as number) + d * (values[p] as number);
        }
        if (rowScale !== 0) denseAdd(w, denseStart, dense, denseAt, denseColumns, d * rowScale);
        wBias += d * bias;
      }
    }
    if (pgMaxNew - pgMinNew <= settings.tolerance) {
      if (activeSize === setSize) break;
      activeSize = setSize;
      pgMaxOld = Infinity;
      continue;
    }
    pgMaxOld = pgMaxNew <= 0 ? Infinity : pgMaxNew;
  }
  return wBias;
}

/** Σ w[wAt + d] · x[xAt + d] for d < n, four at a time. */
function denseDot(w: Float32Array, wAt: number, x: Int8Array, xAt: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < n; d += 4) {
    s0 += (w[wAt + d] as number) * (x[xAt + d] as number);
    s1 += (w[wAt + d + 1] as number) * (x[xAt + d + 1] as number);
    s2 += (w[wAt + d + 2] as number) * (x[xAt + d + 2] as number);
    s3 += (w[wAt + d + 3] as number) * (x[xAt + d + 3] as number);
  }
  for (; d < n; d++) s0 += (w[wAt + d] as number) * (x[xAt + d] as number);
  return s0 + s1 + (s2 + s3);
}

/** w[wAt + d] += scale · x[xAt + d] for d < n. */
function denseAdd(w: Float32Array, wAt: number, x: Int8Array, xAt: number, n: number, scale: number): void {
  for (let d = 0; d < n; d++) w[wAt + d] = (w[wAt + d] as number) + scale * (x[xAt + d] as number);
}

function dot(x: SparseMatrix, i: number, w: Float32Array, biasTerm: number): number {
  const { rowStart, indices, values, dense, denseScale, denseStart, denseColumns } = x;
  let sum = biasTerm;
  const end = rowStart[i + 1] as number;
  for (let p = rowStart[i] as number; p < end; p++) sum += (w[indices[p] as number] as number) * (values[p] as number);
  const rowScale = denseScale[i] as number;
  return rowScale === 0 ? sum : sum + rowScale * denseDot(w, denseStart, dense, i * denseColumns, denseColumns);
}

/** Adds to the working set every example of `rows` not yet in it that violates the margin; returns the new set size. */
function addViolators(s: Scratch, setSize: number, wBias: number, from: number, to: number, rows: Int32Array | null, state: number): number {
  const { x, settings, positive, inSet, set, w } = s;
  const biasTerm = wBias * settings.bias;
  const margin = 1 - settings.tolerance;
  for (let k = from; k < to; k++) {
    const i = rows === null ? k : (rows[k] as number);
    if (inSet[i] !== state) continue;
    const score = dot(x, i, w, biasTerm);
    if ((positive[i] === 1 ? score : -score) < margin) {
      set[setSize++] = i;
      inSet[i] = 1;
    }
  }
  return setSize;
}

function trainBinary(s: Scratch, labels: Int32Array, c: number): BinarySvm {
  const { x, settings, alpha, w, positive, inSet, set, heldOutRows, heldOutScores, classes } = s;
  const l = x.rows;
  const bias = settings.bias;
  for (let i = 0; i < l; i++) positive[i] = labels[i] === c ? 1 : 0;
  w.fill(0);
  const keep = Math.min(1, settings.initialNegatives / Math.max(1, l));
  let setSize = 0;
  for (let i = 0; i < l; i++) {
    if (inSet[i] === 2) continue;
    if (positive[i] === 1 || s.random() < keep) {
      set[setSize++] = i;
      inSet[i] = 1;
    }
  }
  let wBias = solveOnWorkingSet(s, setSize, 0);
  let before = setSize;
  setSize = addViolators(s, setSize, wBias, 0, l, null, 0);
  if (setSize > before) wBias = solveOnWorkingSet(s, setSize, wBias);
  if (heldOutRows.length > 0) {
    for (let h = 0; h < heldOutRows.length; h++) heldOutScores[h * classes + c] = dot(x, heldOutRows[h] as number, w, wBias * bias);
    before = setSize;
    setSize = addViolators(s, setSize, wBias, 0, heldOutRows.length, heldOutRows, 2);
    if (setSize > before) wBias = solveOnWorkingSet(s, setSize, wBias);
  }
  for (let k = 0; k < setSize; k++) {
    const i = set[k] as number;
    alpha[i] = 0;
    inSet[i] = 0;
  }
  for (let h = 0; h < heldOutRows.length; h++) inSet[heldOutRows[h] as number] = 2;

  let kept = 0;
  for (let f = 0; f < w.length; f++) if (Math.abs(w[f] as number) >= settings.minWeight) kept++;
  const features = new Int32Array(kept);
  const weights = new Float32Array(kept);
  kept = 0;
  for (let f = 0; f < w.length; f++) {
    const value = w[f] as number;
    if (Math.abs(value) >= settings.minWeight) {
      features[kept] = f;
      weights[kept++] = value;
    }
  }
  return { features, weights, intercept: wBias * bias };
}

/** Trains one binary SVM per class; `heldOut` (ascending rows) are scored by the models trained without them. */
export function trainOneVsRestSvm(x: SparseMatrix, labels: Int32Array, classes: number, settings: SvmSettings, heldOut: Int32Array = new Int32Array(0)): OneVsRestSvm {
  const l = x.rows;
  const qd = new Float64Array(l);
  for (let i = 0; i < l; i++) {
    let sq = settings.bias * settings.bias;
    for (let p = x.rowStart[i] as number; p < (x.rowStart[i + 1] as number); p++) sq += (x.values[p] as number) ** 2;
    for (let d = i * x.denseColumns; d < (i + 1) * x.denseColumns; d++) sq += ((x.dense[d] as number) * (x.denseScale[i] as number)) ** 2;
    qd[i] = sq + 0.5 / settings.C;
  }
  const inSet = new Uint8Array(l);
  for (let h = 0; h < heldOut.length; h++) inSet[heldOut[h] as number] = 2;
  const heldOutScores = new Float64Array(heldOut.length * classes);
  const scratch: Scratch = {
    x,
    settings,
    qd,
    alpha: new Float64Array(l),
    w: new Float32Array(x.columns),
    positive: new Uint8Array(l),
    inSet,
    heldOutRows: heldOut,
    heldOutScores,
    classes,
    set: new Int32Array(l),
    order: new Int32Array(l),
    random: createRandom(settings.seed),
  };
  const trained: BinarySvm[] = [];
  for (let c = 0; c < classes; c++) trained.push(trainBinary(scratch, labels, c));
  return { classes: trained, heldOutRows: heldOut, heldOutScores };
}
