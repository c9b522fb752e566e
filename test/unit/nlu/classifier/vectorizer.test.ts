import { DEFAULT_FEATURE_SETTINGS } from '../../../../src/nlu/classifier/extractFeatures';
import { matrixRow, SparseRow } from '../../../../src/nlu/classifier/sparse';
import { fitVectorizer, REMEMBERED_WORDS, VectorizerSettings } from '../../../../src/nlu/classifier/vectorizer';
import { wordVectorsFrom } from '../../../../src/nlu/classifier/wordVectors';

const TEXTS = ['where is my order', 'track my order', 'where is my parcel', 'refund my order', 'i want a refund'];

function settings(unknownWeight: number): VectorizerSettings {
  return { ...DEFAULT_FEATURE_SETTINGS, wordViewWeight: 0.6, minDocumentFrequency: 1, unknownWeight, bigramWeight: 1, wordVectorWeight: 0, wordVectorRankOffset: 0, wordVectorPooling: 'mean', wordVectorKnownPower: 0, wordVectorKnownWordPower: 0, wordVectorCoveragePower: 0 };
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
      for (const value of matrixRow(matrix, r).values()) sum += value ** 2;
      expect(Math.sqrt(sum)).toBeCloseTo(1, 5);
    }
  });

  it('transforms a training text like the training matrix row', () => {
    const { vectorizer, matrix } = fitVectorizer(TEXTS, settings(1));
    const row = new SparseRow();
    vectorizer.transformInto(TEXTS[1] as string, row);
    const expected = matrixRow(matrix, 1);
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

  it('sets the same words in another order further apart with a larger bigramWeight', () => {
    const texts = [...TEXTS, 'my order is late', 'late is my order'];
    const similarity = (bigramWeight: number): number => {
      const { matrix } = fitVectorizer(texts, { ...settings(1), bigramWeight });
      const other = matrixRow(matrix, texts.length - 1);
      let dot = 0;
      for (const [feature, value] of matrixRow(matrix, texts.length - 2)) dot += value * (other.get(feature) ?? 0);
      return dot;
    };
    expect(similarity(2)).toBeLessThan(similarity(1));
  });

  /** The entries of a transformed row, in order. */
  function entries(row: SparseRow): [number, number][] {
    return Array.from({ length: row.length }, (_, k) => [row.indices[k] as number, row.values[k] as number]);
  }

  it('transforms each training text into exactly its training matrix row, the first time and once its words are remembered', () => {
    const { vectorizer, matrix } = fitVectorizer(TEXTS, settings(1));
    const row = new SparseRow();
    TEXTS.forEach((text, r) => {
      const expected = Array.from({ length: (matrix.rowStart[r + 1] as number) - (matrix.rowStart[r] as number) }, (_, k) => {
        const at = (matrix.rowStart[r] as number) + k;
        return [matrix.indices[at] as number, matrix.values[at] as number];
      });
      vectorizer.transformInto(text, row);
      expect(entries(row)).toEqual(expected);
      vectorizer.transformInto(text, row);
      expect(entries(row)).toEqual(expected);
    });
  });

  it('transforms a message alike after more than REMEMBERED_WORDS other words', () => {
    const { vectorizer } = fitVectorizer(TEXTS, settings(1));
    const row = new SparseRow();
    vectorizer.transformInto('where is my refund order', row);
    const first = entries(row);
    for (let i = 0; i <= REMEMBERED_WORDS; i++) vectorizer.transformInto(`word${i}`, row);
    vectorizer.transformInto('where is my refund order', row);
    expect(entries(row)).toEqual(first);
  });

  it('reads a run of spaces as one', () => {
    const { vectorizer } = fitVectorizer(TEXTS, settings(1));
    const row = new SparseRow();
    vectorizer.transformInto('where is my order', row);
    const single = entries(row);
    vectorizer.transformInto('where  is my order ', row);
    expect(entries(row)).toEqual(single);
  });

  it('returns an empty vector for a message with no known feature', () => {
    const { vectorizer } = fitVectorizer(TEXTS, settings(1));
    const row = new SparseRow();
    vectorizer.transformInto('qqqq', row);
    expect(row.length).toBe(0);
  });
});

