/**
 * CLINC150 (Larson et al. 2019, "data_full" variant) loading and the measurements reported by
 * `npm run bench:nlu`: accuracy, threshold choice on val, and timing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { IntentClassifier, TrainingExample } from '../../src/nlu/types';

function isPairList(value: unknown): value is [string, string][] {
  return Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string');
}

/**
 * A list of [text, label] pairs, checked in place: z.array(z.tuple(…)) would copy all 23,700
 * pairs, and the copies would sit in the benchmark's peak memory next to the classifier's.
 */
const PairList = z.custom<[string, string][]>(isPairList, 'a list of [text, label] pairs');
const ClincFile = z.object({
  train: PairList,
  val: PairList,
  test: PairList,
  oos_val: PairList,
  oos_test: PairList,
});

export interface Labelled {
  text: string;
  /** null for out-of-scope messages. */
  intent: string | null;
}

export interface ClincSplits {
  train: TrainingExample[];
  val: Labelled[];
  test: Labelled[];
  file: string;
}

/** shared/datasets/clinc150/data_full.json in the nearest folder above the repository that has it (a git worktree may sit deeper). */
function findSharedClinc150(): string {
  const relative = path.join('shared', 'datasets', 'clinc150', 'data_full.json');
  let dir = path.resolve(__dirname, '../../..');
  for (;;) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(__dirname, '../../..', relative);
    dir = parent;
  }
}

export const DEFAULT_CLINC150_PATH = findSharedClinc150();

export function loadClinc150(file = process.env.CLINC150_PATH ?? DEFAULT_CLINC150_PATH): ClincSplits {
  if (!existsSync(file)) {
    throw new Error(`CLINC150 not found at ${file}. Download data_full.json from https://github.com/clinc/oos-eval and set CLINC150_PATH.`);
  }
  const data = ClincFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const inScope = (pairs: [string, string][]): Labelled[] => pairs.map(([text, intent]) => ({ text, intent }));
  const oos = (pairs: [string, string][]): Labelled[] => pairs.map(([text]) => ({ text, intent: null }));
  return {
    train: data.train.map(([text, intent]) => ({ text, intent })),
    val: [...inScope(data.val), ...oos(data.oos_val)],
    test: [...inScope(data.test), ...oos(data.oos_test)],
    file,
  };
}

export interface Prediction {
  gold: string | null;
  top: string;
  confidence: number;
}

export function predictAll(classifier: IntentClassifier, items: Labelled[]): Prediction[] {
  return items.map((item) => {
    const result = classifier.classify(item.text);
    return { gold: item.intent, top: result.top, confidence: result.confidence };
  });
}

export interface ThresholdScores {
  threshold: number;
  inScopeAccuracy: number;
  oosRecall: number;
  mean: number;
}

/** In-scope accuracy counts a message right only if its top intent is right AND it clears the threshold. */
export function scoreAtThreshold(predictions: Prediction[], threshold: number): ThresholdScores {
  let inScope = 0;
  let inScopeRight = 0;
  let oos = 0;
  let oosRight = 0;
  for (const p of predictions) {
    const accepted = p.confidence >= threshold;
    if (p.gold === null) {
      oos++;
      if (!accepted) oosRight++;
    } else {
      inScope++;
      if (accepted && p.top === p.gold) inScopeRight++;
    }
  }
  const inScopeAccuracy = inScope === 0 ? 0 : inScopeRight / inScope;
  const oosRecall = oos === 0 ? 0 : oosRight / oos;
  return { threshold, inScopeAccuracy, oosRecall, mean: (inScopeAccuracy + oosRecall) / 2 };
}

/** The threshold (among observed confidences) that maximises the mean of in-scope accuracy and OOS recall. */
export function chooseThreshold(predictions: Prediction[]): ThresholdScores {
  const candidates = [...new Set(predictions.map((p) => p.confidence))].sort((a, b) => a - b);
  let best = scoreAtThreshold(predictions, 0);
  for (let i = 0; i < candidates.length; i++) {
    const lo = candidates[i] as number;
    const hi = candidates[i + 1] ?? lo + 1e-6;
    const scores = scoreAtThreshold(predictions, (lo + hi) / 2);
    if (scores.mean > best.mean) best = scores;
  }
  return best;
}

export function percentile(sortedValues: number[], q: number): number {
  if (sortedValues.length === 0) return NaN;
  const index = Math.min(sortedValues.length - 1, Math.ceil(q * sortedValues.length) - 1);
  return sortedValues[Math.max(0, index)] as number;
}

/** Per-message classification times in milliseconds, each timed on its own after a warm-up pass. */
export function timeEachMessage(classifier: IntentClassifier, texts: string[]): number[] {
  for (const text of texts.slice(0, 1000)) classifier.classify(text);
  const times: number[] = [];
  for (const text of texts) {
    const start = process.hrtime.bigint();
    classifier.classify(text);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Per-message classification times in milliseconds, each message's fastest of `runs` timings: the
 * message's own cost with the pauses of a busy, shared machine taken out.
 */
export function fastestTimeEachMessage(classifier: IntentClassifier, texts: string[], runs: number): number[] {
  const fastest = texts.map(() => Infinity);
  for (let run = 0; run < runs; run++) {
    texts.forEach((text, i) => {
      const start = process.hrtime.bigint();
      classifier.classify(text);
      fastest[i] = Math.min(fastest[i] as number, Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return fastest.sort((a, b) => a - b);
}

export function peakMemoryMb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    if (match?.[1]) return Number(match[1]) / 1024;
  } catch {
    // not Linux: fall through
  }
  return process.memoryUsage().rss / (1024 * 1024);
}
