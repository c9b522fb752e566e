import type { TestBaton } from '../../support/testBaton';
import { createAgent, customerSays, startBaton, uniqueCustomer, type AgentClient } from '../handoff/handoffHarness';

/**
 * Closed by default: answers of the agent API are never cached, the session cookie is Secure
 * behind an https PUBLIC_URL whatever the proxy says, /metrics needs its token, and the sandbox
 * shows only what the customer sees.
 */
describe('closed by default', () => {
  let baton: TestBaton;
  let admin: AgentClient;
  let agent: AgentClient;

  beforeAll(async () => {
    ({ baton, admin } = await startBaton({ env: { PUBLIC_URL: 'https://baton.example.com', METRICS_TOKEN: 'metrics-token-0123456789' } }));
    agent = await createAgent(baton.url, admin, { email: 'care@closed.test', name: 'Care', teams: ['care'] });
  }, 60_000);
  afterAll(() => baton.close());

  test('the session cookie is Secure when PUBLIC_URL is https, without TRUST_PROXY', async () => {
    const res = await fetch(`${baton.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'care@closed.test', password: 'care-password-1' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
    const logout = await fetch(`${baton.url}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${((await res.json()) as { token: string }).token}` } });
    expect(logout.headers.get('set-cookie')).toMatch(/Max-Age=0; Secure$/);
  });

  test('every authenticated answer of the API carries Cache-Control: no-store', async () => {
    const turn = await customerSays(baton.url, uniqueCustomer('nostore'), 'I want to talk to a human agent please');
    const id = turn.conversationId!;
    const customerId = (await admin.ok('GET', `/conversations/${id}`)).conversation.customerId as string;
    for (const path of ['/auth/me', '/conversations', `/conversations/${id}`, `/customers/${customerId}`, '/dashboard', '/teams', '/agents/me']) {
      const res = await fetch(`${baton.url}/api/v1${path}`, { headers: { authorization: `Bearer ${admin.token}` } });
      expect([path, res.status, res.headers.get('cache-control')]).toEqual([path, 200, 'no-store']);
    }
    const refused = await fetch(`${baton.url}/api/v1/conversations/${id}`, { headers: { authorization: 'Bearer nope' } });
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  test('/metrics refuses a scrape without the token and answers one with it', async () => {
    expect((await fetch(`${baton.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${baton.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const ok = await fetch(`${baton.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-0123456789' } });
    expect(ok.status).toBe(200);
  });

  test("the sandbox transcript holds no private note, no system event and no internal field", async () => {
    const from = uniqueCustomer('sandbox');
    const turn = await customerSays(baton.url, from, 'I want to talk to a human agent please');
    const id = turn.conversationId!;
    await agent.ok('POST', `/conversations/${id}/claim`);
    await agent.ok('POST', `/conversations/${id}/notes`, { text: 'PRIVATE: customer sounded upset, check refund history' });
    await agent.ok('POST', `/conversations/${id}/messages`, { text: 'Hello, I am here to help.' });
    // The agent's view has the note; the customer's does not.
    expect(JSON.stringify((await agent.ok('GET', `/conversations/${id}`)).messages)).toContain('PRIVATE');
    const res = await fetch(`${baton.url}/sandbox/conversations/${from}`);
    const body = (await res.json()) as { conversation: Record<string, unknown>; messages: Record<string, unknown>[] };
    const raw = JSON.stringify(body);
    expect(raw).not.toContain('PRIVATE');
    expect(raw).not.toMatch(/Assigned to|Escalated to/);
    expect(body.messages.every((m) => m.direction !== 'internal')).toBe(true);
    expect(body.messages.some((m) => m.text === 'Hello, I am here to help.')).toBe(true);
    expect(Object.keys(body.conversation).sort()).toEqual(['id', 'language', 'startedAt', 'status'].filter((k) => k in body.conversation).sort());
    for (const internal of ['team', 'assigneeId', 'ownerToken', 'escalationReason', 'customerId', 'csat', 'priority']) {
      expect(body.conversation).not.toHaveProperty(internal);
    }
    for (const m of body.messages) {
      expect(m).not.toHaveProperty('agentId');
      expect(m).not.toHaveProperty('meta');
      expect(m).not.toHaveProperty('platformMessageId');
    }
  });
});
