/**
 * TF-IDF vectoriser over hashed features: a vocabulary learned from the training texts (features
 * seen in fewer than `minDocumentFrequency` texts, and unseen ones, are ignored), sublinear term
 * frequency (1 + log tf), smoothed idf (word bigrams' times bigramWeight), each view L2-normalised
 * and scaled by its weight so the whole vector has unit length. Transforming a message reuses
 * scratch buffers, and the feature ids of the words it has seen lately (wordFeatureIds).
 */
import { addWordFeatures, bigramHash, END_HASH, extractFeatures, FeatureBuffer, FeatureSettings, hashWord, isLowerLatinWord, PAIR_FLAG, START_HASH, VIEW_CHAR, VIEW_WORD } from './extractFeatures';
import { HashIndex } from './hashIndex';
import { quantizeInto, SparseMatrix, SparseRow } from './sparse';
import type { WordVectors } from './wordVectors';

export interface VectorizerSettings extends FeatureSettings {
  /** Relative weight of the word view versus the character view (0..1). */
  wordViewWeight: number;
  /** Features seen in fewer training texts are dropped. */
  minDocumentFrequency: number;
  /**
   * Dropped and unseen features still count in their view's norm, each like a feature seen in one
   * training text, times this factor (0 = ignored): a message made mostly of words the training
   * set never saw then scores low on every intent instead of being judged on its few known words.
   */
  unknownWeight: number;
  /**
   * Factor on the idf of word bigrams (1 = weighed like any feature): two words in a row say
   * more about what a message asks ("cancel my" / "my card" against "card" and "cancel" alone)
   * than their idf alone gives them.
   */
  bigramWeight: number;
  /**
   * Length of the averaged word vector appended to the message's vector (0 = none): the mean of
   * the unit vectors of the message's words that have one, normalised, times this weight.
   */
  wordVectorWeight: number;
  /** Each word's vector counts rank / (rank + this) in the mean (rank 1 = most frequent English word). */
  wordVectorRankOffset: number;
  /** Word vector blocks appended: the mean, then optionally the element-wise maximum and minimum (each normalised and weighted). */
  wordVectorPooling: WordVectorPooling;
  /**
   * The word vector part is scaled by the length of the vocabulary part (1 when every feature is
   * known, less when some are unknown) to this power (0 = not scaled).
   */
  wordVectorKnownPower: number;
  /**
   * The word vector part is also scaled by the fraction of the message's words that are in the
   * vocabulary as words, to this power (0 = not scaled): a message of words the training texts
   * never used then gets no word vector part, so it looks as out of scope as it would without
   * word vectors (word vectors alone put "asdf qwerty" near short examples such as greetings).
   */
  wordVectorKnownWordPower: number;
  /**
   * The word vector part is also scaled by the fraction of the message's words that have a word
   * vector, to this power (0 = not scaled): the vectors are English, so a Hinglish message, most
   * of whose words have none ("mera order kab aayega"), leans on them less.
   */
  wordVectorCoveragePower: number;
}

export type WordVectorPooling = 'mean' | 'mean+max' | 'mean+max+min';
const POOLING_BLOCKS: Record<WordVectorPooling, number> = { mean: 1, 'mean+max': 2, 'mean+max+min': 3 };

/**
 * Words whose feature ids a vectoriser remembers (each a few dozen numbers): customers reuse few
 * words, and a message is often read several times in parts (its clauses, its Devanagari reading).
 * Past this many, all are forgotten at once when the next message is transformed.
 */
export const REMEMBERED_WORDS = 4096;

export class Vectorizer {
  private readonly features = new FeatureBuffer();
  private readonly featureIds = new SparseRow();
  private readonly wordFeatures = new FeatureBuffer();
  /**
   * Remembered words, each an entry of wordPool at its offset: the number n of its own features
   * (the word, then addWordFeatures' in order), the word's hash, then their n ids (a vocabulary
   * feature, or -1 - view for one the vocabulary does not have). One pool of numbers, reused once
   * grown: remembering words leaves little for the garbage collector.
   */
  private readonly wordOffsets = new Map<string, number>();
  private wordPool: Int32Array<ArrayBuffer> = new Int32Array(1 << 12);
  private wordPoolUsed = 0;
  /** The offsets of the words of the message being transformed, in order. */
  private messageWords: Int32Array<ArrayBuffer> = new Int32Array(64);
  private readonly counts: Float32Array;
  private readonly viewWeights: Float64Array;
  private readonly unknownSquare: number;
  /** Averaged word vector of the message being transformed (null: no word vectors). */
  private readonly dense: Float64Array | null;
  private readonly scratch: Float64Array;

