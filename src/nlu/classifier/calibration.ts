/**
 * Turns decision values into calibrated probabilities.
 *
 * p(intent c) = exp(s_c / T) / (exp(b / T) + Σ_k exp(s_k / T))
 *
 * T (temperature) is fitted by minimising the negative log-likelihood of the true intent on
 * held-out examples; b is the score of an implicit "none of these" outcome, fitted so that the
 * probability of the top intent matches how often the top intent is actually right on held-out
 * examples (so a message that scores low on every intent gets a low confidence, which a softmax
 * over intents alone — invariant to shifting every score — cannot express). In practice (CLINC150,
 * the default catalog) the fitted b ends at its lower bound, so it currently contributes ~nothing.
 */

export interface Calibration {
  temperature: number;
  noneScore: number;
}

export interface HeldOutScores {
  /** scores[i * classes + c] */
  scores: Float32Array | Float64Array;
  labels: Int32Array;
  classes: number;
}

/** Softmax with the "none" logit, written into `out`; returns nothing (out sums to ≤ 1). */
export function probabilitiesInto(scores: Float32Array | Float64Array, calibration: Calibration, out: Float64Array, offset = 0, classes = out.length): void {
  const t = calibration.temperature;
  let max = calibration.noneScore;
  for (let c = 0; c < classes; c++) max = Math.max(max, scores[offset + c] as number);
  let sum = Math.exp((calibration.noneScore - max) / t);
  for (let c = 0; c < classes; c++) {
    const e = Math.exp(((scores[offset + c] as number) - max) / t);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < classes; c++) out[c] = (out[c] as number) / sum;
}

function minimizeScalar(f: (x: number) => number, lo: number, hi: number, steps = 60): number {
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

function intentNll(held: HeldOutScores, temperature: number): number {
  const { scores, labels, classes } = held;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const offset = i * classes;
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, scores[offset + c] as number);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += Math.exp(((scores[offset + c] as number) - max) / temperature);
    total -= ((scores[offset + (labels[i] as number)] as number) - max) / temperature - Math.log(sum);
  }
  return total / labels.length;
}

function topCorrectnessLoss(held: HeldOutScores, calibration: Calibration): number {
  const { scores, labels, classes } = held;
  const probabilities = new Float64Array(classes);
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    probabilitiesInto(scores, calibration, probabilities, i * classes, classes);
    let best = 0;
    for (let c = 1; c < classes; c++) if ((probabilities[c] as number) > (probabilities[best] as number)) best = c;
    const p = Math.min(Math.max(probabilities[best] as number, 1e-9), 1 - 1e-9);
    total -= best === labels[i] ? Math.log(p) : Math.log(1 - p);
  }
  return total / labels.length;
}

export function fitCalibration(held: HeldOutScores): Calibration {
  const logT = minimizeScalar((x) => intentNll(held, Math.exp(x)), Math.log(0.005), Math.log(5));
  const temperature = Math.exp(logT);
  const noneScore = minimizeScalar((b) => topCorrectnessLoss(held, { temperature, noneScore: b }), -3, 3, 40);
  return { temperature, noneScore };
}
