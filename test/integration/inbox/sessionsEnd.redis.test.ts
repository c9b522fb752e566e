import { describeWithRedis } from '../../support/redis';
import { realHarness, type RedisHarness } from '../../unit/inbox/stores/harness';
import { call, login, openEventStream, seedAgents, startApi, type ApiInstance } from './apiHarness';

/**
 * Logout, disabling an agent and changing their password end the agent's open event streams,
 * on every instance: the notice goes through Redis pub/sub. Two instances share one real Redis;
 * the stream is open on B, the session is ended through A.
 */
describeWithRedis('sessions end everywhere (two instances, real Redis)', () => {
  let h: RedisHarness;
  let a: ApiInstance;
  let b: ApiInstance;
  let adminToken: string;
  let ashaToken: string;
  let ashaId: string;
  const streams: { close(): void }[] = [];

  beforeEach(async () => {
    h = await realHarness();
    a = await startApi(h, { heartbeatMs: 60_000 });
    b = await startApi(h.sibling(), { heartbeatMs: 60_000 });
    const { agent } = await seedAgents(a.services);
    ashaId = agent.id;
    adminToken = await login(a.base, 'admin@example.com', 'admin-password');
    ashaToken = await login(a.base, 'asha@example.com', 'asha-password');
  });
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await a.close();
    await b.close();
    await h.close();
  });

  const openOnB = async (token: string) => {
    const s = await openEventStream(`${b.base}/events`, { authorization: `Bearer ${token}` });
    streams.push(s);
    await s.waitFor((e) => e.comment === 'connected');
    return s;
  };

  /** Milliseconds until the stream is ended by the server, or a failure after 5 s. */
  const closesWithin5s = async (s: Awaited<ReturnType<typeof openOnB>>, started: number) => {
    await Promise.race([s.ended, new Promise((_, reject) => setTimeout(() => reject(new Error('the stream was still open after 5 s')), 5000))]);
    expect(s.events.some((e) => e.event === 'session-ended')).toBe(true);
    return Date.now() - started;
  };

  test('logout on one instance closes the open stream of that session on another within 5 s', async () => {
    const s = await openOnB(ashaToken);
    const started = Date.now();
    expect((await call(a.base, 'POST', '/auth/logout', { token: ashaToken })).status).toBe(204);
    expect(await closesWithin5s(s, started)).toBeLessThan(5000);
    expect((await call(b.base, 'GET', '/auth/me', { token: ashaToken })).status).toBe(401);
  });

  test("logout ends only that session's streams, not the agent's other sessions", async () => {
    const otherToken = await login(a.base, 'asha@example.com', 'asha-password');
    const other = await openOnB(otherToken);
    const mine = await openOnB(ashaToken);
    await call(a.base, 'POST', '/auth/logout', { token: ashaToken });
    await closesWithin5s(mine, Date.now());
    // The other session's stream still receives live events.
    await a.services.bus.publish({ type: 'agent.presence', agentId: 'ag_probe', presence: 'online' });
    await other.waitFor((e) => e.event === 'agent.presence');
  });

  test("an admin disabling the agent closes all of the agent's streams within 5 s", async () => {
    const second = await openOnB(await login(a.base, 'asha@example.com', 'asha-password'));
    const first = await openOnB(ashaToken);
    const started = Date.now();
    expect((await call(a.base, 'PATCH', `/agents/${ashaId}`, { token: adminToken, body: { disabled: true } })).status).toBe(200);
    expect(await closesWithin5s(first, started)).toBeLessThan(5000);
    expect(await closesWithin5s(second, started)).toBeLessThan(5000);
  });

  test("a password change closes the agent's streams within 5 s", async () => {
    const s = await openOnB(ashaToken);
    const started = Date.now();
    const r = await call(a.base, 'PATCH', `/agents/${ashaId}`, { token: adminToken, body: { password: 'tangerine-kettle-orbit' } });
    expect(r.status).toBe(200);
    expect(await closesWithin5s(s, started)).toBeLessThan(5000);
  });

  test('a stream whose session ended while no notice could arrive is closed at the next heartbeat', async () => {
    const c = await startApi(h.sibling(), { heartbeatMs: 200 });
    try {
      const s = await openEventStream(`${c.base}/events`, { authorization: `Bearer ${ashaToken}` });
      streams.push(s);
      await s.waitFor((e) => e.comment === 'connected');
      // Revoked in the store directly: no sessions-ended notice is published.
      await a.services.sessions.revokeAll(ashaId);
      await closesWithin5s(s, Date.now());
    } finally {
      await c.close();
    }
  });
});