  constructor(
    private readonly settings: VectorizerSettings,
    private readonly vocabulary: HashIndex,
    private readonly idf: Float32Array,
    private readonly featureView: Uint8Array,
    trainingTexts: number,
    private readonly wordVectors: WordVectors | null = null,
  ) {
    this.dense = wordVectors !== null && settings.wordVectorWeight > 0 ? new Float64Array(denseSize(settings, wordVectors)) : null;
    this.scratch = new Float64Array(wordVectors?.dimensions ?? 0);
    this.counts = new Float32Array(idf.length);
    this.viewWeights = Float64Array.of(settings.wordViewWeight, Math.sqrt(1 - settings.wordViewWeight ** 2));
    this.unknownSquare = (settings.unknownWeight * (Math.log((1 + trainingTexts) / 2) + 1)) ** 2;
  }

  /** Number of features: the vocabulary, then the word vector's dimensions (if any). */
  get size(): number {
    return this.idf.length + (this.dense === null ? 0 : this.dense.length);
  }

  /** The first word vector feature (= the vocabulary's size). */
  get denseStart(): number {
    return this.idf.length;
  }

  /**
   * The vector of a normalised message, written into `out` (overwritten); returns how many
   * vocabulary features (word vector dimensions excluded) the message has.
   */
  transformInto(normalized: string, out: SparseRow): number {
    const { features, featureIds, dense } = this;
    const bigrams = this.settings.wordBigrams;
    if (this.wordOffsets.size >= REMEMBERED_WORDS) {
      this.wordOffsets.clear();
      this.wordPoolUsed = 0;
    }
    // The features extractFeatures would list, in its order: per word, the word, its bigram with
    // the word before, its own features; then the last word's bigram with the end.
    features.wordCount = 0;
    let wordCount = 0;
    let count = 0;
    for (let start = 0; start < normalized.length; ) {
      const space = normalized.indexOf(' ', start);
      const end = space < 0 ? normalized.length : space;
      if (end > start) {
        const offset = this.wordOffset(normalized.slice(start, end));
        if (wordCount === this.messageWords.length) this.messageWords = grown(this.messageWords, wordCount + 1);
        this.messageWords[wordCount++] = offset;
        count += (this.wordPool[offset] as number) + (bigrams ? 1 : 0);
      }
      start = end + 1;
    }
    featureIds.reserve(count + 1);
    const ids = featureIds.indices;
    const pool = this.wordPool;
    let length = 0;
    let previous = START_HASH;
    for (let w = 0; w < wordCount; w++) {
      const offset = this.messageWords[w] as number;
      const own = pool[offset] as number;
      const hash = (pool[offset + 1] as number) >>> 0;
      features.pushWord(hash);
      ids[length++] = pool[offset + 2] as number;
      if (bigrams) ids[length++] = this.idOf(bigramHash(previous, hash), VIEW_WORD + PAIR_FLAG);
      previous = hash;
      for (let j = offset + 3; j < offset + 2 + own; j++) ids[length++] = pool[j] as number;
    }
    if (bigrams && previous !== START_HASH) ids[length++] = this.idOf(bigramHash(previous, END_HASH), VIEW_WORD + PAIR_FLAG);
    const hasVector = dense !== null && this.averageWordVector(features.words, 0, features.wordCount, dense);
    return this.weigh(ids, length, out, hasVector ? dense : null, hasVector ? this.knownWordScale(features.words, 0, features.wordCount) : 1);
  }

  /** The vocabulary feature of a feature hash; unknown features are -1 - view (-3 for bigrams: ignored). */
  private idOf(hash: number, view: number): number {
    const id = this.vocabulary.get(hash);
    return id >= 0 ? id : -1 - view;
  }

