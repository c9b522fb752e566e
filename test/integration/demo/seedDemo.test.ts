import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Redis from 'ioredis';
import { parseConfig } from '../../../src/config';
import { createDemoClock, createDemoRuntime, DEMO_AGENTS, DEMO_PASSWORD, seedDemo, type SeedSummary } from '../../../src/demo/seedDemo';
import { createLogger } from '../../../src/logger';
import type { Runtime } from '../../../src/runtime';
import { connectRedisFromConfig, type RedisConnection } from '../../../src/store/redisConnection';
import { defaultCatalog } from '../../support/testBaton';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';

/**
 * `npm run seed:demo` at a small size on a real Redis under its own prefix, read back through the
 * agent API as the console reads it.
 */
const ROOT = path.join(__dirname, '../../..');
const DAY = 86_400_000;

interface ListItem {
  id: string;
  status: string;
  language?: string;
  channel: string;
}
interface Detail {
  conversation: { createdAt: string; escalatedAt?: string; status: string; csat?: { status: string; score?: number } };
  packet: { summary?: string; language?: string } | null;
  messages: { author: string; text?: string; createdAt: string }[];
}

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'src/demo/seedDemoCli.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'error', NODE_ENV: 'development', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });
}

describeWithRedis('npm run seed:demo', () => {
  const prefix = uniquePrefix('seed-demo');
  const seededAt = Date.now();
  let redis: RedisConnection;
  let runtime: Runtime;
  let server: Server;
  let url: string;
  let summary: SeedSummary;
  let adminToken: string;

  async function api<T>(method: string, route: string, body?: unknown, token = adminToken): Promise<{ status: number; body: T }> {
    const res = await fetch(`${url}/api/v1${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  }
  const list = async (query: string) => (await api<{ items: ListItem[] }>('GET', `/conversations?limit=500${query}`)).body.items;
  const detail = async (id: string) => (await api<Detail>('GET', `/conversations/${id}`)).body;

  beforeAll(async () => {
    const config = parseConfig({ NODE_ENV: 'test', REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix, PORT: '0' });
    const logger = createLogger('error');
    redis = connectRedisFromConfig(config, logger);
    const clock = createDemoClock();
    runtime = createDemoRuntime({ config, logger, catalog: await defaultCatalog(), clock, redis, consoleDir: path.join(ROOT, 'dist/console') });
    summary = await seedDemo(runtime, clock, { conversations: 60, seed: 7, concurrency: 8 });
    await runtime.start();
    await new Promise<void>((resolve) => {
      server = runtime.app.listen(0, '127.0.0.1', () => resolve());
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await api<{ token: string }>('POST', '/auth/login', { email: DEMO_AGENTS[0]!.email, password: DEMO_PASSWORD }, '');
    adminToken = login.body.token;
  }, 240_000);

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await runtime?.stop();
    await redis?.close();
    await deletePrefix(testRedisUrl, prefix);
  });

  it('writes the asked number of conversations, in all five languages', async () => {
    const items = await list('');
    expect(items).toHaveLength(60);
    expect(new Set(items.map((c) => c.language))).toEqual(new Set(['en', 'hi', 'hi-Latn', 'ur', 'ne']));
    expect(new Set(items.map((c) => c.channel))).toEqual(new Set(['whatsapp', 'messenger', 'sandbox']));
    expect(summary.conversations).toBe(60);
  });

  it('spreads the conversations over the past month, stamped with the time of each fact', async () => {
    const items = await list('');
    const created = await Promise.all(items.map(async (c) => Date.parse((await detail(c.id)).conversation.createdAt)));
    expect(Math.min(...created)).toBeLessThan(seededAt - 20 * DAY);
    expect(Math.max(...created)).toBeLessThan(seededAt);
    const one = await detail(items[0]!.id);
    const times = one.messages.map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(seededAt);
  });

  it('escalates some conversations, each with a handoff packet in its language', async () => {
    const escalated = (await Promise.all((await list('')).map((c) => detail(c.id)))).filter((d) => d.conversation.escalatedAt);
    expect(escalated.length).toBeGreaterThanOrEqual(5);
    for (const d of escalated) expect(d.packet).not.toBeNull();
    const languages = new Set(escalated.map((d) => d.packet!.language));
    for (const l of ['hi', 'ur', 'ne']) expect(languages).toContain(l);
  });

  it('has resolved conversations, most of them rated by the customer', async () => {
    const resolved = await Promise.all((await list('&status=resolved')).map((c) => detail(c.id)));
    expect(resolved.length).toBeGreaterThanOrEqual(3);
    const rated = resolved.filter((d) => d.conversation.csat?.status === 'answered');
    expect(rated.length / resolved.length).toBeGreaterThan(0.5);
    for (const d of rated) expect(d.messages.some((m) => m.author === 'agent')).toBe(true);
  });

  it('lets every demo agent sign in with the demo password', async () => {
    for (const agent of DEMO_AGENTS) {
      const res = await api<{ agent: { email: string; teams: string[] } }>('POST', '/auth/login', { email: agent.email, password: DEMO_PASSWORD }, '');
      expect(res.status).toBe(200);
      expect(res.body.agent.teams).toEqual(agent.teams);
    }
  });

  it('refuses a prefix that already holds Baton data unless --force', async () => {
    const run = await runCli(['--conversations', '1'], { REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`already holds Baton data under the prefix "${prefix}"`);
    expect(run.stderr).toContain('--force');
  }, 60_000);

  it('refuses a production server unless --allow-production', async () => {
    const empty = uniquePrefix('seed-demo-prod');
    const run = await runCli(['--conversations', '1'], { REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: empty, NODE_ENV: 'production' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pass --allow-production if this server is a demo');
    const r = new Redis(testRedisUrl);
    try {
      expect(await r.keys(`${empty}*`)).toEqual([]);
    } finally {
      r.disconnect();
    }
  }, 60_000);
});
