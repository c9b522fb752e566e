import { startTestBaton, type TestBaton } from '../../support/testBaton';
import { cleanRedisDirs, describeWithRedisServer, startRedisServer, type RedisServer } from '../../support/redisServers';

/**
 * Redis trouble, on a real redis-server process that the test freezes, kills, and brings back empty:
 * requests answer 503 STORE_UNAVAILABLE fast instead of hanging or failing with 500, the instance
 * recovers by itself, and a store that lost its data is reported, not silently used.
 */

jest.setTimeout(60_000);

const COMMAND_TIMEOUT_MS = 500;

async function post(baton: TestBaton, from: string, text: string): Promise<{ status: number; ms: number; code?: string }> {
  const started = Date.now();
  const res = await fetch(`${baton.url}/sandbox/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, text, wait: 0 }),
  });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, ms: Date.now() - started, code: body.error?.code };
}

async function readyz(baton: TestBaton): Promise<{ status: number; body: { store: boolean; details?: { storeProblem?: string } } }> {
  const res = await fetch(`${baton.url}/readyz`);
  return { status: res.status, body: (await res.json()) as { store: boolean; details?: { storeProblem?: string } } };
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeWithRedisServer('Baton when Redis is in trouble', () => {
  let redis: RedisServer;
  let baton: TestBaton;

  beforeEach(async () => {
    redis = await startRedisServer();
    baton = await startTestBaton({
      redisUrl: redis.url,
      prefix: 'baton-trouble:',
      env: { REDIS_COMMAND_TIMEOUT_MS: String(COMMAND_TIMEOUT_MS), SANDBOX_ENABLED: 'true' },
    });
  });

  afterEach(async () => {
    redis.thaw();
    await baton.close().catch(() => undefined);
    await redis.kill();
  });

  afterAll(() => cleanRedisDirs());

  it('answers 503 STORE_UNAVAILABLE within a few command timeouts while Redis is frozen', async () => {
    expect((await post(baton, 'frozen-1', 'hello')).status).toBeLessThan(300);
    redis.freeze();
    const during = await post(baton, 'frozen-2', 'where is my order');
    expect(during.status).toBe(503);
    expect(during.code).toBe('STORE_UNAVAILABLE');
    expect(during.ms).toBeLessThan(COMMAND_TIMEOUT_MS * 8);
  });

  it('answers again without a restart once a frozen Redis thaws', async () => {
    redis.freeze();
    expect((await post(baton, 'thaw-1', 'hello')).status).toBe(503);
    redis.thaw();
    await eventually(async () => (await post(baton, 'thaw-2', 'hello')).status < 300, 10_000);
  });

  it('answers 503 while Redis is down and recovers when it is back on the same address', async () => {
    await redis.kill();
    const during = await post(baton, 'down-1', 'hello');
    expect([during.status, during.code]).toEqual([503, 'STORE_UNAVAILABLE']);
    await redis.restart();
    await eventually(async () => (await post(baton, 'down-2', 'hello')).status < 300, 15_000);
  });

  it('reports not ready, naming the problem, when Redis comes back without its data', async () => {
    expect((await readyz(baton)).status).toBe(200);
    await redis.kill();
    await redis.restart();
    await eventually(async () => (await readyz(baton)).status === 503, 15_000);
    const r = await readyz(baton);
    expect(r.body.store).toBe(false);
    expect(r.body.details?.storeProblem).toMatch(/without Baton's data/);
  });

  it('reports not ready when the server it talks to no longer accepts writes', async () => {
    const c = redis.client();
    const other = await startRedisServer();
    try {
      await c.call('REPLICAOF', '127.0.0.1', String(other.port));
      await eventually(async () => (await readyz(baton)).status === 503, 10_000);
    } finally {
      await c.call('REPLICAOF', 'NO', 'ONE').catch(() => undefined);
      c.disconnect();
      await other.kill();
    }
  });
});
