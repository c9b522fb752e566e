/**
 * Tuning aid (not a benchmark): trains on CLINC150's train split with DEFAULT_SETTINGS plus a JSON
 * override, and prints accuracy on the `val` split only (in-scope accuracy without threshold, and
 * the in-scope/OOS mean at the best val threshold), the demo catalog's held-out accuracy, and the
 * DEV paraphrases (test/fixtures/paraphrases-dev) with a classifier trained on the whole catalog.
 * CLINC150's `test` and the held-out paraphrases are never read here. TUNE_SKIP_CLINC=1 skips
 * CLINC150, TUNE_SKIP_CATALOG=1 the catalog split and the DEV paraphrases.
 * TUNE_SEEDS=n (default 1) runs every override with n seed pairs (SVM seed, calibration seed; the
 * first is the default pair) and prints their mean after the per-seed lines: a val difference of
 * ±0.1 pp is the spread between seeds.
 *
 *   node --require tsx/cjs test/bench/nluTune.ts '{"svm":{"C":1}}' ['{"vectorizer":{...}}' …]
 */
import path from 'node:path';
import { loadCatalog } from '../../src/nlu/catalog/loadCatalog';
import { ClassifierSettings, DEFAULT_SETTINGS, trainClassifierWith } from '../../src/nlu/classifier';
import type { TrainingExample } from '../../src/nlu/types';
import { evaluateCatalogHoldout } from './nluCatalogHoldout';
import { formatDevScores, loadDevParaphrases, scoreDev } from './nluDev';
import { catalogExamples } from './nluParaphrases';
import { chooseThreshold, loadClinc150, predictAll, scoreAtThreshold } from './nluClinc';

type Override = { [K in keyof ClassifierSettings]?: Partial<ClassifierSettings[K]> };

/** (SVM seed, calibration seed) pairs; the first is DEFAULT_SETTINGS'. */
const SEED_PAIRS: readonly [number, number][] = [
  [DEFAULT_SETTINGS.svm.seed, DEFAULT_SETTINGS.calibration.seed],
  [1, 1],
  [2, 2],
  [3, 3],
  [4, 4],
];

function withOverride(override: Override, seeds: readonly [number, number]): ClassifierSettings {
  return {
    vectorizer: { ...DEFAULT_SETTINGS.vectorizer, ...override.vectorizer },
    wordVectors: DEFAULT_SETTINGS.wordVectors,
    foldDevanagari: (override as { foldDevanagari?: boolean }).foldDevanagari ?? DEFAULT_SETTINGS.foldDevanagari,
    wordVectorsNeedFittedCalibration: DEFAULT_SETTINGS.wordVectorsNeedFittedCalibration,
    bigramsNeedExamples: (override as { bigramsNeedExamples?: number }).bigramsNeedExamples ?? DEFAULT_SETTINGS.bigramsNeedExamples,
    svm: { ...DEFAULT_SETTINGS.svm, seed: seeds[0], ...override.svm },
    calibration: { ...DEFAULT_SETTINGS.calibration, seed: seeds[1], ...override.calibration },
  };
}

/** The figures of one run, summed over seeds for the mean line. */
interface Figures {
  valInScope: number;
  valMean: number;
  trainingMs: number;
  catalog: number;
  dev: number;
}

async function main(): Promise<void> {
  const skipClinc = process.env.TUNE_SKIP_CLINC === '1';
  const skipCatalog = process.env.TUNE_SKIP_CATALOG === '1';
  const seedCount = Math.max(1, Math.min(SEED_PAIRS.length, Number(process.env.TUNE_SEEDS ?? 1)));
  const data = skipClinc ? null : loadClinc150();
  const dev = loadDevParaphrases();
  const catalog = await loadCatalog(process.env.CATALOG_DIR ?? path.resolve(__dirname, '../../intents'));
  const overrides = process.argv.slice(2).map((arg) => JSON.parse(arg) as Override);
  const pct = (x: number): string => (x * 100).toFixed(2);
  for (const override of overrides.length === 0 ? [{}] : overrides) {
    const sum: Figures = { valInScope: 0, valMean: 0, trainingMs: 0, catalog: 0, dev: 0 };
    for (const seeds of SEED_PAIRS.slice(0, seedCount)) {
      const settings = withOverride(override, seeds);
      let clincText = 'CLINC150 skipped';
      if (data !== null) {
        const cpuStart = process.cpuUsage();
        const classifier = trainClassifierWith(data.train, settings);
        const cpu = process.cpuUsage(cpuStart);
        const trainingMs = (cpu.user + cpu.system) / 1000;
        const predictions = predictAll(classifier, data.val);
        const plain = scoreAtThreshold(predictions, 0);
        const best = chooseThreshold(predictions);
        sum.valInScope += plain.inScopeAccuracy;
        sum.valMean += best.mean;
        sum.trainingMs += trainingMs;
        clincText = `val in-scope ${pct(plain.inScopeAccuracy)}\tval mean ${pct(best.mean)} (in ${pct(best.inScopeAccuracy)}, oos ${pct(best.oosRecall)} @${best.threshold.toFixed(3)})\ttrain CPU ${trainingMs.toFixed(0)} ms\tT ${classifier.calibration.temperature.toFixed(3)}`;
      }
      let catalogText = 'catalog skipped';
      if (!skipCatalog) {
        const { perLanguage } = evaluateCatalogHoldout(catalog, (examples: TrainingExample[]) => trainClassifierWith(examples, settings));
        const catalogRight = perLanguage.reduce((total, l) => total + l.correct, 0);
        const devScores = scoreDev(trainClassifierWith(catalogExamples(catalog), settings), dev);
        sum.catalog += catalogRight;
        sum.dev += devScores.reduce((total, s) => total + s.topRight, 0);
        catalogText = `catalog ${catalogRight} (` + perLanguage.map((l) => `${l.lang} ${l.correct}/${l.heldOut}`).join(', ') + ')\t' + formatDevScores(devScores);
      }
      const seedText = seedCount > 1 ? `\tseeds ${seeds[0]}/${seeds[1]}` : '';
      console.log(`${JSON.stringify(override)}${seedText}\t${clincText}\t${catalogText}`);
    }
    if (seedCount > 1) {
      const mean = (x: number): number => x / seedCount;
      const parts = [`MEAN of ${seedCount} seeds ${JSON.stringify(override)}`];
      if (data !== null) parts.push(`val in-scope ${pct(mean(sum.valInScope))}`, `val mean ${pct(mean(sum.valMean))}`, `train CPU ${mean(sum.trainingMs).toFixed(0)} ms`);
      if (!skipCatalog) parts.push(`catalog ${mean(sum.catalog).toFixed(1)}`, `dev ${mean(sum.dev).toFixed(1)}`);
      console.log(parts.join('\t'));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
