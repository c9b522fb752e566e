import { existsSync } from 'node:fs';
import { extractFeatures, FeatureBuffer, DEFAULT_FEATURE_SETTINGS, hashWord } from '../../../../src/nlu/classifier/extractFeatures';
import { decodeWordVectors, DEFAULT_WORD_VECTORS_FILE, defaultWordVectors, encodeWordVectors, WordVectorData, wordVectorsFrom } from '../../../../src/nlu/classifier/wordVectors';

const DATA: WordVectorData = {
  words: ['money', 'refund', 'Café'],
  dimensions: 3,
  vectors: [3, 4, 0, 0, 0, 2, 1, 0, 0],
};

function vectorOf(vectors: ReturnType<typeof wordVectorsFrom>, word: string, rankOffset = 0): Float64Array | null {
  const out = new Float64Array(3);
  return vectors.addInto(hashWord(word, 0, word.length), out, rankOffset) ? out : null;
}

describe('word vectors', () => {
  it('looks a word up by the hash the feature extractor gives it', () => {
    const features = new FeatureBuffer();
    extractFeatures('my money back', DEFAULT_FEATURE_SETTINGS, features);
    expect(features.wordCount).toBe(3);
    expect(features.words[1]).toBe(hashWord('money', 0, 5));
  });

  it('adds the unit-length vector of a known word', () => {
    const vector = vectorOf(wordVectorsFrom(DATA), 'money');
    expect(Array.from(vector ?? [])).toEqual([expect.closeTo(0.6, 2), expect.closeTo(0.8, 2), 0]);
  });

  it('reports an unknown word and leaves the sum alone', () => {
    expect(vectorOf(wordVectorsFrom(DATA), 'parcel')).toBeNull();
  });

  it('normalises stored words like messages (accents and case)', () => {
    expect(vectorOf(wordVectorsFrom(DATA), 'cafe')).not.toBeNull();
  });

  it('weighs frequent words down with a rank offset', () => {
    // "money" has rank 1: weight 1 / (1 + 3).
    const vector = vectorOf(wordVectorsFrom(DATA), 'money', 3);
    expect(vector?.[1]).toBeCloseTo(0.2, 2);
  });

  it('decodes what it encodes', () => {
    const decoded = decodeWordVectors(encodeWordVectors(DATA));
    expect(decoded.size).toBe(3);
    expect(vectorOf(decoded, 'refund')?.[2]).toBeCloseTo(1, 5);
  });

  it('rejects a file without the header', () => {
    expect(() => decodeWordVectors(Buffer.from('not vectors at all'))).toThrow(/bad header/);
  });

  it('rejects a truncated file', () => {
    const encoded = encodeWordVectors(DATA);
    expect(() => decodeWordVectors(encoded.subarray(0, encoded.length - 2))).toThrow(/truncated/);
  });

  it('ships English vectors with the repository', () => {
    expect(existsSync(DEFAULT_WORD_VECTORS_FILE)).toBe(true);
    expect(defaultWordVectors()?.dimensions).toBe(100);
  });
});
