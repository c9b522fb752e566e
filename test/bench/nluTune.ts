/**
 * Tuning aid (not a benchmark): trains on CLINC150's train split with DEFAULT_SETTINGS plus a JSON
 * override, and prints accuracy on the `val` split only (in-scope accuracy without threshold, and
 * the in-scope/OOS mean at the best val threshold), the demo catalog's held-out accuracy, and the
 * DEV paraphrases (test/fixtures/paraphrases-dev) with a classifier trained on the whole catalog.
 * CLINC150's `test` and the held-out paraphrases are never read here. TUNE_SKIP_CLINC=1 skips CLINC150.
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

function withOverride(override: Override): ClassifierSettings {
  return {
    vectorizer: { ...DEFAULT_SETTINGS.vectorizer, ...override.vectorizer },
    wordVectors: DEFAULT_SETTINGS.wordVectors,
    foldDevanagari: (override as { foldDevanagari?: boolean }).foldDevanagari ?? DEFAULT_SETTINGS.foldDevanagari,
    wordVectorsNeedFittedCalibration: DEFAULT_SETTINGS.wordVectorsNeedFittedCalibration,
    svm: { ...DEFAULT_SETTINGS.svm, ...override.svm },
    calibration: { ...DEFAULT_SETTINGS.calibration, ...override.calibration },
  };
}

async function main(): Promise<void> {
  const skipClinc = process.env.TUNE_SKIP_CLINC === '1';
  const data = skipClinc ? null : loadClinc150();
  const dev = loadDevParaphrases();
  const catalog = await loadCatalog(process.env.CATALOG_DIR ?? path.resolve(__dirname, '../../intents'));
  const overrides = process.argv.slice(2).map((arg) => JSON.parse(arg) as Override);
  for (const override of overrides.length === 0 ? [{}] : overrides) {
    const settings = withOverride(override);
    const pct = (x: number): string => (x * 100).toFixed(2);
    let clincText = 'CLINC150 skipped';
    if (data !== null) {
      const cpuStart = process.cpuUsage();
      const classifier = trainClassifierWith(data.train, settings);
      const cpu = process.cpuUsage(cpuStart);
      const trainingMs = (cpu.user + cpu.system) / 1000;
      const predictions = predictAll(classifier, data.val);
      const plain = scoreAtThreshold(predictions, 0);
      const best = chooseThreshold(predictions);
      clincText = `val in-scope ${pct(plain.inScopeAccuracy)}\tval mean ${pct(best.mean)} (in ${pct(best.inScopeAccuracy)}, oos ${pct(best.oosRecall)} @${best.threshold.toFixed(3)})\ttrain CPU ${trainingMs.toFixed(0)} ms\tT ${classifier.calibration.temperature.toFixed(3)}`;
    }
    const { perLanguage } = evaluateCatalogHoldout(catalog, (examples: TrainingExample[]) => trainClassifierWith(examples, settings));
    const catalogRight = perLanguage.reduce((sum, l) => sum + l.correct, 0);
    const catalogText = `${catalogRight} (` + perLanguage.map((l) => `${l.lang} ${l.correct}/${l.heldOut}`).join(', ') + ')';
    const devText = formatDevScores(scoreDev(trainClassifierWith(catalogExamples(catalog), settings), dev));
    console.log(`${JSON.stringify(override)}\t${clincText}\tcatalog ${catalogText}\t${devText}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
