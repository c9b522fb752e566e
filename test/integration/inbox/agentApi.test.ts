import type { Agent } from '../../../src/handoff/types';
import { memoryHarness, type RedisHarness } from '../../unit/inbox/stores/harness';
import { call, login, seedAgents, startApi, type ApiInstance } from './apiHarness';

describe('agent API /api/v1', () => {
  let h: RedisHarness;
  let api: ApiInstance;
  let admin: Agent;
  let agent: Agent;
  let adminToken: string;
  let agentToken: string;
  let now: number;

  beforeEach(async () => {
    h = await memoryHarness();
    now = Date.now();
    api = await startApi(h, { now: () => now });
    ({ admin, agent } = await seedAgents(api.services));
    adminToken = await login(api.base, 'admin@example.com', 'admin-password');
    agentToken = await login(api.base, 'asha@example.com', 'asha-password');
  });
  afterEach(async () => {
    await api.close();
    await h.close();
  });

  const as = (token: string) => ({
    get: (path: string) => call(api.base, 'GET', path, { token }),
    post: (path: string, body?: unknown) => call(api.base, 'POST', path, { token, body }),
    put: (path: string, body?: unknown) => call(api.base, 'PUT', path, { token, body }),
    patch: (path: string, body?: unknown) => call(api.base, 'PATCH', path, { token, body }),
    del: (path: string) => call(api.base, 'DELETE', path, { token }),
  });

  describe('signing in', () => {
    test('answers a token, the agent (now online) without secrets, the expiry, and an httpOnly strict cookie', async () => {
      const r = await call(api.base, 'POST', '/auth/login', { body: { email: 'ASHA@example.com', password: 'asha-password' } });
      expect(r.status).toBe(200);
      expect(r.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(r.body.agent).toEqual({ ...agent, presence: 'online', createdAt: new Date(agent.createdAt).toISOString() });
      expect(Date.parse(r.body.expiresAt)).toBe(now + 12 * 3600_000);
      expect(r.headers.get('set-cookie')).toBe(`baton_session=${r.body.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200`);
    });

    test('accepts the session cookie instead of a bearer token', async () => {
      const r = await call(api.base, 'GET', '/auth/me', { headers: { cookie: `other=1; baton_session=${agentToken}` } });
      expect(r.status).toBe(200);
      expect(r.body.agent.id).toBe(agent.id);
    });

    test('refuses a wrong password with 401', async () => {
      const r = await call(api.base, 'POST', '/auth/login', { body: { email: 'asha@example.com', password: 'nope-nope' } });
      expect(r.status).toBe(401);
      expect(r.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'Wrong e-mail or password' });
    });

    test('refuses even the right password after 10 failures for that e-mail', async () => {
      for (let i = 0; i < 10; i++) {
        expect((await call(api.base, 'POST', '/auth/login', { body: { email: 'asha@example.com', password: `wrong-${i}` } })).status).toBe(401);
      }
      const r = await call(api.base, 'POST', '/auth/login', { body: { email: 'asha@example.com', password: 'asha-password' } });
      expect(r.status).toBe(429);
      expect(r.body.error.code).toBe('TOO_MANY_ATTEMPTS');
      expect(r.body.error.message).toMatch(/Too many failed sign-in attempts.*try again in 15 minutes/);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      // other e-mails are not affected
      expect((await call(api.base, 'POST', '/auth/login', { body: { email: 'admin@example.com', password: 'admin-password' } })).status).toBe(200);
    });

    test('logs out: the token stops working and the cookie is cleared', async () => {
      const r = await as(agentToken).post('/auth/logout');
      expect(r.status).toBe(204);
      expect(r.headers.get('set-cookie')).toContain('Max-Age=0');
      expect((await as(agentToken).get('/auth/me')).body.error.code).toBe('TOKEN_EXPIRED');
    });
  });

  describe('authentication and roles', () => {
    test('answers 401 UNAUTHENTICATED without a token', async () => {
      const r = await call(api.base, 'GET', '/teams');
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('UNAUTHENTICATED');
    });

    test('answers 401 UNAUTHENTICATED for something that is not a token', async () => {
      const r = await as('abc').get('/teams');
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('UNAUTHENTICATED');
    });

    test('answers 401 TOKEN_EXPIRED, asking to log in again, once the session is over', async () => {
      now += 12 * 3600_000 + 1;
      const r = await as(agentToken).get('/teams');
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('TOKEN_EXPIRED');
      expect(r.body.error.message).toMatch(/log in again/);
    });

    test('answers 401 TOKEN_EXPIRED for a well-formed token it does not know', async () => {
      expect((await as('A'.repeat(43)).get('/teams')).body.error.code).toBe('TOKEN_EXPIRED');
    });

    test('answers 403 for a disabled agent', async () => {
      await api.services.agents.update(agent.id, { disabled: true });
      const r = await as(agentToken).get('/teams');
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/disabled/);
    });

    test('answers 403 FORBIDDEN when an agent calls an admin route', async () => {
      for (const r of [await as(agentToken).get('/agents'), await as(agentToken).post('/teams', { id: 'vip', name: 'VIP' }), await as(agentToken).get('/audit')]) {
        expect(r.status).toBe(403);
        expect(r.body.error.code).toBe('FORBIDDEN');
      }
    });
  });

  describe('validation', () => {
    test('names the missing field of a reply', async () => {
      const r = await as(agentToken).post('/conversations/c_1/messages', { mediaUrl: 'https://x.io/a.jpg' });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.message).toBe('Invalid request: body.text: give text (and/or an uploadId), or a template');
      expect(api.actions.reply).not.toHaveBeenCalled();
    });

    test('refuses text and template together', async () => {
      const r = await as(agentToken).post('/conversations/c_1/messages', { text: 'hi', template: { name: 'order_update' } });
      expect(r.status).toBe(400);
    });

    test('names a bad field in the query, the path and an unknown key', async () => {
      expect((await as(agentToken).get('/conversations?status=open')).body.error.message).toMatch(/^Invalid request: query\.status:/);
      expect((await as(agentToken).post('/conversations/bad%20id/claim')).body.error.message).toMatch(/^Invalid request: params\.id:/);
      expect((await as(adminToken).post('/teams', { id: 'vip', name: 'VIP', colour: 'red' })).body.error.message).toMatch(/colour/);
    });

    test('names a bad e-mail when creating an agent', async () => {
      const r = await as(adminToken).post('/agents', { email: 'not-an-email', name: 'X', password: 'tangerine-kettle-orbit' });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/^Invalid request: body\.email:/);
    });

    test('refuses a transfer naming both or neither of team and agent', async () => {
      expect((await as(agentToken).post('/conversations/c_1/transfer', {})).status).toBe(400);
      expect((await as(agentToken).post('/conversations/c_1/transfer', { team: 'sales', agentId: 'ag_2' })).status).toBe(400);
    });

    test('answers 415 for a body that is not JSON', async () => {
      const r = await call(api.base, 'POST', '/conversations/c_1/notes', { token: agentToken, body: 'text=hi', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(r.status).toBe(415);
    });

    test('answers 400 MALFORMED_JSON for broken JSON', async () => {
      const r = await call(api.base, 'POST', '/conversations/c_1/notes', { token: agentToken, body: '{"text":' });
      expect(r.body.error.code).toBe('MALFORMED_JSON');
    });
  });

  describe('conversations', () => {
    test('turns assignee=me into the caller id', async () => {
      const r = await as(agentToken).get('/conversations?status=assigned&assignee=me');
      expect(r.status).toBe(200);
      expect(r.body.items).toEqual([expect.objectContaining({ id: 'c_1', status: 'queued' })]);
      expect(api.actions.list).toHaveBeenCalledWith(
        { status: 'assigned', assignee: agent.id, visible: expect.any(Function) },
        expect.objectContaining({ id: agent.id }),
      );
    });

    test('passes the reply, the caller and the id to the handoff core', async () => {
      const r = await as(agentToken).post('/conversations/c_9/messages', { template: { name: 'order_update', variables: { '1': 'A-77' } } });
      expect(r.status).toBe(201);
      expect(api.actions.reply).toHaveBeenCalledWith('c_9', expect.objectContaining({ id: agent.id }), { template: { name: 'order_update', variables: { '1': 'A-77' } } });
    });

    test('delegates claim, note, transfer, handback and resolve', async () => {
      await as(agentToken).post('/conversations/c_1/claim');
      await as(agentToken).post('/conversations/c_1/notes', { text: 'called back' });
      await as(agentToken).post('/conversations/c_1/transfer', { team: 'sales', note: 'wants a quote' });
      await as(agentToken).post('/conversations/c_1/handback');
      const r = await as(agentToken).post('/conversations/c_1/resolve');
      expect(r.body.status).toBe('resolved');
      expect(api.actions.claim).toHaveBeenCalledWith('c_1', expect.objectContaining({ id: agent.id }));
      expect(api.actions.note).toHaveBeenCalledWith('c_1', expect.anything(), 'called back');
      expect(api.actions.transfer).toHaveBeenCalledWith('c_1', expect.anything(), { team: 'sales', note: 'wants a quote' });
      expect(api.actions.handback).toHaveBeenCalledTimes(1);
    });

    test("answers the handoff core's errors with their status", async () => {
      const { BatonError } = await import('../../../src/errors');
      api.actions.detail.mockRejectedValueOnce(new BatonError('NOT_FOUND', 'No conversation c_404'));
      const r = await as(agentToken).get('/conversations/c_404');
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    });
  });

  describe('agents', () => {
    test('an agent reads themself and sets their presence, which is published and audited', async () => {
      expect((await as(agentToken).get('/agents/me')).body.id).toBe(agent.id);
      const r = await as(agentToken).put('/agents/me/presence', { status: 'online' });
      expect(r.body.presence).toBe('online');
      const events = await api.services.bus.since('0-0');
      expect(events.map((e) => e.event)).toContainEqual({ type: 'agent.presence', agentId: agent.id, presence: 'online' });
      expect((await api.services.audit.list({ target: `agent:${agent.id}` }))[0]).toMatchObject({ actor: agent.id, action: 'agent.presence' });
    });

    test('an admin creates an agent, audited without the password', async () => {
      const r = await as(adminToken).post('/agents', { email: 'bilal@example.com', name: 'Bilal', password: 'bilal-password', teams: ['sales'] });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ email: 'bilal@example.com', role: 'agent', teams: ['sales'], capacity: 5 });
      const audit = await as(adminToken).get(`/audit?target=agent:${r.body.id}`);
      expect(audit.body.items).toEqual([expect.objectContaining({ actor: admin.id, action: 'agent.created', target: `agent:${r.body.id}` })]);
      expect(JSON.stringify(audit.body)).not.toContain('bilal-password');
      expect((await call(api.base, 'POST', '/auth/login', { body: { email: 'bilal@example.com', password: 'bilal-password' } })).status).toBe(200);
    });

    test('refuses an agent in a team that does not exist, naming it', async () => {
      const r = await as(adminToken).post('/agents', { email: 'b@x.io', name: 'B', password: 'tangerine-kettle-orbit', teams: ['care', 'nope'] });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/body\.teams\.1: unknown team nope/);
    });

    test('disabling an agent ends their sessions and is audited with who and what', async () => {
      const r = await as(adminToken).patch(`/agents/${agent.id}`, { disabled: true });
      expect(r.body.disabled).toBe(true);
      expect((await as(agentToken).get('/agents/me')).body.error.code).toBe('TOKEN_EXPIRED');
      const [entry] = (await as(adminToken).get(`/audit?target=agent:${agent.id}&actor=${admin.id}`)).body.items;
      expect(entry).toMatchObject({ actor: admin.id, action: 'agent.updated', details: { changed: ['disabled'], disabled: true } });
      expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    });

    test('refuses to demote the last admin', async () => {
      const r = await as(adminToken).patch(`/agents/${admin.id}`, { role: 'agent' });
      expect(r.status).toBe(409);
    });

    test('answers 404 for an unknown agent', async () => {
      const r = await as(adminToken).patch('/agents/ag_nope', { name: 'X' });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    });
  });

  describe('teams', () => {
    test('any agent lists teams; an admin creates, changes and deletes one, each audited', async () => {
      expect((await as(agentToken).get('/teams')).body.items.map((t: { id: string }) => t.id)).toEqual(['care', 'marketing', 'sales']);
      expect((await as(adminToken).post('/teams', { id: 'vip', name: 'VIP desk' })).status).toBe(201);
      expect((await as(adminToken).put('/teams/vip', { name: 'VIP', leadAgentId: admin.id })).body).toEqual({ id: 'vip', name: 'VIP', leadAgentId: admin.id });
      expect((await as(adminToken).del('/teams/vip')).status).toBe(204);
      const actions = (await api.services.audit.list({ target: 'team:vip' })).map((e) => e.action);
      expect(actions).toEqual(['team.deleted', 'team.updated', 'team.created']);
    });

    test('refuses to delete a team that still has agents', async () => {
      expect((await as(adminToken).del('/teams/care')).status).toBe(409);
    });

    test('answers 404 for an unknown team and 409 for an existing one', async () => {
      expect((await as(adminToken).put('/teams/nope', { name: 'x' })).status).toBe(404);
      expect((await as(adminToken).del('/teams/nope')).status).toBe(404);
      expect((await as(adminToken).post('/teams', { id: 'care', name: 'x' })).status).toBe(409);
    });
  });

  describe('canned answers', () => {
    test("an agent sees only their teams' answers; an admin all", async () => {
      await as(adminToken).post('/canned-answers', { team: 'care', shortcut: '/refund', title: 'Refund', text: 'Refunds take 5 days.' });
      await as(adminToken).post('/canned-answers', { team: 'sales', shortcut: '/quote', title: 'Quote', text: 'A quote follows.' });
      expect((await as(agentToken).get('/canned-answers')).body.items.map((a: { shortcut: string }) => a.shortcut)).toEqual(['/refund']);
      expect((await as(adminToken).get('/canned-answers')).body.items).toHaveLength(2);
      expect((await as(agentToken).get('/canned-answers?team=sales')).status).toBe(403);
    });

    test('an admin replaces and deletes an answer; a duplicate shortcut conflicts; unknown ids are 404', async () => {
      const a = (await as(adminToken).post('/canned-answers', { team: 'care', shortcut: '/refund', title: 'Refund', text: 'Five days.' })).body;
      expect((await as(adminToken).post('/canned-answers', { team: 'care', shortcut: '/refund', title: 'Again', text: 'x' })).status).toBe(409);
      expect((await as(adminToken).put(`/canned-answers/${a.id}`, { team: 'care', shortcut: '/refund', title: 'Refund', text: 'Seven days.', language: 'en' })).body.text).toBe('Seven days.');
      expect((await as(adminToken).del(`/canned-answers/${a.id}`)).status).toBe(204);
      expect((await as(adminToken).del(`/canned-answers/${a.id}`)).status).toBe(404);
      expect((await api.services.audit.list({ target: `canned:${a.id}` })).map((e) => e.action)).toEqual(['canned.deleted', 'canned.updated', 'canned.created']);
    });
  });

  describe('follow-ups', () => {
    test("an agent lists their teams' open follow-ups and marks one done, audited", async () => {
      const care = await api.services.followUps.open({ conversationId: 'c_1', team: 'care', score: 1, scale: 'csat5', dueAt: now });
      await api.services.followUps.open({ conversationId: 'c_2', team: 'sales', score: 2, scale: 'csat5', dueAt: now });
      expect((await as(agentToken).get('/follow-ups?status=open')).body.items.map((f: { id: string }) => f.id)).toEqual([care.id]);
      const r = await as(agentToken).post(`/follow-ups/${care.id}/done`);
      expect(r.body).toMatchObject({ status: 'done', doneBy: agent.id });
      expect((await api.services.audit.list({ target: `followup:${care.id}` }))[0]).toMatchObject({ actor: agent.id, action: 'followup.done' });
    });

    test("refuses another team's follow-up and answers 404 for an unknown one", async () => {
      const sales = await api.services.followUps.open({ conversationId: 'c_2', team: 'sales', score: 2, scale: 'csat5', dueAt: now });
      expect((await as(agentToken).post(`/follow-ups/${sales.id}/done`)).status).toBe(403);
      expect((await as(agentToken).post('/follow-ups/fu_nope/done')).status).toBe(404);
    });
  });

  test('answers 404 JSON for a path no route claims', async () => {
    const r = await as(agentToken).get('/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });
});
