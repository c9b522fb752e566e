/**
 * The intent classifier: TF-IDF over word n-grams and word-bounded character n-grams, a
 * one-vs-rest linear SVM, and probabilities calibrated (temperature-scaled softmax) on an internal
 * held-out split. Hyper-parameters were tuned on CLINC150's validation split only.
 *
 *   const classifier = trainClassifier(examples, { outOfScopeThreshold: 0.5 });
 *   classifier.classify('where is my order'); // { intent, top, confidence, runnerUp, outOfScope }
 *
 * Deterministic: the same examples and options always give the same model and outputs.
 */
import { BatonError } from '../../errors';
import type { Classification, IntentClassifier, ScoredIntent, TrainingExample } from '../types';
import { Calibration, fitCalibration, probabilitiesInto } from './calibration';
import { DEFAULT_FEATURE_SETTINGS } from './extractFeatures';
import { CompactLinearModel, compactLinearModel, scoreCompactInto } from './compactModel';
import { SvmSettings, trainOneVsRestSvm } from './linearSvm';
import { normalizeText } from './normalizeText';
import { createRandom, shuffleInPlace } from './prng';
import { stackRows } from './sparse';
import { fitVectorizer, Vectorizer, VectorizerSettings } from './vectorizer';

export { normalizeText } from './normalizeText';

export interface ClassifierOptions {
  /** Below this confidence a message is out of scope (intent = null). Default 0.5. */
  outOfScopeThreshold?: number;
}

export const DEFAULT_OUT_OF_SCOPE_THRESHOLD = 0.5;
/** Longer messages are truncated before featurisation (bounds the classification time). */
export const MAX_TEXT_LENGTH = 2000;

export const VECTORIZER_SETTINGS: VectorizerSettings = {
  ...DEFAULT_FEATURE_SETTINGS,
  wordViewWeight: 0.6,
  minDocumentFrequency: 2,
  minCharGram: 2,
  maxCharGram: 4,
};

export const SVM_SETTINGS: SvmSettings = { C: 2, bias: 1, tolerance: 0.1, maxIterations: 100, seed: 17, initialNegatives: 1500 };

/** Used when there are too few examples to calibrate on held-out data. */
export const DEFAULT_CALIBRATION: Calibration = { temperature: 0.1, noneScore: -0.3 };
const MIN_CALIBRATION_EXAMPLES = 20;
const CALIBRATION_FRACTION = 0.2;
const SPLIT_SEED = 4242;
/** Smaller class weights are dropped from the classification-time model. */
export const MIN_WEIGHT = 0.02;

interface Model {
  intents: string[];
  vectorizer: Vectorizer;
  linear: CompactLinearModel;
}

function fitModel(examples: TrainingExample[], intents: string[]): Model {
  const intentIndex = new Map(intents.map((intent, i) => [intent, i]));
  const { vectorizer, vectors } = fitVectorizer(
    examples.map((e) => normalizeText(e.text.slice(0, MAX_TEXT_LENGTH))),
    VECTORIZER_SETTINGS,
  );
  const labels = Int32Array.from(examples.map((e) => intentIndex.get(e.intent) as number));
  const trained = trainOneVsRestSvm(stackRows(vectors, vectorizer.size), labels, intents.length, SVM_SETTINGS);
  return { intents, vectorizer, linear: compactLinearModel(trained, MIN_WEIGHT) };
}

function scoreText(model: Model, text: string, out: Float64Array): number {
  const vector = model.vectorizer.transform(normalizeText(text.slice(0, MAX_TEXT_LENGTH)));
  scoreCompactInto(model.linear, vector, out);
  return vector.indices.length;
}

