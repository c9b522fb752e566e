/**
 * The intent classifier, reading Nepali typed in Latin letters twice: as typed, and in Devanagari
 * (index.ts), where the catalog's Nepali examples are. The more confident reading wins, so a
 * message the Latin reading already understands ("mero laptop ko warranty kati ho?", through its
 * English words) keeps its answer, and one only the Nepali words carry ("mero paisa kaile firta
 * aauchha?") is understood. A message that does not read as romanised Nepali (romanisedNepali.ts),
 * or a catalog without Devanagari Nepali, goes straight to the classifier: nothing else is added.
 * Chosen on the DEV set test/fixtures/paraphrases-dev-ne-Latn (README, "romanised Nepali").
 */
import { languageTokens } from '../language/tokenize';
import { readsAsRomanisedNepali } from '../language/romanisedNepali';
import type { Catalog, Classification, IntentClassifier, ScoredIntent } from '../types';
import { nepaliTransliteratorFor, type NepaliTransliterator } from './nepaliTransliterator';

/** A classifier that also ranks every intent (the training inbox's suggestions). */
export interface RankingClassifier extends IntentClassifier {
  topK(text: string, k: number): ScoredIntent[];
}

const LATIN_LETTER = /[a-z]/i;

/**
 * A reading of the Latin letters at least this confident is kept without reading the Devanagari
 * (half the DEV messages; none of their answers changes, and it halves their cost).
 */
export const CONFIDENT_AS_TYPED = 0.95;

/** Whether `text` is Nepali in Latin letters (cheap for text without Latin letters). */
export function isRomanisedNepali(text: string): boolean {
  return LATIN_LETTER.test(text) && readsAsRomanisedNepali(languageTokens(text));
}

/** The reading of `text` the classifier is most confident about: the text itself or its Devanagari. */
function bestReading(classifier: IntentClassifier, transliterator: NepaliTransliterator, text: string): { text: string; classification: Classification } {
  const asTyped = classifier.classify(text);
  if (asTyped.confidence >= CONFIDENT_AS_TYPED || !isRomanisedNepali(text)) return { text, classification: asTyped };
  const devanagari = transliterator.transliterate(text);
  const inDevanagari = classifier.classify(devanagari);
  return inDevanagari.confidence > asTyped.confidence ? { text: devanagari, classification: inDevanagari } : { text, classification: asTyped };
}

/** `classifier`, reading romanised Nepali in Devanagari too when `transliterator` is given. */
export function readingRomanisedNepali<C extends RankingClassifier>(classifier: C, transliterator: NepaliTransliterator | null): RankingClassifier {
  if (transliterator === null) return classifier;
  return {
    intents: classifier.intents,
    classify: (text) => bestReading(classifier, transliterator, text).classification,
    topK: (text, k) => classifier.topK(bestReading(classifier, transliterator, text).text, k),
  };
}

/** `classifier` for `catalog`: romanised Nepali is read in Devanagari too when the catalog's Nepali is in Devanagari. */
export function withRomanisedNepali<C extends RankingClassifier>(classifier: C, catalog: Catalog): RankingClassifier {
  return readingRomanisedNepali(classifier, nepaliTransliteratorFor(catalog));
}
