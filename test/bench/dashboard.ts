/**
 * `npm run bench:dashboard`: 30,000 conversations over 30 days written through the real write path
 * (the runtime's conversation store, which records the dashboard's facts exactly as in production:
 * opening, language, escalation, assignment, first reply, resolution, survey), on a real Redis under
 * a unique key prefix; then GET /api/v1/dashboard for the 30 days, timed over 25 calls (after 3
 * warm-up calls), p50 and p99 printed. Target: ≤ 500 ms.
 *
 * Options: --conversations N (default 30000), --concurrency N (default 32), --calls N (default 25).
 * Needs Redis at TEST_REDIS_URL (default redis://127.0.0.1:6379); its keys are deleted at the end.
 */
import { createRandom } from '../../src/nlu/classifier/prng';
import type { Conversation } from '../../src/conversations/types';
import { CHANNELS } from '../../src/conversations/types';
import { aggregateReport } from '../../src/metrics/aggregates/aggregateReport';
import { DashboardAggregates } from '../../src/metrics/aggregates/aggregateStore';
import { daysFrom } from '../../src/metrics/aggregates/days';
import { startTestBaton } from '../support/testBaton';

const ADMIN = { email: 'bench-lead@dashboard.test', password: 'Dashboard-bench-lead-4821' };
const DAY = 86_400_000;
const M = 60_000;
const FIRST_DAY = Date.UTC(2026, 10, 1); // 1 November 2026
const DAYS = 30;
const TEAMS = ['care', 'sales', 'billing'];
const LANGUAGES = ['en', 'hi', 'ne', 'ur'];
const REASONS = ['customer_requested', 'negative_sentiment', 'intent_flagged', 'repeated_misunderstanding'];
const AGENTS = Array.from({ length: 12 }, (_, i) => `bench-agent-${i + 1}`);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A small deterministic generator (mulberry32, the classifier's): the same run every time. */
const random = createRandom;

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

function nearestRank(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1]!;
}

async function main(): Promise<void> {
  const total = arg('conversations', 30_000);
  const concurrency = arg('concurrency', 32);
  const calls = arg('calls', 25);
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const now = FIRST_DAY + DAYS * DAY;
  const baton = await startTestBaton({
    redisUrl,
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    clock: () => now,
  });
  const store = baton.runtime.store;
  try {
    console.log(`Writing ${total} conversations over ${DAYS} days through the runtime's store (concurrency ${concurrency})…`);
    const started = Date.now();
    let next = 0;
    let done = 0;
    let escalated = 0;

    async function one(i: number): Promise<void> {
      const rnd = random(i + 1);
      const createdAt = FIRST_DAY + Math.floor((i / total) * DAYS) * DAY + Math.floor(rnd() * (DAY - 4 * 3600_000));
      const channel = pick(rnd, CHANNELS);
      const { conversation } = await store.findOrOpen({ channel, customerAddress: `bench-${i}`, at: createdAt });
      const id = conversation.id;
      await store.update(id, { language: pick(rnd, LANGUAGES) });
      if (rnd() >= 0.6) return; // contained by the bot
      escalated++;
      const escalatedAt = createdAt + Math.floor(rnd() * 10 * M);
      const team = pick(rnd, TEAMS);
      const move = async (change: Parameters<typeof store.transition>[1]): Promise<Conversation> => {
        const r = await store.transition(id, change);
        if (!r.ok) throw new Error(`conversation ${i}: ${change.to} refused (${r.why})`);
        return r.conversation;
      };
      await move({ from: ['bot'], to: 'queued', set: { team, priority: 'normal', queuedAt: escalatedAt, escalatedAt, escalationReason: pick(rnd, REASONS), assigneeId: null, firstAgentReplyAt: null } });
      if (rnd() < 0.05) return; // still waiting
      const assignedAt = escalatedAt + Math.floor(rnd() * 30 * M);
      await move({ from: ['queued'], to: 'assigned', set: { assigneeId: pick(rnd, AGENTS), assignedAt } });
      const repliedAt = assignedAt + Math.floor(rnd() * 20 * M);
      await store.update(id, { firstAgentReplyAt: repliedAt });
      if (rnd() < 0.1) return; // still with the agent
      const resolvedAt = repliedAt + Math.floor(rnd() * 90 * M);
      await move({ from: ['assigned'], to: 'resolved', set: { resolvedAt } });
      if (rnd() < 0.5) await store.update(id, { csat: { status: 'answered', scale: 'csat5', score: 1 + Math.floor(rnd() * 5), askedAt: resolvedAt, answeredAt: resolvedAt + M } });
    }

    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (;;) {
          const i = next++;
          if (i >= total) return;
          await one(i);
          done++;
          if (done % 2000 === 0) console.log(`  ${done} / ${total} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
        }
      }),
    );
    console.log(`Written: ${total} conversations (${escalated} escalated) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const login = await fetch(`${baton.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    if (!login.ok) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const url = `${baton.url}/api/v1/dashboard?from=2026-11-01&to=2026-12-01`;
    const get = async () => {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { conversations: number; escalated: number; daily: unknown[]; byAgent: Record<string, unknown> };
      if (!res.ok) throw new Error(`GET /dashboard answered ${res.status}`);
      return { ms: performance.now() - t0, body };
    };
    for (let w = 0; w < 3; w++) await get();
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof get>>['body'] | undefined;
    for (let c = 0; c < calls; c++) {
      const r = await get();
      times.push(r.ms);
      last = r.body;
    }
    console.log(`\nGET /api/v1/dashboard, 30 days (${last!.daily.length} days, ${last!.conversations} conversations, ${last!.escalated} escalated, ${Object.keys(last!.byAgent).length} agents):`);
    console.log(`  ${calls} calls: p50 ${nearestRank(times, 50).toFixed(1)} ms, p99 ${nearestRank(times, 99).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (target ≤ 500 ms)`);
    // Where the time goes: the Redis reads (one HGETALL per day) and the arithmetic, in process.
    const aggregates = new DashboardAggregates(baton.runtime.redis.client);
    const days = daysFrom('2026-11-01', '2026-11-30');
    const reads: number[] = [];
    const sums: number[] = [];
    let fields = 0;
    for (let c = 0; c < calls; c++) {
      const t0 = performance.now();
      const counters = await aggregates.readDays(days);
      const t1 = performance.now();
      aggregateReport({ days: counters, period: { from: FIRST_DAY, to: now, timeZone: 'UTC' }, followUps: [], now });
      reads.push(t1 - t0);
      sums.push(performance.now() - t1);
      fields = [...counters.values()].reduce((n, d) => n + d.size, 0);
    }
    console.log(`  of which: reading ${fields} counters p50 ${nearestRank(reads, 50).toFixed(1)} ms, computing p50 ${nearestRank(sums, 50).toFixed(1)} ms`);
    if (last!.conversations !== total) console.log(`  WARNING: the dashboard counts ${last!.conversations} conversations, ${total} were written`);
  } finally {
    const cleanup = Date.now();
    await baton.close();
    console.log(`(keys deleted in ${((Date.now() - cleanup) / 1000).toFixed(1)} s)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
