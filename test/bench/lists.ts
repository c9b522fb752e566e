/**
 * `npm run bench:lists`: the inbox lists at scale. Starts Baton in process on a real Redis
 * (BENCH_REDIS_URL, default redis://127.0.0.1:6379) under its own key prefix, deleted afterwards;
 * writes CONVERSATIONS (default 30,000) conversations through the store API in a realistic mix of
 * states (bot, queued, assigned, resolved) over three teams, four channels and five languages; then
 * times GET /api/v1/conversations through the real app, as a logged-in admin and as a team agent,
 * for several list queries, and prints p50/p99 per query and how many Redis commands one call makes.
 *
 * Options: --conversations <n>, --runs <n> (timed calls per query, default 200).
 */
import { freePort } from '../support/serverProcess';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDialogueBrain } from '../../src/bot/dialogueBrain';
import { parseConfig } from '../../src/config';
import type { ConversationStore } from '../../src/conversations/conversationStore';
import type { ChannelName } from '../../src/conversations/types';
import { createLogger } from '../../src/logger';
import { createRuntime } from '../../src/runtime';
import { stableHash } from '../../src/store/keys';
import { connectRedisFromConfig } from '../../src/store/redisConnection';
import { defaultCatalog, MESSENGER_TEST_ENV, TWILIO_TEST_ENV } from '../support/testBaton';
import { deletePrefix, uniquePrefix } from '../support/redis';

const ADMIN = { email: 'bench-lead@lists.test', password: 'Lists-bench-lead-7291-x' };
const TEAMS = ['care', 'sales', 'marketing'];
const CHANNELS: ChannelName[] = ['whatsapp', 'messenger', 'instagram', 'whatsapp_cloud'];
const LANGUAGES = ['en', 'hi', 'hi-Latn', 'ur', 'ne'];
const PRIORITIES = ['low', 'normal', 'normal', 'high', 'urgent'] as const;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A deterministic spread, independent per attribute (`what`): the same data on every run. */
function pick<T>(list: readonly T[], n: number, what: string): T {
  return list[stableHash(`${what}:${n}`) % list.length]!;
}

