/**
 * The DEV paraphrases (test/fixtures/paraphrases-dev/*.yaml): customer messages written for tuning
 * the classifier, shaped like the held-out paraphrases. Tuning reads these, CLINC150's val split
 * and the catalog's cross-validation; the held-out paraphrases and CLINC150's test split are
 * report-only (`npm run bench:nlu`).
 *
 *   node --require tsx/cjs test/bench/nluDev.ts   # checks the set is fresh, prints per-language scores
 */
import path from 'node:path';
import { loadCatalog } from '../../src/nlu/catalog/loadCatalog';
import { normalizeText, trainClassifier } from '../../src/nlu/classifier';
import type { Catalog, IntentClassifier, Lang, TrainingExample } from '../../src/nlu/types';
import { catalogExamples, DEFAULT_ANSWER_THRESHOLD, loadParaphrases, Paraphrase } from './nluParaphrases';

export const DEV_DIR = path.resolve(__dirname, '../fixtures/paraphrases-dev');

export function loadDevParaphrases(): Paraphrase[] {
  return loadParaphrases(DEV_DIR);
}

/** Dev paraphrases equal (after normalisation) to a catalog example or a held-out paraphrase. */
export function staleDevParaphrases(catalog: Catalog, dev: Paraphrase[], heldOut: Paraphrase[]): Paraphrase[] {
  const taken = new Set([...catalogExamples(catalog).map((e) => e.text), ...heldOut.map((p) => p.text)].map(normalizeText));
  return dev.filter((p) => taken.has(normalizeText(p.text)));
}

export interface DevScore {
  lang: Lang;
  total: number;
  topRight: number;
  answeredRight: number;
}

export function scoreDev(classifier: IntentClassifier, dev: Paraphrase[], answerThreshold = DEFAULT_ANSWER_THRESHOLD): DevScore[] {
  const byLang = new Map<Lang, DevScore>();
  for (const p of dev) {
    const score = byLang.get(p.lang) ?? { lang: p.lang, total: 0, topRight: 0, answeredRight: 0 };
    byLang.set(p.lang, score);
    score.total++;
    const result = classifier.classify(p.text);
    if (result.top === p.intent) {
      score.topRight++;
      if (result.confidence >= answerThreshold) score.answeredRight++;
    }
  }
  return [...byLang.values()].sort((a, b) => a.lang.localeCompare(b.lang));
}

export function formatDevScores(scores: DevScore[]): string {
  const total = scores.reduce((sum, s) => sum + s.total, 0);
  const right = scores.reduce((sum, s) => sum + s.topRight, 0);
  return `dev ${right}/${total} (` + scores.map((s) => `${s.lang} ${s.topRight}/${s.total} a${s.answeredRight}`).join(', ') + ')';
}

async function main(): Promise<void> {
  const catalog = await loadCatalog(process.env.CATALOG_DIR ?? path.resolve(__dirname, '../../intents'));
  const dev = loadDevParaphrases();
  const stale = staleDevParaphrases(catalog, dev, loadParaphrases());
  console.log(`${dev.length} dev paraphrases; ${stale.length} equal to a catalog example or a held-out paraphrase${stale.length > 0 ? ':' : '.'}`);
  for (const p of stale) console.log(`- ${p.file} ${p.intent} ${p.lang}: ${p.text}`);
  const examples: TrainingExample[] = catalogExamples(catalog);
  console.log(formatDevScores(scoreDev(trainClassifier(examples), dev)));
  if (process.env.DEV_MISSES === '1') {
    const classifier = trainClassifier(examples);
    for (const p of dev) {
      const r = classifier.classify(p.text);
      if (r.top !== p.intent) console.log(`  miss ${p.lang} | ${p.intent} | ${r.top} ${r.confidence.toFixed(2)} | ${p.text}`);
    }
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
