/**
 * Romanised Nepali (Nepali typed in Latin letters, as on WhatsApp) against the demo catalog, whose
 * Nepali examples are in Devanagari: the classifier as the bot uses it (reading such a message in
 * Devanagari too, src/nlu/transliteration) and, for comparison, the bare classifier. Paraphrase
 * files are shaped like test/fixtures/paraphrases with the language key `ne-Latn`:
 *   test/fixtures/paraphrases-dev-ne-Latn   DEV, for tuning the reading
 *   test/fixtures/paraphrases-ne-Latn       HELD-OUT, report only (npm run bench:nlu)
 *
 *   node --require tsx/cjs test/bench/nluRomanisedNepali.ts   # the DEV figures and misses
 */
import path from 'node:path';
import { loadCatalog } from '../../src/nlu/catalog/loadCatalog';
import { normalizeText, trainClassifier } from '../../src/nlu/classifier';
import { createLanguageDetector } from '../../src/nlu/language';
import { withRomanisedNepali } from '../../src/nlu/transliteration';
import type { Catalog, IntentClassifier } from '../../src/nlu/types';
import { catalogExamples, DEFAULT_ANSWER_THRESHOLD, loadParaphrases, type Paraphrase } from './nluParaphrases';

export const NE_LATN_DEV_DIR = path.resolve(__dirname, '../fixtures/paraphrases-dev-ne-Latn');
export const NE_LATN_DIR = path.resolve(__dirname, '../fixtures/paraphrases-ne-Latn');

export interface ReadingScore {
  /** Top-1 intent right, whatever the confidence. */
  topRight: number;
  /** Top-1 right and confident enough for the bot to answer. */
  answeredRight: number;
}

export interface RomanisedNepaliScore {
  total: number;
  /** The classifier as the bot's brain builds it (withRomanisedNepali). */
  withReading: ReadingScore;
  /** The bare classifier, reading the Latin letters only. */
  bare: ReadingScore;
  /** The language detector answers Nepali (ne), the catalog's language for them. */
  languageRight: number;
  misses: (Paraphrase & { got: string; confidence: number })[];
}

function score(classifier: IntentClassifier, paraphrases: readonly Paraphrase[], answerThreshold: number): ReadingScore & { results: { top: string; confidence: number }[] } {
  const out = { topRight: 0, answeredRight: 0, results: [] as { top: string; confidence: number }[] };
  for (const p of paraphrases) {
    const r = classifier.classify(p.text);
    out.results.push(r);
    if (r.top !== p.intent) continue;
    out.topRight++;
    if (r.confidence >= answerThreshold) out.answeredRight++;
  }
  return out;
}

export function scoreRomanisedNepali(catalog: Catalog, paraphrases: readonly Paraphrase[], answerThreshold = DEFAULT_ANSWER_THRESHOLD): RomanisedNepaliScore {
  const bareClassifier = trainClassifier(catalogExamples(catalog));
  const detector = createLanguageDetector(catalog);
  const bare = score(bareClassifier, paraphrases, answerThreshold);
  const withReading = score(withRomanisedNepali(bareClassifier, catalog), paraphrases, answerThreshold);
  const misses = paraphrases.flatMap((p, i) => {
    const r = withReading.results[i] as { top: string; confidence: number };
    return r.top === p.intent && r.confidence >= answerThreshold ? [] : [{ ...p, got: r.top, confidence: r.confidence }];
  });
  return {
    total: paraphrases.length,
    withReading: { topRight: withReading.topRight, answeredRight: withReading.answeredRight },
    bare: { topRight: bare.topRight, answeredRight: bare.answeredRight },
    languageRight: paraphrases.filter((p) => detector.detect(p.text).lang === 'ne').length,
    misses,
  };
}

/** Paraphrases equal (after normalisation) to a catalog example. */
export function copiedFromCatalog(catalog: Catalog, paraphrases: readonly Paraphrase[]): Paraphrase[] {
  const examples = new Set(catalogExamples(catalog).map((e) => normalizeText(e.text)));
  return paraphrases.filter((p) => examples.has(normalizeText(p.text)));
}

export function formatMisses(misses: RomanisedNepaliScore['misses']): string[] {
  return misses.map((m) => `- ${m.intent} | ${m.got}${m.got === m.intent ? ' (low)' : ''} | ${m.confidence.toFixed(2)} | ${m.text}`);
}

async function main(): Promise<void> {
  const catalog = await loadCatalog(process.env.CATALOG_DIR ?? path.resolve(__dirname, '../../intents'));
  const dev = loadParaphrases(NE_LATN_DEV_DIR);
  const copied = copiedFromCatalog(catalog, dev);
  const s = scoreRomanisedNepali(catalog, dev);
  console.log(`${dev.length} DEV romanised Nepali paraphrases; ${copied.length} equal to a catalog example${copied.map((p) => `\n- ${p.text}`).join('')}`);
  console.log(`with the Devanagari reading: top-1 ${s.withReading.topRight}/${s.total}, answered right ${s.withReading.answeredRight}/${s.total}`);
  console.log(`bare classifier:             top-1 ${s.bare.topRight}/${s.total}, answered right ${s.bare.answeredRight}/${s.total}`);
  console.log(`language detected as ne: ${s.languageRight}/${s.total}`);
  if (process.env.DEV_MISSES === '1') console.log(formatMisses(s.misses).join('\n'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
