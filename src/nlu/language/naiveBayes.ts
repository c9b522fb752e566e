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

  // Every log probability computed once, here: per vocabulary feature, one value per language
  // (in `languages` order); plus each language's value for a feature it never saw. The same
  // expression as logProbability, so the same doubles.
  const languages = [...counts.keys()];
  const slot = new Map(languages.map((lang, i) => [lang, i]));
  const logProbabilities = new Map<string, Float64Array>();
  for (const feature of vocabulary) logProbabilities.set(feature, Float64Array.from(languages, (lang) => logProbability(lang, feature)));
  const unseen = (lang: string): number => logProbability(lang, '\u0000 never a feature');

  /** The vocabulary features of each token, left out when the token has none. */
  const knownFeaturesOf = (tokens: readonly string[]): Float64Array[][] => {
    const out: Float64Array[][] = [];
    for (const token of tokens) {
      const known: Float64Array[] = [];
      for (const f of wordFeatures(token)) {
        const row = logProbabilities.get(f);
        if (row) known.push(row);
      }
      if (known.length > 0) out.push(known);
    }
    return out;
  };

  return {
    languages,
    posterior(tokens, among) {
      const perToken = knownFeaturesOf(tokens);
      const scores = new Map<string, number>();
      for (const lang of among) {
        const i = slot.get(lang);
        let score = 0;
        for (const features of perToken) {
          let sum = 0;
          if (i === undefined) {
            const lp = unseen(lang);
            for (let k = 0; k < features.length; k++) sum += lp;
          } else {
            for (const row of features) sum += row[i]!;
          }
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
