import { DEFAULT_FEATURE_SETTINGS } from '../../../../src/nlu/classifier/extractFeatures';
import { SparseRow } from '../../../../src/nlu/classifier/sparse';
import { fitVectorizer, VectorizerSettings } from '../../../../src/nlu/classifier/vectorizer';

const TEXTS = ['where is my order', 'track my order', 'where is my parcel', 'refund my order', 'i want a refund'];

function settings(unknownWeight: number): VectorizerSettings {
  return { ...DEFAULT_FEATURE_SETTINGS, wordViewWeight: 0.6, minDocumentFrequency: 1, unknownWeight, wordVectorWeight: 0, wordVectorRankOffset: 0, wordClusterLevels: [], wordClusterBigrams: false };
}

function norm(row: SparseRow): number {
  let sum = 0;
  for (let k = 0; k < row.length; k++) sum += (row.values[k] as number) ** 2;
  return Math.sqrt(sum);
}

describe('fitVectorizer', () => {
  it('gives training texts unit-length vectors', () => {
    const { matrix } = fitVectorizer(TEXTS, settings(1));
    for (let r = 0; r < matrix.rows; r++) {
      let sum = 0;
      for (let k = matrix.rowStart[r] as number; k < (matrix.rowStart[r + 1] as number); k++) sum += (matrix.values[k] as number) ** 2;
      expect(Math.sqrt(sum)).toBeCloseTo(1, 5);
    }
  });

  it('transforms a training text like the training matrix row', () => {
    const { vectorizer, matrix } = fitVectorizer(TEXTS, settings(1));
    const row = new SparseRow();
    vectorizer.transformInto(TEXTS[1] as string, row);
    const expected = new Map<number, number>();
    for (let k = matrix.rowStart[1] as number; k < (matrix.rowStart[2] as number); k++) expected.set(matrix.indices[k] as number, matrix.values[k] as number);
    expect(row.length).toBe(expected.size);
    for (let k = 0; k < row.length; k++) expect(row.values[k]).toBeCloseTo(expected.get(row.indices[k] as number) as number, 6);
  });

  it('shrinks the known part of a message made mostly of unseen words', () => {
    const { vectorizer } = fitVectorizer(TEXTS, settings(1));
    const row = new SparseRow();
    vectorizer.transformInto('order', row);
    const known = norm(row);
    vectorizer.transformInto('order xylophone quantum zebra', row);
    expect(known).toBeCloseTo(1, 5);
    expect(norm(row)).toBeLessThan(0.6);
  });

  it('ignores unseen words in the norm when unknownWeight is 0', () => {
    const { vectorizer } = fitVectorizer(TEXTS, settings(0));
    const row = new SparseRow();
    vectorizer.transformInto('order xylophone quantum zebra', row);
    expect(norm(row)).toBeCloseTo(1, 5);
  });

  it('returns an empty vector for a message with no known feature', () => {
    const { vectorizer } = fitVectorizer(TEXTS, settings(1));
    const row = new SparseRow();
    vectorizer.transformInto('qqqq', row);
    expect(row.length).toBe(0);
  });
});
