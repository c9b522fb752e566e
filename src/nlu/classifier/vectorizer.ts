/**
 * TF-IDF vectoriser over hashed features: a vocabulary learned from the training texts (unseen
 * features are ignored), sublinear term frequency (1 + log tf), smoothed idf, each view
 * L2-normalised and scaled by its weight so the whole vector has unit length.
 */
import { extractTermCounts, FeatureSettings, TermCounts, VIEW_COUNT } from './extractFeatures';
import { SparseVector } from './sparse';

export interface VectorizerSettings extends FeatureSettings {
  /** Relative weight of the word view versus the character view (0..1). */
  wordViewWeight: number;
  /** Features seen in fewer training texts are dropped. */
  minDocumentFrequency: number;
}

export interface Vectorizer {
  readonly size: number;
  transform(normalized: string): SparseVector;
}

class TfidfVectorizer implements Vectorizer {
  constructor(
    private readonly settings: VectorizerSettings,
    private readonly vocabulary: Map<number, number>[],
    private readonly idf: Float32Array,
  ) {}

  get size(): number {
    return this.idf.length;
  }

  transform(normalized: string): SparseVector {
    return this.fromCounts(extractTermCounts(normalized, this.settings));
  }

  fromCounts(counts: TermCounts): SparseVector {
    const indices: number[] = [];
    const values: number[] = [];
    const viewWeights = [this.settings.wordViewWeight, Math.sqrt(1 - this.settings.wordViewWeight ** 2)];
    for (let view = 0; view < VIEW_COUNT; view++) {
      const vocabulary = this.vocabulary[view] as Map<number, number>;
      const start = indices.length;
      let norm = 0;
      for (const [hash, count] of counts[view] as Map<number, number>) {
        const index = vocabulary.get(hash);
        if (index === undefined) continue;
        const value = (1 + Math.log(count)) * (this.idf[index] as number);
        indices.push(index);
        values.push(value);
        norm += value * value;
      }
      if (norm > 0) {
        const scale = (viewWeights[view] as number) / Math.sqrt(norm);
        for (let i = start; i < values.length; i++) values[i] = (values[i] as number) * scale;
      }
    }
    return { indices: Int32Array.from(indices), values: Float32Array.from(values) };
  }
}

export function fitVectorizer(normalizedTexts: string[], settings: VectorizerSettings): { vectorizer: Vectorizer; vectors: SparseVector[] } {
  // Two extraction passes (document frequencies, then vectors) rather than holding every
  // text's term counts at once: cheaper in memory than in time.
  const documentFrequency: Map<number, number>[] = [];
  for (let view = 0; view < VIEW_COUNT; view++) documentFrequency.push(new Map());
  for (const text of normalizedTexts) {
    const counts = extractTermCounts(text, settings);
    for (let view = 0; view < VIEW_COUNT; view++) {
      const df = documentFrequency[view] as Map<number, number>;
      for (const hash of (counts[view] as Map<number, number>).keys()) df.set(hash, (df.get(hash) ?? 0) + 1);
    }
  }
  const vocabulary: Map<number, number>[] = [];
  const idfValues: number[] = [];
  const n = normalizedTexts.length;
  for (const df of documentFrequency) {
    const map = new Map<number, number>();
    const sorted = [...df.entries()].filter(([, count]) => count >= settings.minDocumentFrequency).sort((a, b) => a[0] - b[0]);
    for (const [hash, count] of sorted) {
      map.set(hash, idfValues.length);
      idfValues.push(Math.log((1 + n) / (1 + count)) + 1);
    }
    vocabulary.push(map);
  }
  const vectorizer = new TfidfVectorizer(settings, vocabulary, Float32Array.from(idfValues));
  const vectors = normalizedTexts.map((text) => vectorizer.transform(text));
  return { vectorizer, vectors };
}