async function seedOne(store: ConversationStore, i: number, agents: { id: string; team: string }[], now: number): Promise<void> {
  const channel = pick(CHANNELS, i, 'channel');
  const address = channel === 'whatsapp' || channel === 'whatsapp_cloud' ? `+9198${String(10_000_000 + i).padStart(8, '0')}` : `psid-${1_000_000 + i}`;
  const at = now - (30_000 - i) * 60_000;
  const { conversation } = await store.findOrOpen({ channel, customerAddress: address, customerName: `Customer ${i}`, at });
  await store.appendMessage(conversation, { direction: 'inbound', author: 'customer', text: `Where is my order SG-${400_000 + i}?`, media: [], status: 'received', createdAt: at + 1000 });
  await store.update(conversation.id, { language: pick(LANGUAGES, i, 'language') });
  const kind = i % 20;
  const team = pick(TEAMS, i, 'team');
  if (kind < 8) return; // 40% with the bot
  if (kind < 11) {
    // 15% queued, waiting up to an hour
    await store.transition(conversation.id, { from: ['bot'], to: 'queued', set: { team, priority: pick(PRIORITIES, i, 'priority'), queuedAt: now - (i % 3600) * 1000, escalatedAt: now - (i % 3600) * 1000 } });
    return;
  }
  const agent = agents.filter((a) => a.team === team)[i % 2]!;
  await store.transition(conversation.id, { from: ['bot'], to: 'queued', set: { team, priority: 'normal', queuedAt: at + 2000 } });
  await store.transition(conversation.id, { from: ['queued'], to: 'assigned', set: { assigneeId: agent.id, assignedAt: at + 3000 } });
  if (kind < 14) return; // 15% assigned
  await store.transition(conversation.id, { from: ['assigned'], to: 'resolved', set: { resolvedAt: at + 4000 } }); // 30% resolved
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const total = arg('--conversations', 30_000);
  const runs = arg('--runs', 200);
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = uniquePrefix('bench-lists');
  const logger = createLogger('error');
  const port = await freePort();
  const config = parseConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    UPLOADS_DIR: path.join(tmpdir(), 'baton-bench-uploads'),
    ...TWILIO_TEST_ENV,
    ...MESSENGER_TEST_ENV,
  });
  const redis = connectRedisFromConfig(config, logger);
  // Every command the app's client sends is counted (the event bus subscriber is another connection).
  let commands = 0;
  const client = redis.client as unknown as { sendCommand: (...a: unknown[]) => unknown };
  const send = client.sendCommand.bind(client);
  client.sendCommand = (...a: unknown[]) => {
    commands++;
    return send(...a);
  };
  const runtime = createRuntime({ config, logger, catalog: await defaultCatalog(), createBrain: createDialogueBrain, redis });
  await runtime.start();
  let server: Server | undefined;
  await new Promise<void>((resolve) => {
    server = runtime.app.listen(port, '127.0.0.1', () => resolve());
  });
  const base = `http://127.0.0.1:${port}/api/v1`;
  try {
    const login = async (email: string, password: string): Promise<string> => {
      const r = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      if (!r.ok) throw new Error(`login failed: ${r.status} ${await r.text()}`);
      return ((await r.json()) as { token: string }).token;
    };
    const adminToken = await login(ADMIN.email, ADMIN.password);
    const agents: { id: string; team: string; email: string }[] = [];
    for (const team of TEAMS) {
      for (const n of [1, 2]) {
        const email = `${team}-${n}@lists.test`;
        const r = await fetch(`${base}/agents`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
          body: JSON.stringify({ email, name: `${team} agent ${n}`, password: ADMIN.password, teams: [team], capacity: 100 }),
        });
        if (!r.ok) throw new Error(`agent not created: ${r.status} ${await r.text()}`);
        agents.push({ id: ((await r.json()) as { id: string }).id, team, email });
      }
    }
    const careToken = await login(agents[0]!.email, ADMIN.password);

    const seedStarted = Date.now();
    const now = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < total) await seedOne(runtime.store, next++, agents, now);
      }),
    );
    console.log(`\nSeeded ${total} conversations in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s (40% bot, 15% queued, 15% assigned, 30% resolved; 3 teams, 4 channels, 5 languages)`);
    // The start-up backfill (if any) of lists written before this run has nothing to do; let background work settle.
    await new Promise((r) => setTimeout(r, 500));

    const queries: { who: string; token: string; query: string }[] = [
      { who: 'admin', token: adminToken, query: 'status=queued' },
      { who: 'admin', token: adminToken, query: 'status=queued&waitingOver=300' },
      { who: 'admin', token: adminToken, query: 'status=bot&channel=messenger' },
      { who: 'admin', token: adminToken, query: '' },
      { who: 'care agent', token: careToken, query: 'status=queued' },
      { who: 'care agent', token: careToken, query: 'status=queued&team=care' },
      { who: 'care agent', token: careToken, query: 'status=assigned&assignee=me' },
      { who: 'care agent', token: careToken, query: 'status=resolved&language=hi' },
    ];
    const row = (cells: (string | number)[]) => console.log(`| ${cells.join(' | ')} |`);
    console.log(`\nGET /api/v1/conversations, ${runs} calls per query after 10 warm-up calls, one at a time\n`);
    row(['caller', 'query', 'items', 'p50 ms', 'p99 ms', 'Redis commands per call']);
    row(['---', '---', '---:', '---:', '---:', '---:']);
    for (const q of queries) {
      const call = async () => {
        const r = await fetch(`${base}/conversations${q.query ? `?${q.query}` : ''}`, { headers: { authorization: `Bearer ${q.token}` } });
        if (!r.ok) throw new Error(`list failed: ${r.status} ${await r.text()}`);
        return ((await r.json()) as { items: unknown[] }).items.length;
      };
      for (let i = 0; i < 10; i++) await call();
      const before = commands;
      const items = await call();
      const perCall = commands - before;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = process.hrtime.bigint();
        await call();
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      times.sort((a, b) => a - b);
      row([q.who, q.query || '(none)', items, percentile(times, 50).toFixed(1), percentile(times, 99).toFixed(1), perCall]);
    }
  } finally {
    server?.closeAllConnections();
    await new Promise<void>((r) => server!.close(() => r()));
    await runtime.stop();
    await redis.close();
    await deletePrefix(redisUrl, prefix);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
