import express, { type RequestHandler } from 'express';
import type { AddressInfo } from 'node:net';
import RedisMock from 'ioredis-mock';
import Redis from 'ioredis';
import { RedisConversationStore } from '../../../src/conversations/redisConversationStore';
import { BatonError } from '../../../src/errors';
import { createErrorMiddleware } from '../../../src/http/errorMiddleware';
import { FollowUpStore } from '../../../src/inbox/followups/followUpStore';
import { createLogger } from '../../../src/logger';
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

  beforeAll(async () => {
    backend = await makeBackend();
    redis = backend.redis;
    const store = new RedisConversationStore(redis, () => storeNow);
    const ids = await replaySeed(store, (ms) => {
      storeNow = ms;
    });
    const followUps = new FollowUpStore(redis);
    for (const f of SEED_FOLLOW_UPS) {
      const opened = await followUps.open({ conversationId: ids.get(f.conversationId)!, team: f.team, score: f.score, scale: f.scale, dueAt: f.dueAt });
      if (f.status === 'done') await followUps.markDone(opened.id, 'a-admin');
    }

    const app = express();
    app.use('/api/v1', createDashboardRouter({ store, followUps, requireAdmin: fakeRequireAdmin, clock: () => appNow }));
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
    const { source, ...report } = body;
    expect(report).toEqual(expected);
    expect(source).toEqual({ scanned: 14, truncated: false });
  });

  test('accepts the period as milliseconds too', async () => {
    const res = await get(`/dashboard?from=${SEED_FROM}&to=${SEED_TO}`);
    const body = (await res.json()) as { conversations: number; escalated: number };
    expect([body.conversations, body.escalated]).toEqual([12, 8]);
  });

  test('defaults to the 7 days before now', async () => {
    appNow = SEED_TO;
    try {
      const body = (await (await get('/dashboard')).json()) as { period: unknown; conversations: number };
      expect(body.period).toEqual({ from: '2025-03-01T00:00:00.000Z', to: '2025-03-08T00:00:00.000Z' });
      expect(body.conversations).toBe(12);
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
    expect(all[header.indexOf('overdue_follow_ups')]).toBe('1');
  });

  test('names the CSV after the exact times when the period does not start at midnight', async () => {
    const res = await get(`/dashboard.csv?from=2025-03-01T09:30:00Z&to=2025-03-02`);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="baton-dashboard-2025-03-01T093000Z-2025-03-02.csv"');
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
        store: new RedisConversationStore(sibling),
        followUps: new FollowUpStore(sibling),
        requireAdmin: fakeRequireAdmin,
        clock: () => SEED_NOW,
      }),
    );
    const server = other.listen(0);
    await new Promise((r) => server.once('listening', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/dashboard?from=2025-03-01&to=2025-03-08`;
      const { source: _s, ...report } = (await (await fetch(url, { headers: { 'x-test-role': 'admin' } })).json()) as Record<string, unknown>;
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
