/**
 * Turns decision values into probabilities.
 *
 * p(intent c) = exp(s_c / T) / (exp(b / T) + Σ_k exp(s_k / T))
 *
 * b is the score of an implicit "none of these" outcome, fixed in decision-value units (an SVM
 * scores +1 on its own side of the margin and −1 on the other), so that a message scoring low on
 * every intent gets a low confidence, which a softmax over intents alone (invariant to shifting
 * every score) cannot express. T (temperature) is fitted by minimising the negative
 * log-likelihood of the true intent on held-out scores (leave-one-out scores of the training
 * examples, see leaveOneOut.ts).
 */

export interface Calibration {
  temperature: number;
  noneScore: number;
}

export interface HeldOutScores {
  /** scores[i * classes + c] */
  scores: Float64Array;
  labels: Int32Array;
  classes: number;
}

/** Softmax with the "none" logit, written into `out` (which then sums to < 1). */
export function probabilitiesInto(scores: Float64Array, calibration: Calibration, out: Float64Array, offset = 0, classes = out.length): void {
  const inverseT = 1 / calibration.temperature;
  let max = calibration.noneScore;
  for (let c = 0; c < classes; c++) {
    const s = scores[offset + c] as number;
    if (s > max) max = s;
  }
  let sum = Math.exp((calibration.noneScore - max) * inverseT);
  for (let c = 0; c < classes; c++) {
    const e = Math.exp(((scores[offset + c] as number) - max) * inverseT);
    out[c] = e;
    sum += e;
  }
  const inverseSum = 1 / sum;
  for (let c = 0; c < classes; c++) out[c] = (out[c] as number) * inverseSum;
}

function minimizeScalar(f: (x: number) => number, lo: number, hi: number, steps: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < steps; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/** Mean negative log-likelihood of the true intents (with the "none" logit in the denominator). */
export function intentNll(held: HeldOutScores, calibration: Calibration): number {
  const { scores, labels, classes } = held;
  const inverseT = 1 / calibration.temperature;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const offset = i * classes;
    let max = calibration.noneScore;
    for (let c = 0; c < classes; c++) max = Math.max(max, scores[offset + c] as number);
    let sum = Math.exp((calibration.noneScore - max) * inverseT);
    for (let c = 0; c < classes; c++) sum += Math.exp(((scores[offset + c] as number) - max) * inverseT);
    total -= ((scores[offset + (labels[i] as number)] as number) - max) * inverseT - Math.log(sum);
  }
  return total / Math.max(1, labels.length);
}

/** The temperature (between 0.005 and 5) that minimises the held-out negative log-likelihood. */
export function fitCalibration(held: HeldOutScores, noneScore: number): Calibration {
  const logT = minimizeScalar((x) => intentNll(held, { temperature: Math.exp(x), noneScore }), Math.log(0.005), Math.log(5), 30);
  return { temperature: Math.exp(logT), noneScore };
}
