import { wordFeatures } from './tokenize';

/**
 * A small multinomial naive Bayes over word and character-trigram features. Each word's features
 * are averaged, so a word casts about one vote however long it is: the posterior stays readable
 * as "how many words point each way" instead of saturating after one long word.
 */
export interface LanguageModel {
  readonly languages: readonly string[];
  /** Posterior per language (sums to 1) for already-tokenized text. */
  posterior(tokens: readonly string[], among: readonly string[]): Map<string, number>;
}

const SMOOTHING = 0.5;

export function trainLanguageModel(documents: { lang: string; tokens: readonly string[]; weight?: number }[]): LanguageModel {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const { lang, tokens, weight = 1 } of documents) {
    const table = counts.get(lang) ?? new Map<string, number>();
    counts.set(lang, table);
    for (const token of tokens) {
      for (const feature of wordFeatures(token)) {
        table.set(feature, (table.get(feature) ?? 0) + weight);
        totals.set(lang, (totals.get(lang) ?? 0) + weight);
        vocabulary.add(feature);
      }
    }
  }
  const v = Math.max(1, vocabulary.size);

  const logProbability = (lang: string, feature: string): number => {
    const count = counts.get(lang)?.get(feature) ?? 0;
    return Math.log((count + SMOOTHING) / ((totals.get(lang) ?? 0) + SMOOTHING * v));
  };

  return {
    languages: [...counts.keys()],
    posterior(tokens, among) {
      const scores = new Map<string, number>();
      for (const lang of among) {
        let score = 0;
        for (const token of tokens) {
          const features = wordFeatures(token).filter((f) => vocabulary.has(f));
          if (features.length === 0) continue;
          let sum = 0;
          for (const f of features) sum += logProbability(lang, f);
          score += sum / features.length;
        }
        scores.set(lang, score);
      }
      const max = Math.max(...scores.values());
      let z = 0;
      for (const [lang, s] of scores) {
        const e = Math.exp(s - max);
        scores.set(lang, e);
        z += e;
      }
      for (const [lang, e] of scores) scores.set(lang, e / z);
      return scores;
    },
  };
}
