/**
 * Tuning aid for catalog edits (not a benchmark): 5-fold cross-validation of the catalog, each
 * (intent, language) list split by its own seed, so adding examples to one list leaves every other
 * list's folds as they were (nluCatalogHoldout's single split reshuffles everything after an edit:
 * its per-language figures then move by up to ±10 examples for reasons unrelated to the edit).
 *
 * Only examples of a BASE catalog are scored; examples the base lacks are always trained on. So
 * "does adding these examples help classify the ones we had" is answered on the same messages:
 *
 *   mkdir -p /tmp/base && git archive <commit> intents | tar -x -C /tmp/base
 *   CATALOG_BASE=/tmp/base/intents node --require tsx/cjs test/bench/nluCatalogCv.ts   # base
 *   node --require tsx/cjs test/bench/nluCatalogCv.ts                                  # same, edited catalog
 *
 * With CATALOG_BASE unset, the base is the catalog itself. It also prints how often off-topic
 * English messages (CLINC150 oos_val, and its val messages of banking/travel/kitchen intents) reach
 * the clarify (0.3) and answer (0.55) thresholds when the whole catalog is trained on; CLINC150's
 * test split is never read. Differences under about 0.15 points of accuracy are noise (training
 * samples negatives at random, so any new example moves the others a little).
 */
import path from 'node:path';
import { loadCatalog } from '../../src/nlu/catalog/loadCatalog';
import { trainClassifier } from '../../src/nlu/classifier';
import { createRandom, shuffleInPlace } from '../../src/nlu/classifier/prng';
import type { Catalog, TrainingExample } from '../../src/nlu/types';
import { catalogExamples } from './nluParaphrases';
import { loadClinc150 } from './nluClinc';

const FOLDS = 5;
const OFF_TOPIC_INTENTS = /bank|travel|cook|meal|recipe|weather|music|joke|flight|calendar|timer|alarm|translate|calories|nutrition/;

function listSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

interface Held extends TrainingExample {
  lang: string;
}

/** Fold `fold` of every (intent, language) list: the base's examples in it are held out, everything else is trained on. */
function foldSplit(catalog: Catalog, base: Set<string>, fold: number): { train: TrainingExample[]; held: Held[] } {
  const train: TrainingExample[] = [];
  const held: Held[] = [];
  for (const intent of catalog.intents) {
    for (const lang of Object.keys(intent.examples).sort()) {
      const texts = intent.examples[lang] ?? [];
      for (const text of texts) if (!base.has(text)) train.push({ intent: intent.id, text });
      const scored = texts.filter((text) => base.has(text)).sort();
      shuffleInPlace(scored, createRandom(listSeed(`${intent.id}\u0000${lang}`)));
      scored.forEach((text, i) => (i % FOLDS === fold ? held.push({ intent: intent.id, text, lang }) : train.push({ intent: intent.id, text })));
    }
  }
  return { train, held };
}

async function main(): Promise<void> {
  const catalog = await loadCatalog(process.env.CATALOG_DIR ?? path.resolve(__dirname, '../../intents'));
  const baseCatalog = process.env.CATALOG_BASE ? await loadCatalog(process.env.CATALOG_BASE) : catalog;
  const base = new Set(catalogExamples(baseCatalog).map((e) => e.text));
  const perLang = new Map<string, { right: number; total: number }>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const { train, held } = foldSplit(catalog, base, fold);
    const classifier = trainClassifier(train);
    for (const h of held) {
      const stats = perLang.get(h.lang) ?? { right: 0, total: 0 };
      perLang.set(h.lang, stats);
      stats.total++;
      const result = classifier.classify(h.text);
      if (result.top === h.intent) stats.right++;
      else if (process.env.CV_MISSES === '1') console.log(`  miss ${h.lang} | ${h.intent} | ${result.top} ${result.confidence.toFixed(2)} | ${h.text}`);
    }
  }
  const pct = (a: number, b: number): string => ((100 * a) / b).toFixed(2);
  const langs = [...perLang.entries()].sort(([a], [b]) => a.localeCompare(b));
  const right = langs.reduce((sum, [, s]) => sum + s.right, 0);
  const total = langs.reduce((sum, [, s]) => sum + s.total, 0);
  console.log(`${FOLDS}-fold CV on ${total} base examples: ${pct(right, total)}% (` + langs.map(([lang, s]) => `${lang} ${pct(s.right, s.total)}% ${s.right}/${s.total}`).join(', ') + ')');

  const clinc = loadClinc150();
  const oos = clinc.val.filter((item) => item.intent === null).map((item) => item.text);
  const offTopic = clinc.val.filter((item) => item.intent !== null && OFF_TOPIC_INTENTS.test(item.intent)).map((item) => item.text);
  const whole = trainClassifier(catalogExamples(catalog));
  const reached = (texts: string[], threshold: number): string => pct(texts.filter((text) => whole.classify(text).confidence >= threshold).length, texts.length);
  console.log(
    `Off-topic messages reaching clarify ≥ 0.3 / answer ≥ 0.55: CLINC150 oos_val (${oos.length}) ${reached(oos, 0.3)}% / ${reached(oos, 0.55)}%, ` +
      `CLINC150 val of banking/travel/kitchen intents (${offTopic.length}) ${reached(offTopic, 0.3)}% / ${reached(offTopic, 0.55)}%`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
