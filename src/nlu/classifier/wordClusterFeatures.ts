/**
 * Word-cluster features: each English word with a vector also stands for its cluster (at the
 * chosen granularities), so "refund" in a message and "reimbursement" in the training examples
 * can share a feature; optionally pairs of consecutive clusters too ("my" + a money word). Appended
 * to the message's word features, in the word view.
 */
import { BOUNDARY_HASH, FeatureBuffer, hashCluster, hashClusterPair, PAIR_FLAG, VIEW_WORD } from './extractFeatures';
import type { WordVectors } from './wordVectors';

export interface WordClusterSettings {
  /** Granularities of the word vector file to use (0 = coarsest); empty = no cluster features. */
  wordClusterLevels: readonly number[];
  /** Also pairs of consecutive words' clusters, at the finest chosen level (a word without a vector breaks the chain). */
  wordClusterBigrams: boolean;
}

/** Appends the cluster features of `features`' words to `features`. */
export function addWordClusterFeatures(features: FeatureBuffer, vectors: WordVectors, settings: WordClusterSettings): void {
  const levels = settings.wordClusterLevels;
  if (levels.length === 0) return;
  const pairLevel = levels[levels.length - 1] as number;
  let previous = BOUNDARY_HASH;
  const words = features.wordCount;
  for (let k = 0; k < words; k++) {
    const row = vectors.rowOf(features.words[k] as number);
    if (row < 0) {
      if (settings.wordClusterBigrams && previous !== BOUNDARY_HASH) features.push(hashClusterPair(previous, BOUNDARY_HASH), VIEW_WORD + PAIR_FLAG);
      previous = BOUNDARY_HASH;
      continue;
    }
    for (const level of levels) features.push(hashCluster(level, vectors.clusterOf(row, level)), VIEW_WORD);
    if (settings.wordClusterBigrams) {
      const current = hashCluster(pairLevel, vectors.clusterOf(row, pairLevel));
      features.push(hashClusterPair(previous, current), VIEW_WORD + PAIR_FLAG);
      previous = current;
    }
  }
  if (settings.wordClusterBigrams && previous !== BOUNDARY_HASH) features.push(hashClusterPair(previous, BOUNDARY_HASH), VIEW_WORD + PAIR_FLAG);
}