/** Splits off a stratified fraction of each intent's examples (keeping at least two for training). */
function splitForCalibration(examples: TrainingExample[]): { train: TrainingExample[]; heldOut: TrainingExample[] } {
  const byIntent = new Map<string, TrainingExample[]>();
  for (const example of examples) {
    const list = byIntent.get(example.intent) ?? [];
    list.push(example);
    byIntent.set(example.intent, list);
  }
  const random = createRandom(SPLIT_SEED);
  const train: TrainingExample[] = [];
  const heldOut: TrainingExample[] = [];
  for (const intent of [...byIntent.keys()].sort()) {
    const shuffled = [...(byIntent.get(intent) ?? [])];
    shuffleInPlace(shuffled, random);
    const take = shuffled.length >= 3 ? Math.max(1, Math.round(shuffled.length * CALIBRATION_FRACTION)) : 0;
    heldOut.push(...shuffled.slice(0, take));
    train.push(...shuffled.slice(take));
  }
  return { train, heldOut };
}

/**
 * Fits the temperature on a held-out fifth of the examples, scored by a model trained on the
 * other four fifths (the final model is then trained on everything).
 */
function calibrate(examples: TrainingExample[], intents: string[]): Calibration {
  const { train, heldOut } = splitForCalibration(examples);
  if (heldOut.length < MIN_CALIBRATION_EXAMPLES || intents.length < 2) return DEFAULT_CALIBRATION;
  const model = fitModel(train, intents);
  const classes = intents.length;
  const scores = new Float64Array(heldOut.length * classes);
  const row = new Float64Array(classes);
  heldOut.forEach((example, i) => {
    scoreText(model, example.text, row);
    scores.set(row, i * classes);
  });
  const intentIndex = new Map(intents.map((intent, i) => [intent, i]));
  const labels = Int32Array.from(heldOut.map((e) => intentIndex.get(e.intent) as number));
  return fitCalibration({ scores, labels, classes });
}

export class TrainedClassifier implements IntentClassifier {
  readonly intents: readonly string[];
  private readonly scores: Float64Array;
  private readonly probabilities: Float64Array;

  constructor(
    private readonly model: Model,
    readonly calibration: Calibration,
    readonly outOfScopeThreshold: number,
  ) {
    this.intents = model.intents;
    this.scores = new Float64Array(model.intents.length);
    this.probabilities = new Float64Array(model.intents.length);
  }

  /** The same model with another out-of-scope threshold. */
  withThreshold(threshold: number): TrainedClassifier {
    return new TrainedClassifier(this.model, this.calibration, threshold);
  }

  /** Calibrated probability per intent, highest first (they sum to at most 1). */
  topK(text: string, k: number): ScoredIntent[] {
    this.computeProbabilities(text);
    const order = [...this.intents.keys()].sort((a, b) => (this.probabilities[b] as number) - (this.probabilities[a] as number) || a - b);
    return order.slice(0, Math.max(0, k)).map((i) => ({ intent: this.intents[i] as string, confidence: this.probabilities[i] as number }));
  }

  classify(text: string): Classification {
    const knownFeatures = this.computeProbabilities(text);
    const p = this.probabilities;
    let best = 0;
    let second = -1;
    for (let c = 1; c < p.length; c++) {
      if ((p[c] as number) > (p[best] as number)) {
        second = best;
        best = c;
      } else if (second < 0 || (p[c] as number) > (p[second] as number)) {
        second = c;
      }
    }
    const confidence = p[best] as number;
    const outOfScope = knownFeatures === 0 || confidence < this.outOfScopeThreshold;
    const top = this.intents[best] as string;
    return {
      intent: outOfScope ? null : top,
      top,
      confidence,
      runnerUp: second >= 0 ? { intent: this.intents[second] as string, confidence: p[second] as number } : null,
      outOfScope,
    };
  }

  private computeProbabilities(text: string): number {
    const known = scoreText(this.model, text, this.scores);
    probabilitiesInto(this.scores, this.calibration, this.probabilities);
    return known;
  }
}

export function trainClassifier(examples: TrainingExample[], options: ClassifierOptions = {}): TrainedClassifier {
  const intents = [...new Set(examples.map((e) => e.intent))].sort();
  if (intents.length === 0) throw new BatonError('CATALOG_INVALID', 'The classifier needs at least one training example');
  const calibration = calibrate(examples, intents);
  const model = fitModel(examples, intents);
  return new TrainedClassifier(model, calibration, options.outOfScopeThreshold ?? DEFAULT_OUT_OF_SCOPE_THRESHOLD);
}