describe('fitVectorizer with word vectors', () => {
  // Two-dimensional toy vectors: "order" and "parcel" point one way, "refund" the other.
  const VECTORS = wordVectorsFrom({ words: ['order', 'parcel', 'refund'], dimensions: 2, vectors: [1, 0, 0.8, 0.6, 0, 1] });

  function withVectors(maxPooling: boolean): VectorizerSettings {
    return { ...settings(1), wordVectorWeight: 0.5, wordVectorPooling: maxPooling ? 'mean+max' : 'mean' };
  }

  /** The entries of `row` past the vocabulary (the word vector part). */
  function vectorPart(row: SparseRow, vocabularySize: number): number[] {
    const part: number[] = [];
    for (let k = 0; k < row.length; k++) if ((row.indices[k] as number) >= vocabularySize) part.push(row.values[k] as number);
    return part;
  }

  it('appends the normalised mean word vector, of length wordVectorWeight, after the vocabulary', () => {
    const { vectorizer } = fitVectorizer(TEXTS, withVectors(false), VECTORS);
    const row = new SparseRow();
    vectorizer.transformInto('order refund', row);
    const part = vectorPart(row, vectorizer.size - 2);
    expect(part.map((v) => Number(v.toFixed(3)))).toEqual([0.354, 0.354]);
  });

  it('appends the element-wise maximum after the mean with max pooling', () => {
    const { vectorizer } = fitVectorizer(TEXTS, withVectors(true), VECTORS);
    const row = new SparseRow();
    vectorizer.transformInto('order parcel', row);
    // max of (1, 0) and (0.8, 0.6) is (1, 0.6), normalised to length 0.5.
    const part = vectorPart(row, vectorizer.size - 4);
    expect(part.slice(2).map((v) => Number(v.toFixed(3)))).toEqual([0.429, 0.257]);
  });

  it('scales the word vector part by the share of words the training texts used, with wordVectorKnownWordPower', () => {
    // "zebra" has a vector but no training text uses it: half the words are known.
    const vectors = wordVectorsFrom({ words: ['order', 'zebra'], dimensions: 2, vectors: [1, 0, 0, 1] });
    const lengthOf = (power: number): number => {
      const { vectorizer } = fitVectorizer(TEXTS, { ...withVectors(false), wordVectorKnownWordPower: power }, vectors);
      const row = new SparseRow();
      vectorizer.transformInto('order zebra', row);
      return Math.hypot(...vectorPart(row, vectorizer.size - 2));
    };
    expect(lengthOf(0)).toBeCloseTo(0.5, 6);
    expect(lengthOf(1)).toBeCloseTo(0.25, 6);
  });

  it('scales the word vector part by the share of words that have a vector, with wordVectorCoveragePower', () => {
    // "where" and "is" have no vector: one word in three has one.
    const lengthOf = (power: number): number => {
      const { vectorizer } = fitVectorizer(TEXTS, { ...withVectors(false), wordVectorCoveragePower: power }, VECTORS);
      const row = new SparseRow();
      vectorizer.transformInto('where is parcel', row);
      return Math.hypot(...vectorPart(row, vectorizer.size - 2));
    };
    expect(lengthOf(0)).toBeCloseTo(0.5, 6);
    expect(lengthOf(1)).toBeCloseTo(0.5 / 3, 6);
  });

  it('counts only vocabulary features in what transformInto returns', () => {
    const { vectorizer } = fitVectorizer(TEXTS, withVectors(false), VECTORS);
    const row = new SparseRow();
    const known = vectorizer.transformInto('refund', row);
    expect(row.length - known).toBe(2);
  });

  it('adds no word vector part to a message with no known feature', () => {
    const { vectorizer } = fitVectorizer(TEXTS, withVectors(false), VECTORS);
    const row = new SparseRow();
    expect(vectorizer.transformInto('qqqq', row)).toBe(0);
    expect(row.length).toBe(0);
  });

  it('keeps the word vector part of the training matrix in its dense block', () => {
    const { vectorizer, matrix } = fitVectorizer(TEXTS, withVectors(false), VECTORS);
    expect(matrix.denseColumns).toBe(2);
    expect(matrix.denseStart).toBe(vectorizer.size - 2);
    for (let k = 0; k < matrix.indices.length; k++) expect(matrix.indices[k]).toBeLessThan(matrix.denseStart);
    expect(Array.from(matrix.dense.subarray(6, 8)).some((v) => v !== 0)).toBe(true);
  });

  it('transforms a training text like its training matrix row, word vector included', () => {
    const { vectorizer, matrix } = fitVectorizer(TEXTS, withVectors(true), VECTORS);
    const row = new SparseRow();
    vectorizer.transformInto(TEXTS[3] as string, row);
    const expected = matrixRow(matrix, 3);
    expect(row.length).toBe(expected.size);
    for (let k = 0; k < row.length; k++) expect(row.values[k]).toBeCloseTo(expected.get(row.indices[k] as number) as number, 6);
  });
});
