import { DEFAULT_FEATURE_SETTINGS, extractFeatures, FeatureBuffer, hashCluster, PAIR_FLAG, VIEW_WORD } from '../../../../src/nlu/classifier/extractFeatures';
import { addWordClusterFeatures } from '../../../../src/nlu/classifier/wordClusterFeatures';
import { wordVectorsFrom } from '../../../../src/nlu/classifier/wordVectors';

// "refund" and "reimbursement" share cluster 3 at the fine level; "money" is alone.
const VECTORS = wordVectorsFrom({
  words: ['money', 'refund', 'reimbursement'],
  dimensions: 2,
  vectors: [1, 0, 0, 1, 0.1, 1],
  clusters: [
    [0, 1, 1],
    [2, 3, 3],
  ],
});

function clusterFeatures(text: string, levels: number[], bigrams = false): { hashes: number[]; views: number[] } {
  const features = new FeatureBuffer();
  extractFeatures(text, { ...DEFAULT_FEATURE_SETTINGS, wordBigrams: false, minCharGram: 9, latinSkeletons: false }, features);
  const before = features.length;
  addWordClusterFeatures(features, VECTORS, { wordClusterLevels: levels, wordClusterBigrams: bigrams });
  return { hashes: Array.from(features.hashes.subarray(before, features.length)), views: Array.from(features.views.subarray(before, features.length)) };
}

describe('addWordClusterFeatures', () => {
  it('adds a word feature per chosen granularity for a word with a vector', () => {
    expect(clusterFeatures('refund', [0, 1])).toEqual({ hashes: [hashCluster(0, 1), hashCluster(1, 3)], views: [VIEW_WORD, VIEW_WORD] });
  });

  it('gives two words of the same cluster the same feature', () => {
    expect(clusterFeatures('reimbursement', [1]).hashes).toEqual(clusterFeatures('refund', [1]).hashes);
  });

  it('adds nothing for a word without a vector', () => {
    expect(clusterFeatures('paisa', [0, 1]).hashes).toEqual([]);
  });

  it('adds nothing when no granularity is chosen', () => {
    expect(clusterFeatures('refund money', []).hashes).toEqual([]);
  });

  it('adds pairs of consecutive clusters, flagged as pairs, when asked', () => {
    const { views } = clusterFeatures('refund money', [1], true);
    // refund, <start>+refund, money, refund+money, money+<end>
    expect(views).toEqual([VIEW_WORD, VIEW_WORD + PAIR_FLAG, VIEW_WORD, VIEW_WORD + PAIR_FLAG, VIEW_WORD + PAIR_FLAG]);
  });
});
