import express, { type RequestHandler } from 'express';
import type { AddressInfo } from 'node:net';
import RedisMock from 'ioredis-mock';
import Redis from 'ioredis';
import { RedisConversationStore } from '../../../src/conversations/redisConversationStore';
import { BatonError } from '../../../src/errors';
import { createErrorMiddleware } from '../../../src/http/errorMiddleware';
import { FollowUpStore } from '../../../src/inbox/followups/followUpStore';
import { createLogger } from '../../../src/logger';
import { DashboardAggregates } from '../../../src/metrics/aggregates/aggregateStore';
import { createDashboardFacts, withDashboardFacts } from '../../../src/metrics/aggregates/dashboardFacts';
import { createDashboardRouter } from '../../../src/metrics/dashboard/dashboardRouter';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';
import {
  replaySeed,
  SEED_EXPECTED_REPORT,
  SEED_FOLLOW_UPS,
  SEED_FROM,
  SEED_NOW,
  SEED_TO,
} from '../../unit/metrics/dashboardSeed';

/** Stands in for requireAgent + requireAdmin: `x-test-role: admin` passes, anything else is refused. */
const fakeRequireAdmin: RequestHandler = (req, res, next) => {
  const role = req.get('x-test-role');
  if (!role) throw new BatonError('UNAUTHENTICATED', 'Sign in first');
  if (role !== 'admin') throw new BatonError('FORBIDDEN', 'Only an admin can do this');
  res.locals.agent = { id: 'a-admin', role: 'admin' };
  next();
};

const expected = SEED_EXPECTED_REPORT;

/** Two clients on the same data, as two Baton instances would have. */
interface Backend {
  redis: Redis;
  sibling: Redis;
  close(): Promise<void>;
}

