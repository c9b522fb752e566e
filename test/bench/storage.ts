/**
 * `npm run bench:storage`: what a conversation costs in Redis. Starts a fresh redis-server of its
 * own (nothing else in it), Baton in process on it (real runtime, WhatsApp through Twilio, a local
 * fake Twilio API that posts `sent` and `delivered` status callbacks like Twilio does), and plays
 * BENCH_CONVERSATIONS (200) conversations of about 20 messages through signed webhooks and the agent
 * API:
 * - two in three stay with the bot: 10 customer questions, 10 bot answers;
 * - one in three escalates: an order question with its number (a fact and a packet), a request for
 *   a person, an agent claims and answers the rest, resolves, and the customer answers the CSAT survey.
 * Then prints used_memory after − before, divided by the conversations, keys per conversation, and a
 * breakdown by key kind (MEMORY USAGE summed per kind, the hash tag replaced by `*`); then deletes the
 * new keys that have a TTL and prints used_memory again: what a conversation costs once they expired.
 * Last, a headline: fresh per conversation, split into the conversation's own part and the capped
 * shared logs (the live-event stream and the audit list, a fixed cost once at their cap, whose size
 * at the cap is estimated from the bytes per entry measured here), and the lasting part.
 *
 * Env: BENCH_CONVERSATIONS (200), BENCH_PARALLEL (6 conversations at a time), BENCH_SHOW=1 (prints the
 * keys of the last escalated conversation as stored, to see where the bytes go).
 */
import Redis from 'ioredis';
import { TWILIO_TEST_CONFIG } from '../fixtures/twilio';
import { FakeTwilioApi } from '../support/fakePlatforms';
import { cleanRedisDirs, startRedisServer } from '../support/redisServers';
import { botConversation, escalatedConversation, type PlayCtx as Ctx } from '../support/whatsappConversations';
import { startTestBaton, type TestBaton } from '../support/testBaton';
import { DEFAULT_AUDIT_MAX_ENTRIES } from '../../src/inbox/audit/redisAuditLog';
import { DEFAULT_EVENT_STREAM_MAX } from '../../src/inbox/events/redisEventBus';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 200);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 6);
const PREFIX = 'baton:';
const ADMIN = { email: 'bench-lead@storage.test', password: 'Storage-bench-lead-5821' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `conv:{*}:msgs`: the key without its prefix, the hash tag as `*`, long ids after the tag as `*`. */
export function kindOf(key: string): string {
  const k = key.startsWith(PREFIX) ? key.slice(PREFIX.length) : key;
  const open = k.indexOf('{');
  const close = k.indexOf('}', open);
  if (open < 0 || close < 0) return k.replace(/:[^:]{12,}/g, ':*');
  const tail = k
    .slice(close + 1)
    .split(':')
    .map((p) => (p.length >= 12 || /\d{4,}/.test(p) ? '*' : p))
    .join(':');
  return `${k.slice(0, open)}{*}${tail}`;
}

async function usedMemory(r: Redis): Promise<number> {
  const info = await r.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}

/** MEMORY STATS as numbers (nested db entries flattened as `db.0.overhead.hashtable.main`). */
async function memoryStats(r: Redis): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const walk = (prefix: string, flat: unknown[]) => {
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const k = `${prefix}${String(flat[i])}`;
      const v = flat[i + 1];
      if (Array.isArray(v)) walk(`${k}.`, v);
      else if (typeof v === 'number') out.set(k, v);
    }
  };
  walk('', (await r.call('MEMORY', 'STATS')) as unknown[]);
  return out;
}

async function allKeys(r: Redis): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'COUNT', 1000);
    cursor = next;
    out.push(...keys);
  } while (cursor !== '0');
  return out;
}

