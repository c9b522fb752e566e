import { describeWithRedis } from '../../support/redis';
import { realHarness, type RedisHarness } from '../../unit/inbox/stores/harness';
import { call, seedAgents, startApi, type ApiInstance } from './apiHarness';

/**
 * Sign-in under attack, on a real Redis (the limiter's store of record): the attempts are counted
 * atomically before any password is checked.
 */
describeWithRedis('signing in under attack (real Redis)', () => {
  let h: RedisHarness;
  let api: ApiInstance;
  let checks: jest.SpyInstance;

  beforeEach(async () => {
    h = await realHarness();
    api = await startApi(h, { trustProxy: true });
    await seedAgents(api.services);
    checks = jest.spyOn(api.services.agents, 'verifyPassword');
  });
  afterEach(async () => {
    await api.close();
    await h.close();
  });

  const attempt = (email: string, password: string, from = '203.0.113.7') =>
    call(api.base, 'POST', '/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': from } });

  test('300 parallel wrong passwords: at most 10 reach the password check, the rest get 429', async () => {
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => attempt('asha@example.com', `wrong-guess-${i}`)));
    expect(checks.mock.calls.length).toBeLessThanOrEqual(10);
    expect(answers.filter((a) => a.status === 401).length).toBe(checks.mock.calls.length);
    expect(answers.filter((a) => a.status === 429).length).toBe(300 - checks.mock.calls.length);
  });

  test('the right password inside a burst of wrong ones is refused, and resets nothing', async () => {
    const burst = Promise.all(Array.from({ length: 299 }, (_, i) => attempt('asha@example.com', `wrong-guess-${i}`)));
    // Sent while the burst is still being answered, once its first guesses have been checked.
    while (checks.mock.calls.length < 10) await new Promise((r) => setTimeout(r, 5));
    const right = await attempt('asha@example.com', 'asha-password');
    await burst;
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(checks.mock.calls.length).toBeLessThanOrEqual(10);
    expect((await attempt('asha@example.com', 'asha-password')).status).toBe(429);
  });

  test('one client spraying e-mail/password pairs gets 429 within 30 tries', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await attempt(`user${i}@example.com`, 'Summer2024!')).status);
    const first429 = statuses.indexOf(429);
    expect(first429).toBeGreaterThan(0);
    expect(first429).toBeLessThan(30);
    expect(statuses.slice(first429).every((s) => s === 429)).toBe(true);
  });

  test('the owner still signs in from another address while the attacker is locked out', async () => {
    await Promise.all(Array.from({ length: 300 }, (_, i) => attempt('asha@example.com', `wrong-guess-${i}`, '203.0.113.7')));
    expect((await attempt('asha@example.com', 'asha-password', '203.0.113.7')).status).toBe(429);
    const owner = await attempt('asha@example.com', 'asha-password', '198.51.100.4');
    expect(owner.status).toBe(200);
    expect(owner.body.agent.email).toBe('asha@example.com');
  });

  test('the login answer is never cached', async () => {
    const r = await attempt('asha@example.com', 'asha-password');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect((await attempt('asha@example.com', 'wrong-guess')).headers.get('cache-control')).toBe('no-store');
  });
});

describeWithRedis('the per-client limit on unauthenticated routes (real Redis)', () => {
  let h: RedisHarness;
  let api: ApiInstance;

  beforeEach(async () => {
    h = await realHarness();
    api = await startApi(h, { trustProxy: true, limits: { publicPerMinute: 5 } });
    await seedAgents(api.services);
  });
  afterEach(async () => {
    await api.close();
    await h.close();
  });

  test.each([
    ['GET', '/openapi.json', undefined],
    ['POST', '/auth/login', { email: 'nobody@example.com', password: 'whatever-it-is' }],
  ])('%s %s answers 429 with Retry-After once a client used up its budget; another client is served', async (method, path, body) => {
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip }, ...(body ? { body } : {}) });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(api.base, method, path, from('203.0.113.9'))).status);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    const refused = await call(api.base, method, path, from('203.0.113.9'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(api.base, method, path, from('198.51.100.4'))).status).not.toBe(429);
  });
});