function dashboardRoutesSuite(makeBackend: () => Promise<Backend>): void {
  let backend: Backend;
  let redis: Redis;
  let base: string;
  let close: () => Promise<void>;
  let storeNow = SEED_FROM;
  let appNow = SEED_NOW;
  let followUps: FollowUpStore;

  beforeAll(async () => {
    backend = await makeBackend();
    redis = backend.redis;
    // The store as the runtime wires it: every write records its dashboard facts.
    const facts = createDashboardFacts({ aggregates: new DashboardAggregates(redis), timeZone: 'UTC', defaultLanguage: () => 'en', logger: createLogger('error') });
    const store = withDashboardFacts(new RedisConversationStore(redis, () => storeNow), facts);
    const ids = await replaySeed(store, (ms) => {
      storeNow = ms;
    });
    followUps = new FollowUpStore(redis);
    for (const f of SEED_FOLLOW_UPS) {
      const opened = await followUps.open({ conversationId: ids.get(f.conversationId)!, team: f.team, score: f.score, scale: f.scale, dueAt: f.dueAt });
      if (f.status === 'done') await followUps.markDone(opened.id, 'a-admin');
    }

    const app = express();
    app.use('/api/v1', createDashboardRouter({ aggregates: new DashboardAggregates(redis), followUps, timeZone: 'UTC', requireAdmin: fakeRequireAdmin, clock: () => appNow }));
    app.use(createErrorMiddleware(createLogger('error')));
    const server = app.listen(0);
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
    close = () => new Promise((r) => server.close(() => r()));
  });

  afterAll(async () => {
    await close();
    await backend.close();
  });

  const get = (path: string, role = 'admin') => fetch(base + path, { headers: { 'x-test-role': role } });

  test('GET /dashboard gives the hand-worked figures of the seeded week', async () => {
    const res = await get(`/dashboard?from=2025-03-01&to=2025-03-08`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    const { source, agentNames, ...report } = body;
    expect(report).toEqual(expected);
    expect(agentNames).toEqual({});
    // one hash per day of the period: no conversation is read
    expect(source).toEqual({ kind: 'aggregates', days: 7 });
  });

  test('accepts the period as milliseconds too', async () => {
    const res = await get(`/dashboard?from=${SEED_FROM}&to=${SEED_TO}`);
    const body = (await res.json()) as { conversations: number; escalated: number };
    expect([body.conversations, body.escalated]).toEqual([12, 8]);
  });

  test('defaults to the 30 days before now', async () => {
    appNow = SEED_TO;
    try {
      const body = (await (await get('/dashboard')).json()) as { period: unknown; conversations: number; daily: unknown[] };
      expect(body.period).toEqual({ from: '2025-02-06T00:00:00.000Z', to: '2025-03-08T00:00:00.000Z', days: 30, timeZone: 'UTC' });
      expect(body.daily).toHaveLength(30);
      // the seed week's 12, and c13 opened on 28 February
      expect(body.conversations).toBe(13);
    } finally {
      appNow = SEED_NOW;
    }
  });

  test('GET /dashboard.csv downloads the same figures as CSV', async () => {
    const res = await get(`/dashboard.csv?from=2025-03-01&to=2025-03-08`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="baton-dashboard-2025-03-01-2025-03-08.csv"');
    const rows = (await res.text()).split('\r\n');
    const header = rows[0]!.split(',');
    const all = rows[1]!.split(',');
    expect(all[0]).toBe('all');
    expect(all[header.indexOf('conversations')]).toBe('12');
    expect(all[header.indexOf('avg_handle_ms')]).toBe('2550000');
    expect(all[header.indexOf('resolution_median_ms')]).toBe('1320000');
    expect(all[header.indexOf('overdue_follow_ups')]).toBe('2');
    expect(rows.map((r) => r.split(',')[0])).toEqual([
      'scope', 'all', 'channel:messenger', 'channel:sandbox', 'channel:whatsapp', 'team:bot', 'team:care', 'team:sales',
      'language:en', 'language:hi', 'language:ne', 'agent:a-asha', 'agent:a-bilal', 'agent:a-ravi', '',
    ]);
  });

  test('a period that does not start at midnight covers the whole days it touches', async () => {
    const res = await get(`/dashboard.csv?from=2025-03-01T09:30:00Z&to=2025-03-02`);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="baton-dashboard-2025-03-01-2025-03-02.csv"');
    const body = (await (await get(`/dashboard?from=2025-03-01T09:30:00Z&to=2025-03-02`)).json()) as { conversations: number };
    // c01, opened at midnight on 1 March, belongs to that day
    expect(body.conversations).toBe(1);
  });

  test('the days follow the configured time zone', async () => {
    const other = express();
    other.use('/api/v1', createDashboardRouter({ aggregates: new DashboardAggregates(redis), followUps, timeZone: 'Asia/Kathmandu', requireAdmin: fakeRequireAdmin, clock: () => SEED_NOW }));
    const server = other.listen(0);
    await new Promise((r) => server.once('listening', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/dashboard?from=2025-03-01&to=2025-03-02`;
      const body = (await (await fetch(url, { headers: { 'x-test-role': 'admin' } })).json()) as { period: unknown };
      // 1 March in Kathmandu (UTC+5:45) starts at 28 February 18:15 UTC
      expect(body.period).toEqual({ from: '2025-02-28T18:15:00.000Z', to: '2025-03-01T18:15:00.000Z', days: 1, timeZone: 'Asia/Kathmandu' });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  test('refuses a period that ends before it starts', async () => {
    const res = await get(`/dashboard?from=2025-03-08&to=2025-03-01`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  test('refuses a period longer than 366 days', async () => {
    const res = await get(`/dashboard.csv?from=2024-01-01&to=2025-03-01`);
    expect(res.status).toBe(400);
  });

  test('refuses callers the admin guard refuses', async () => {
    expect((await get('/dashboard', 'agent')).status).toBe(403);
    expect((await fetch(`${base}/dashboard.csv`)).status).toBe(401);
  });

  test('a second instance on the same store gives the same figures', async () => {
    const other = express();
    const sibling = backend.sibling;
    other.use(
      '/api/v1',
      createDashboardRouter({
        aggregates: new DashboardAggregates(sibling),
        followUps: new FollowUpStore(sibling),
        timeZone: 'UTC',
        requireAdmin: fakeRequireAdmin,
        clock: () => SEED_NOW,
      }),
    );
    const server = other.listen(0);
    await new Promise((r) => server.once('listening', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/dashboard?from=2025-03-01&to=2025-03-08`;
      const { source: _s, agentNames: _n, ...report } = (await (await fetch(url, { headers: { 'x-test-role': 'admin' } })).json()) as Record<string, unknown>;
      expect(report).toEqual(expected);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
}

describe('dashboard routes on the embedded in-memory store', () => {
  dashboardRoutesSuite(async () => {
    const redis = new RedisMock({ keyPrefix: `dash${Math.random()}:` }) as unknown as Redis;
    await redis.flushall();
    const sibling = (redis as unknown as { duplicate(): Redis }).duplicate();
    return {
      redis,
      sibling,
      close: async () => {
        redis.disconnect();
        sibling.disconnect();
      },
    };
  });
});

describeWithRedis('dashboard routes on a real Redis server', () => {
  dashboardRoutesSuite(async () => {
    const prefix = uniquePrefix('dashboard');
    const redis = new Redis(testRedisUrl, { keyPrefix: prefix });
    const sibling = new Redis(testRedisUrl, { keyPrefix: prefix });
    return {
      redis,
      sibling,
      close: async () => {
        await deletePrefix(testRedisUrl, prefix);
        redis.disconnect();
        sibling.disconnect();
      },
    };
  });
});