  /** The offset in wordPool of the entry of `word`, written there when it is not remembered. */
  private wordOffset(word: string): number {
    const remembered = this.wordOffsets.get(word);
    if (remembered !== undefined) return remembered;
    const own = this.wordFeatures;
    own.length = 0;
    addWordFeatures(word, 0, word.length, isLowerLatinWord(word, 0, word.length), this.settings, own);
    const offset = this.wordPoolUsed;
    const end = offset + 3 + own.length;
    if (end > this.wordPool.length) this.wordPool = grown(this.wordPool, end);
    const pool = this.wordPool;
    const hash = hashWord(word, 0, word.length);
    pool[offset] = own.length + 1;
    pool[offset + 1] = hash | 0;
    pool[offset + 2] = this.idOf(hash, VIEW_WORD);
    for (let k = 0; k < own.length; k++) pool[offset + 3 + k] = this.idOf(own.hashes[k] as number, own.views[k] as number);
    this.wordPoolUsed = end;
    this.wordOffsets.set(word, offset);
    return offset;
  }

  /**
   * Fills `out` with the normalised mean of the unit vectors of the words words[from, to) (word
   * hashes), then as wordVectorPooling says their normalised element-wise maximum and minimum;
   * false (and zeros) if no word has a vector.
   */
  averageWordVector(words: Uint32Array | Int32Array, from: number, to: number, out: Float64Array): boolean {
    out.fill(0);
    const vectors = this.wordVectors as WordVectors;
    const { dimensions } = vectors;
    const { wordVectorRankOffset, wordVectorPooling, wordVectorWeight } = this.settings;
    const blocks = POOLING_BLOCKS[wordVectorPooling];
    const scratch = this.scratch;
    let found = 0;
    for (let k = from; k < to; k++) {
      const row = vectors.rowOf((words[k] as number) >>> 0);
      if (row < 0) continue;
      vectors.addRowInto(row, out, wordVectorRankOffset);
      if (blocks > 1) {
        scratch.fill(0);
        vectors.addRowInto(row, scratch);
        for (let d = 0; d < dimensions; d++) {
          const value = scratch[d] as number;
          if (found === 0 || value > (out[dimensions + d] as number)) out[dimensions + d] = value;
          if (blocks > 2 && (found === 0 || value < (out[2 * dimensions + d] as number))) out[2 * dimensions + d] = value;
        }
      }
      found++;
    }
    if (found === 0) return false;
    const weight = wordVectorWeight * (found / (to - from)) ** this.settings.wordVectorCoveragePower;
    for (let b = 0; b < blocks; b++) normalizeRange(out, b * dimensions, (b + 1) * dimensions, weight);
    return true;
  }

  /** (Fraction of the words words[from, to) that are vocabulary features) ^ wordVectorKnownWordPower. */
  knownWordScale(words: Uint32Array | Int32Array, from: number, to: number): number {
    const power = this.settings.wordVectorKnownWordPower;
    if (power === 0 || to <= from) return 1;
    let known = 0;
    for (let k = from; k < to; k++) if (this.vocabulary.get((words[k] as number) >>> 0) >= 0) known++;
    return (known / (to - from)) ** power;
  }

  /**
   * TF-IDF of a list of feature ids (repeats count as term frequency; -1 - view = a feature of
   * that view not in the vocabulary), written into `out`, followed by `dense` (the message's
   * weighted word vector) if given and the message has any known feature. Returns the number of
   * vocabulary features (`dense` not counted).
   */
  weigh(ids: Int32Array, count: number, out: SparseRow, dense: ArrayLike<number> | null = null, denseScale = 1): number {
    const { counts, idf, featureView, viewWeights } = this;
    out.reserve(count + (dense === null ? 0 : dense.length));
    const indices = out.indices;
    const values = out.values;
    let length = 0;
    let unknownWords = 0;
    let unknownChars = 0;
    for (let k = 0; k < count; k++) {
      const id = ids[k] as number;
      if (id < 0) {
        if (id === -1 - VIEW_WORD) unknownWords++;
        else if (id === -1 - VIEW_CHAR) unknownChars++;
        continue;
      }
      if (counts[id] === 0) indices[length++] = id;
      counts[id] = (counts[id] as number) + 1;
    }
    let wordNorm = unknownWords * this.unknownSquare;
    let charNorm = unknownChars * this.unknownSquare;
    for (let k = 0; k < length; k++) {
      const id = indices[k] as number;
      const count = counts[id] as number;
      // Most features occur once, and 1 + log 1 is exactly 1: no logarithm to take.
      const value = count === 1 ? (idf[id] as number) : (1 + Math.log(count)) * (idf[id] as number);
      counts[id] = 0;
      values[k] = value;
      if (featureView[id] === VIEW_WORD) wordNorm += value * value;
      else charNorm += value * value;
    }
    if (length === 0) wordNorm = charNorm = 0;
    const wordScale = wordNorm > 0 ? (viewWeights[0] as number) / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? (viewWeights[1] as number) / Math.sqrt(charNorm) : 0;
    for (let k = 0; k < length; k++) {
      values[k] = (values[k] as number) * (featureView[indices[k] as number] === VIEW_WORD ? wordScale : charScale);
    }
    const known = length;
    if (dense !== null && length > 0) {
      // Shrunk like the vocabulary part, whose length unknown features reduce (see unknownWeight).
      let known = 0;
      for (let k = 0; k < length; k++) known += (values[k] as number) ** 2;
      const scale = known ** (this.settings.wordVectorKnownPower / 2) * denseScale;
      const first = idf.length;
      for (let d = 0; d < dense.length; d++) {
        indices[length] = first + d;
        values[length++] = (dense[d] as number) * scale;
      }
    }
    out.length = length;
    return known;
  }
}

