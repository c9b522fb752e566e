/**
 * Inbox search cost (`npm run bench:search`): indexes a desk of customer messages
 * (BENCH_CONVERSATIONS, default 1,000, × 4 messages, words of five languages, order numbers, phones, e-mails), then
 * times lookups by order number, phone, e-mail and two words; prints the index's size (keys and
 * entries) against its bounds. On the embedded store, and on a real Redis when BENCH_REDIS_URL is set.
 */
import Redis from 'ioredis';
import RedisMock from 'ioredis-mock';
import type { Conversation } from '../../src/conversations/types';
import { MAX_PER_EXACT, MAX_PER_WORD, SearchIndex } from '../../src/inbox/search/searchIndex';
import { percentile } from './nluClinc';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 1000);
const MESSAGES = 4;
const QUERIES = 300;

const WORDS = (
  'order parcel late refund broken screen tv fridge washing machine delivery address change cancel invoice warranty ' +
  'मेरा ऑर्डर नहीं आया पैसे वापस kab aayega mera paisa wapas میرا آرڈر نہیں آیا پیسے واپس मेरो अर्डर आएन'
).split(' ');

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const order = (i: number) => `SG-${String(100000 + i).padStart(6, '0')}`;
const phone = (i: number) => `+9198${String(10000000 + i).slice(-8)}`;

/** `raw`: a client on the same data without a key prefix (counts keys as they are stored). */
async function run(label: string, redis: Redis, raw: Redis, prefix = ''): Promise<void> {
  // As the desk runs it: one set per word on the embedded store, chunks on a real Redis.
  const index = new SearchIndex(redis, prefix ? {} : { oneSetPerWord: true });
  const t0 = performance.now();
  for (let i = 0; i < CONVERSATIONS; i++) {
    const conv: Conversation = { id: `c${i}`, ownerToken: 0, channel: 'whatsapp', customerAddress: `whatsapp:${phone(i)}`, customerName: `Customer ${i}`, status: 'bot', createdAt: i, updatedAt: i, messageCount: MESSAGES };
    for (let m = 0; m < MESSAGES; m++) {
      const text = Array.from({ length: 8 }, () => pick(WORDS)).join(' ');
      await index.indexMessage(conv, { text, createdAt: i * 10 + m });
    }
    await index.indexFacts(conv.id, i * 10, [
      { kind: 'order_number', value: order(i) },
      { kind: 'email', value: `customer${i}@example.in` },
    ]);
  }
  const indexMs = performance.now() - t0;
  const timeQueries = async (make: (i: number) => string) => {
    const ms: number[] = [];
    for (let q = 0; q < QUERIES; q++) {
      const s = performance.now();
      await index.find(make(Math.floor(rand() * CONVERSATIONS)), 200);
      ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    return `p50 ${percentile(ms, 0.5).toFixed(2)} ms, p95 ${percentile(ms, 0.95).toFixed(2)} ms`;
  };
  const byOrder = await timeQueries((i) => order(i).toLowerCase());
  const byPhone = await timeQueries((i) => phone(i).slice(3));
  const byEmail = await timeQueries((i) => `CUSTOMER${i}@example.in`);
  const byWords = await timeQueries(() => `${pick(WORDS)} ${pick(WORDS)}`);
  const keys = await raw.keys(`${prefix}search:*`);
  let entries = 0;
  // A word's entries are spread over its chunks (`search:word:{w}`, `search:word:{w}:2`…): counted together.
  const perWord = new Map<string, number>();
  for (const k of keys) {
    const n = await raw.zcard(k);
    entries += n;
    const word = /search:word:(\{[^}]*\})/.exec(k)?.[1];
    if (word) perWord.set(word, (perWord.get(word) ?? 0) + n);
  }
  const fullest = Math.max(0, ...perWord.values());
  console.log(`\n[${label}] ${CONVERSATIONS} conversations × ${MESSAGES} customer messages`);
  console.log(`  indexing: ${((CONVERSATIONS * MESSAGES) / (indexMs / 1000)).toFixed(0)} messages/s (${(indexMs / 1000).toFixed(1)} s in all, one at a time)`);
  console.log(`  order number: ${byOrder}`);
  console.log(`  phone:        ${byPhone}`);
  console.log(`  e-mail:       ${byEmail}`);
  console.log(`  two words:    ${byWords}`);
  console.log(`  index: ${keys.length} keys, ${entries} entries; fullest word set ${fullest} (cap ${MAX_PER_WORD}), exact sets capped at ${MAX_PER_EXACT}`);
  if (prefix) {
    // A real Redis: what the index costs (MEMORY USAGE summed over its keys; the embedded store has no MEMORY).
    let bytes = 0;
    for (const k of keys) bytes += Number((await raw.call('MEMORY', 'USAGE', k, 'SAMPLES', '0')) ?? 0);
    console.log(`  index memory: ${(bytes / 1024).toFixed(1)} KB, ${(bytes / entries).toFixed(1)} B per entry`);
  }
}

async function main(): Promise<void> {
  const mock = new RedisMock() as unknown as Redis;
  await run('embedded store (ioredis-mock)', mock, mock);
  mock.disconnect();
  const url = process.env.BENCH_REDIS_URL;
  if (url) {
    const prefix = `bench-search-${Date.now()}:`;
    const redis = new Redis(url, { keyPrefix: prefix });
    const raw = new Redis(url);
    try {
      await run(`Redis ${url}`, redis, raw, prefix);
    } finally {
      const keys = await raw.keys(`${prefix}*`);
      for (let i = 0; i < keys.length; i += 500) await raw.del(...keys.slice(i, i + 500));
      raw.disconnect();
      redis.disconnect();
    }
  } else {
    console.log('\n(set BENCH_REDIS_URL=redis://127.0.0.1:6379 to time a real Redis too)');
  }
}

void main();
