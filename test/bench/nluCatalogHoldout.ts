/**
 * Per-language held-out accuracy of the default catalog: each (intent, language) example list is
 * split with a fixed seed into 4/5 train and 1/5 held out; one classifier is trained on the 4/5 of
 * all languages together and scored on each language's held-out fifth.
 */
import type { Catalog, IntentClassifier, Lang, TrainingExample } from '../../src/nlu/types';
import { trainClassifier } from '../../src/nlu/classifier';
import { createRandom, shuffleInPlace } from '../../src/nlu/classifier/prng';

export const HOLDOUT_SEED = 20240611;

export interface HeldOutExample extends TrainingExample {
  lang: Lang;
}

export interface Misclassified {
  lang: Lang;
  text: string;
  expected: string;
  got: string;
  confidence: number;
}

export interface LanguageAccuracy {
  lang: Lang;
  heldOut: number;
  correct: number;
}

export function splitCatalog(catalog: Catalog): { train: TrainingExample[]; heldOut: HeldOutExample[] } {
  const random = createRandom(HOLDOUT_SEED);
  const train: TrainingExample[] = [];
  const heldOut: HeldOutExample[] = [];
  for (const intent of catalog.intents) {
    for (const lang of Object.keys(intent.examples).sort()) {
      const examples = [...(intent.examples[lang] ?? [])];
      shuffleInPlace(examples, random);
      const take = Math.floor(examples.length / 5);
      examples.forEach((text, i) => (i < take ? heldOut : train).push({ intent: intent.id, text, lang }));
    }
  }
  return { train, heldOut: heldOut as HeldOutExample[] };
}

export function evaluateCatalogHoldout(
  catalog: Catalog,
  train: (examples: TrainingExample[]) => IntentClassifier = trainClassifier,
): { perLanguage: LanguageAccuracy[]; misclassified: Misclassified[]; trainSize: number } {
  const split = splitCatalog(catalog);
  const classifier = train(split.train);
  const heldOut = split.heldOut;
  const perLanguage = new Map<Lang, LanguageAccuracy>();
  const misclassified: Misclassified[] = [];
  for (const example of heldOut) {
    const stats = perLanguage.get(example.lang) ?? { lang: example.lang, heldOut: 0, correct: 0 };
    perLanguage.set(example.lang, stats);
    stats.heldOut++;
    const result = classifier.classify(example.text);
    if (result.top === example.intent) stats.correct++;
    else misclassified.push({ lang: example.lang, text: example.text, expected: example.intent, got: result.top, confidence: result.confidence });
  }
  return { perLanguage: [...perLanguage.values()].sort((a, b) => a.lang.localeCompare(b.lang)), misclassified, trainSize: split.train.length };
}