/** A copy of `array` with room for at least `capacity` numbers (twice its length, or more). */
function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(Math.max(capacity, array.length * 2));
  copy.set(array);
  return copy;
}

/** Scales values[from, to) to length `weight` (left as is if all zero). */
function normalizeRange(values: Float64Array, from: number, to: number, weight: number): void {
  let norm = 0;
  for (let d = from; d < to; d++) norm += (values[d] as number) ** 2;
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  for (let d = from; d < to; d++) values[d] = (values[d] as number) * scale;
}

/** Length of the word vector part of a message's vector. */
function denseSize(settings: VectorizerSettings, wordVectors: WordVectors): number {
  return wordVectors.dimensions * POOLING_BLOCKS[settings.wordVectorPooling];
}

class GrowableInt32 {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(Math.ceil(this.data.length * 1.5) + 16);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Learns the vocabulary and idf from the texts and returns their TF-IDF matrix. Features are
 * extracted once: the first pass records each text's raw feature ids and document frequencies,
 * the second weighs them.
 */
export function fitVectorizer(
  normalizedTexts: readonly string[],
  settings: VectorizerSettings,
  wordVectors: WordVectors | null = null,
): { vectorizer: Vectorizer; matrix: SparseMatrix } {
  const n = normalizedTexts.length;
  const buffer = new FeatureBuffer();
  const rawIds = new HashIndex(1 << 14);
  const rawHash = new GrowableInt32(1 << 14);
  const rawView = new GrowableInt32(1 << 14);
  const rawPair = new GrowableInt32(1 << 14);
  const rawDf = new GrowableInt32(1 << 14);
  const rawLastText = new GrowableInt32(1 << 14);
  // About (length + 2) × (character n-gram orders + ½) occurrences per text: sized once, rarely grown.
  const orders = settings.maxCharGram - settings.minCharGram + 1.5;
  let expected = 16;
  for (const text of normalizedTexts) expected += Math.ceil((text.length + 2) * orders);
  const occurrences = new GrowableInt32(expected);
  const textStart = new Int32Array(n + 1);
  // The averaged word vector of each text, computed on the first pass (the word hashes are gone after).
  const withVectors = wordVectors !== null && settings.wordVectorWeight > 0;
  const dimensions = withVectors ? denseSize(settings, wordVectors) : 0;
  // Word hashes of every text (for the word vector part, weighed on the second pass).
  const wordHashes = new GrowableInt32(withVectors ? n * 16 : 0);
  const wordStart = new Int32Array(n + 1);
  const dense = new Float64Array(dimensions);
  for (let t = 0; t < n; t++) {
    textStart[t] = occurrences.length;
    extractFeatures(normalizedTexts[t] as string, settings, buffer);
    wordStart[t] = wordHashes.length;
    if (withVectors) for (let k = 0; k < buffer.wordCount; k++) wordHashes.push((buffer.words[k] as number) | 0);
    for (let k = 0; k < buffer.length; k++) {
      const hash = buffer.hashes[k] as number;
      let id = rawIds.get(hash);
      if (id < 0) {
        id = rawHash.length;
        rawIds.set(hash, id);
        rawHash.push(hash | 0);
        rawView.push((buffer.views[k] as number) & ~PAIR_FLAG);
        rawPair.push((buffer.views[k] as number) & PAIR_FLAG);
        rawDf.push(0);
        rawLastText.push(-1);
      }
      if (rawLastText.data[id] !== t) {
        rawLastText.data[id] = t;
        rawDf.data[id] = (rawDf.data[id] as number) + 1;
      }
      occurrences.push(id);
    }
  }
  textStart[n] = occurrences.length;
  wordStart[n] = wordHashes.length;

  const rawCount = rawHash.length;
  const rawToFeature = new Int32Array(rawCount);
  let size = 0;
  // Feature indices by descending document frequency (ties: first seen first), so the most used
  // weights sit together in memory.
  const kept: number[] = [];
  for (let id = 0; id < rawCount; id++) {
    rawToFeature[id] = -1;
    if ((rawDf.data[id] as number) >= settings.minDocumentFrequency) kept.push(id);
  }
  kept.sort((a, b) => (rawDf.data[b] as number) - (rawDf.data[a] as number) || a - b);
  for (const id of kept) rawToFeature[id] = size++;
  const vocabulary = new HashIndex(size);
  const idf = new Float32Array(size);
  const featureView = new Uint8Array(size);
  for (let id = 0; id < rawCount; id++) {
    const feature = rawToFeature[id] as number;
    if (feature < 0) continue;
    vocabulary.set((rawHash.data[id] as number) >>> 0, feature);
    idf[feature] = (Math.log((1 + n) / (1 + (rawDf.data[id] as number))) + 1) * ((rawPair.data[id] as number) === 0 ? 1 : settings.bigramWeight);
    featureView[feature] = rawView.data[id] as number;
  }
  const vectorizer = new Vectorizer(settings, vocabulary, idf, featureView, n, wordVectors);

  const ids = occurrences.data;
  for (let k = 0; k < occurrences.length; k++) {
    const raw = ids[k] as number;
    const feature = rawToFeature[raw] as number;
    ids[k] = feature >= 0 ? feature : -1 - ((rawView.data[raw] as number) | (rawPair.data[raw] as number));
  }
  // A text has at most as many distinct features as occurrences, so its sparse entries are written
  // over its own occurrence ids (already read) and the values fit a buffer of that size; both are
  // handed out as views (no copy). The word vector part goes to the dense block.
  const rowStart = new Int32Array(n + 1);
  const indices = ids;
  const values = new Float32Array(occurrences.length);
  const denseStart = vectorizer.size - dimensions;
  const denseBlock = new Int8Array(n * dimensions);
  const denseScales = new Float32Array(n);
  const denseRow = new Float64Array(dimensions);
  const row = new SparseRow();
  let nnz = 0;
  for (let t = 0; t < n; t++) {
    rowStart[t] = nnz;
    const start = textStart[t] as number;
    const end = textStart[t + 1] as number;
    const hasVector = withVectors && vectorizer.averageWordVector(wordHashes.data, wordStart[t] as number, wordStart[t + 1] as number, dense);
    const denseScale = hasVector ? vectorizer.knownWordScale(wordHashes.data, wordStart[t] as number, wordStart[t + 1] as number) : 1;
    vectorizer.weigh(ids.subarray(start, end), end - start, row, hasVector ? dense : null, denseScale);
    for (let k = 0; k < row.length; k++) {
      const column = row.indices[k] as number;
      if (column >= denseStart) {
        denseRow[column - denseStart] = row.values[k] as number;
      } else {
        indices[nnz] = column;
        values[nnz++] = row.values[k] as number;
      }
    }
    if (dimensions > 0) {
      denseScales[t] = quantizeInto(denseRow, 0, dimensions, denseBlock, t * dimensions);
      denseRow.fill(0);
    }
  }
  rowStart[n] = nnz;
  return {
    vectorizer,
    matrix: { rows: n, columns: vectorizer.size, rowStart, indices: indices.subarray(0, nnz), values: values.subarray(0, nnz), denseStart, denseColumns: dimensions, dense: denseBlock, denseScale: denseScales },
  };
}