async function main(): Promise<void> {
  const server = await startRedisServer();
  const raw = new Redis(server.url);
  const twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid, { authToken: TWILIO_TEST_CONFIG.authToken }).start();
  let baton: TestBaton | undefined;
  try {
    baton = await startTestBaton({
      redisUrl: server.url,
      prefix: PREFIX,
      env: { TWILIO_API_URL: twilio.url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    });
    const login = await fetch(`${baton.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    if (!login.ok) throw new Error(`admin login failed: ${login.status}`);
    const ctx: Ctx = { baton, twilio, token: ((await login.json()) as { token: string }).token };
    // One warm-up conversation of each kind, so the desk's one-off keys (agents, sessions, buckets) are there before.
    await botConversation(ctx, 'whatsapp:+919800000001', 0);
    await escalatedConversation(ctx, 'whatsapp:+919800000002', 0);
    await sleep(1000);
    const keysBefore = new Set(await allKeys(raw));
    const sizeBefore = new Map<string, number>();
    for (const k of keysBefore) sizeBefore.set(k, Number((await raw.call('MEMORY', 'USAGE', k, 'SAMPLES', '0')) ?? 0));
    const memBefore = await usedMemory(raw);
    const statsBefore = await memoryStats(raw);
    const logLengths = async () => ({ events: await raw.xlen(`${PREFIX}events`), audit: await raw.llen(`${PREFIX}audit`) });
    const logsBefore = await logLengths();
    const sendsBefore = twilio.accepted.length;

    const t0 = Date.now();
    let next = 0;
    let escalated = 0;
    let lastEscalated = '';
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= CONVERSATIONS) return;
        const from = `whatsapp:+9199${String(10_000_000 + i).slice(-8)}`;
        if (i % 3 === 2) {
          escalated++;
          await escalatedConversation(ctx, from, i);
          lastEscalated = (await ctx.baton.runtime.store.findByAddress('whatsapp', from))?.id ?? '';
        } else {
          await botConversation(ctx, from, i);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    await baton.settle();
    await sleep(2000); // the last status callbacks and index steps
    const memAfter = await usedMemory(raw);
    const statsAfter = await memoryStats(raw);
    const logsAfter = await logLengths();
    const keysAfter = (await allKeys(raw)).filter((k) => !keysBefore.has(k));
    let messages = 0;
    for (const k of keysAfter) {
      if (/^baton:conv:\{[^}]+\}$/.test(k)) messages += Number((await raw.hget(k, 'messageCount')) ?? (await raw.hget(k, 'n')) ?? 0);
    }
    const byKind = new Map<string, { keys: number; bytes: number; ttl: number }>();
    let withTtl = 0;
    for (const k of keysAfter) {
      const kind = kindOf(k);
      const bytes = Number((await raw.call('MEMORY', 'USAGE', k, 'SAMPLES', '0')) ?? 0);
      const expires = (await raw.pttl(k)) > 0;
      const row = byKind.get(kind) ?? { keys: 0, bytes: 0, ttl: 0 };
      row.keys++;
      row.bytes += bytes;
      if (expires) {
        row.ttl++;
        withTtl++;
      }
      byKind.set(kind, row);
    }
    const kb = (b: number) => (b / 1024).toFixed(2);
    const n = CONVERSATIONS;
    console.log(`\n## Storage: ${n} conversations (${n - escalated} with the bot, ${escalated} escalated, resolved and rated) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    console.log(`messages per conversation: ${(messages / n).toFixed(1)}; sends to the fake Twilio: ${twilio.accepted.length - sendsBefore}`);
    console.log(`used_memory: +${kb(memAfter - memBefore)} KB in all, **${kb((memAfter - memBefore) / n)} KB per conversation**`);
    console.log(`keys: +${keysAfter.length}, **${(keysAfter.length / n).toFixed(1)} per conversation** (${withTtl} of them with a TTL)`);
    const stat = (k: string) => ((statsAfter.get(k) ?? 0) - (statsBefore.get(k) ?? 0)) / n;
    console.log(
      `of which (MEMORY STATS, per conversation): dataset ${kb(stat('dataset.bytes'))} KB, key tables ${kb(stat('db.0.overhead.hashtable.main'))} KB, ` +
        `expiry tables ${kb(stat('db.0.overhead.hashtable.expires'))} KB, clients ${kb(stat('clients.normal'))} KB, scripts ${kb(stat('lua.caches'))} KB`,
    );
    console.log('\n| key kind | keys | per conversation | with a TTL | MEMORY USAGE (KB) | KB per conversation |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    const rows = [...byKind.entries()].sort((a, b) => b[1].bytes - a[1].bytes);
    let total = 0;
    for (const [kind, row] of rows) {
      total += row.bytes;
      console.log(`| \`${kind}\` | ${row.keys} | ${(row.keys / n).toFixed(2)} | ${row.ttl} | ${kb(row.bytes)} | ${kb(row.bytes / n)} |`);
    }
    if (process.env.BENCH_SHOW === '1') {
      const last = keysAfter.filter((k) => k.includes(lastEscalated));
      for (const k of last) {
        const type = await raw.type(k);
        const value = type === 'list' ? await raw.lrange(k, 0, -1) : type === 'hash' ? await raw.hgetall(k) : type === 'string' ? await raw.get(k) : type;
        console.log(`\n${k} (${type}, ${await raw.call('MEMORY', 'USAGE', k, 'SAMPLES', '0')} B):`, value);
      }
    }
    console.log(`| all new keys | ${keysAfter.length} | ${(keysAfter.length / n).toFixed(1)} | ${withTtl} | ${kb(total)} | ${kb(total / n)} |`);
    // Keys that were there before (indexes shared by every conversation) and grew.
    const grown = new Map<string, { keys: number; bytes: number; expiring: number }>();
    for (const [k, before] of sizeBefore) {
      const after = Number((await raw.call('MEMORY', 'USAGE', k, 'SAMPLES', '0')) ?? 0);
      if (after <= before) continue;
      const row = grown.get(kindOf(k)) ?? { keys: 0, bytes: 0, expiring: 0 };
      row.keys++;
      row.bytes += after - before;
      if ((await raw.pttl(k)) > 0) row.expiring += after - before;
      grown.set(kindOf(k), row);
    }
    let grownTotal = 0;
    let grownExpiring = 0;
    for (const [kind, row] of [...grown.entries()].sort((a, b) => b[1].bytes - a[1].bytes)) {
      grownTotal += row.bytes;
      grownExpiring += row.expiring;
      console.log(`| \`${kind}\` (shared, grew) | ${row.keys} | | ${row.expiring ? 'yes' : 0} | ${kb(row.bytes)} | ${kb(row.bytes / n)} |`);
    }
    console.log(`| shared keys, growth | | | | ${kb(grownTotal)} | ${kb(grownTotal / n)} |`);

    // What stays once every TTL ran out: the same server without the new keys that expire (this bench's own server).
    const expiring = (await allKeys(raw)).filter((k) => !keysBefore.has(k));
    const ttls = await Promise.all(expiring.map((k) => raw.pttl(k)));
    const doomed = expiring.filter((_, i) => ttls[i]! > 0);
    for (let i = 0; i < doomed.length; i += 500) await raw.del(...doomed.slice(i, i + 500));
    const memDurable = await usedMemory(raw);
    // Capped logs of the whole desk: the live-event stream (10,000 entries at most) and the audit list (100,000).
    const capped = ['events', 'audit'].reduce((sum, kind) => sum + ((grown.get(kind)?.bytes ?? 0) - (grown.get(kind)?.expiring ?? 0)), 0);
    const durable = memDurable - memBefore;
    console.log(`\nonce every TTL ran out (the ${doomed.length} new keys with a TTL deleted): used_memory +${kb(durable / n)} KB per conversation, ${((keysAfter.length - doomed.length) / n).toFixed(1)} keys`);
    console.log(`  less what expires in shared keys (search words, audit by actor: ${kb(grownExpiring / n)} KB) and the capped shared logs (events stream, audit list: ${kb(capped / n)} KB, they stop growing at their cap):`);
    console.log(`  **${kb((durable - grownExpiring - capped) / n)} KB per conversation** kept for as long as the conversation is (until RETENTION_DAYS removes it)`);

    // The headline: what a conversation adds, with the shared capped logs apart (their size at the cap from the bytes per entry measured here).
    const fresh = (memAfter - memBefore) / n;
    const atCap = (kind: 'events' | 'audit', cap: number) => {
      const added = logsAfter[kind] - logsBefore[kind];
      const bytes = grown.get(kind)?.bytes ?? 0;
      return { perEntry: added > 0 ? bytes / added : 0, total: added > 0 ? (bytes / added) * cap : 0, added };
    };
    const events = atCap('events', DEFAULT_EVENT_STREAM_MAX);
    const audit = atCap('audit', DEFAULT_AUDIT_MAX_ENTRIES);
    const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
    console.log(`\n## Headline (${n} conversations of ${(messages / n).toFixed(1)} messages)`);
    console.log(`- fresh: **${kb(fresh)} KB per conversation** in all = **${kb(fresh - capped / n)} KB its own** + ${kb(capped / n)} KB of the capped shared logs until they reach their cap`);
    console.log(
      `- capped shared logs (a fixed cost, not per conversation): events stream ${(events.added / n).toFixed(1)} entries per conversation, ${events.perEntry.toFixed(0)} B each, ` +
        `~${mb(events.total)} MB at its cap of ${DEFAULT_EVENT_STREAM_MAX}; audit list ${(audit.added / n).toFixed(1)} entries, ${audit.perEntry.toFixed(0)} B each, ~${mb(audit.total)} MB at its cap of ${DEFAULT_AUDIT_MAX_ENTRIES}`,
    );
    const MILLION = 1_000_000;
    console.log(
      `- the capped logs amortised: ~${mb(events.total + audit.total)} MB at their caps; over ${n} conversations they cost ${kb(capped / n)} KB each (they are still filling), ` +
        `over ${MILLION.toLocaleString('en')} conversations **${kb((events.total + audit.total) / MILLION)} KB each**: ` +
        `**${kb(fresh - capped / n + (events.total + audit.total) / MILLION)} KB per conversation** fresh at a million conversations`,
    );
    console.log(`- lasting (once every TTL ran out, capped logs apart): **${kb((durable - grownExpiring - capped) / n)} KB per conversation**`);
  } finally {
    await baton?.close();
    await twilio.stop();
    raw.disconnect();
    await server.kill();
    cleanRedisDirs();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
