/**
 * Held-out paraphrases: single customer messages written separately from the catalog (never a copy
 * of a catalog example), in test/fixtures/paraphrases/<topic>.yaml, shaped
 * `{ intent_id: { en: [...], hi: [...], hi-Latn: [...], ur: [...], ne: [...] } }`.
 * The classifier is trained on the whole catalog and scored on every file of that folder: top-1
 * accuracy, and "answered right" (top-1 right with confidence at or above the answer threshold,
 * i.e. what the bot would actually answer), and whether the language detector names the right language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { trainClassifier } from '../../src/nlu/classifier';
import { createLanguageDetector } from '../../src/nlu/language';
import { withRomanisedNepali } from '../../src/nlu/transliteration';
import type { Catalog, Lang, TrainingExample } from '../../src/nlu/types';

export const PARAPHRASES_DIR = path.resolve(__dirname, '../fixtures/paraphrases');
/** The default NLU_ANSWER_THRESHOLD (src/config.ts). */
export const DEFAULT_ANSWER_THRESHOLD = 0.55;

const ParaphraseFile = z.record(
  z.string().regex(/^[a-z][a-z0-9_]*$/, 'an intent id, like order_status'),
  z.record(z.string().min(2), z.array(z.string().trim().min(1, 'an empty paraphrase')).min(1)),
);

export interface Paraphrase {
  file: string;
  intent: string;
  lang: Lang;
  text: string;
}

/** Every paraphrase of every .yaml file in `dir` (sorted by file name), validated with zod. */
export function loadParaphrases(dir = PARAPHRASES_DIR): Paraphrase[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const out: Paraphrase[] = [];
  for (const file of files) {
    const parsed = ParaphraseFile.safeParse(parse(readFileSync(path.join(dir, file), 'utf8')));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new Error(`${file}: ${first ? `${first.path.join('.')}: ${first.message}` : 'not a paraphrase file'}`);
    }
    for (const [intent, byLang] of Object.entries(parsed.data)) {
      for (const [lang, texts] of Object.entries(byLang)) {
        for (const text of texts) out.push({ file, intent, lang, text });
      }
    }
  }
  return out;
}

export function catalogExamples(catalog: Catalog): TrainingExample[] {
  return catalog.intents.flatMap((intent) =>
    Object.entries(intent.examples).flatMap(([lang, texts]) => texts.map((text) => ({ intent: intent.id, text, lang }))),
  );
}

export interface ParaphraseLanguageScore {
  lang: Lang;
  total: number;
  /** Top-1 intent right, whatever the confidence. */
  topRight: number;
  /** Top-1 right and confident enough for the bot to answer. */
  answeredRight: number;
  /** The language detector (trained on the same catalog) named the paraphrase's language. */
  languageRight: number;
}

export interface ParaphraseMiss extends Paraphrase {
  got: string;
  confidence: number;
}

export function scoreParaphrases(
  catalog: Catalog,
  paraphrases: Paraphrase[],
  answerThreshold = DEFAULT_ANSWER_THRESHOLD,
): { perLanguage: ParaphraseLanguageScore[]; misses: ParaphraseMiss[]; trainingMs: number } {
  const start = process.hrtime.bigint();
  const trained = trainClassifier(catalogExamples(catalog));
  const trainingMs = Number(process.hrtime.bigint() - start) / 1e6;
  // As the bot's brain builds it (romanised Nepali is read in Devanagari too; no paraphrase here reads as such).
  const classifier = withRomanisedNepali(trained, catalog);
  const detector = createLanguageDetector(catalog);
  const byLang = new Map<Lang, ParaphraseLanguageScore>();
  const misses: ParaphraseMiss[] = [];
  for (const p of paraphrases) {
    const score = byLang.get(p.lang) ?? { lang: p.lang, total: 0, topRight: 0, answeredRight: 0, languageRight: 0 };
    byLang.set(p.lang, score);
    score.total++;
    if (detector.detect(p.text).lang === p.lang) score.languageRight++;
    const result = classifier.classify(p.text);
    const right = result.top === p.intent;
    if (right) score.topRight++;
    if (right && result.confidence >= answerThreshold) score.answeredRight++;
    else misses.push({ ...p, got: result.top, confidence: result.confidence });
  }
  return { perLanguage: [...byLang.values()].sort((a, b) => a.lang.localeCompare(b.lang)), misses, trainingMs };
}
