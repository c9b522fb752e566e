import type { TestBaton } from '../../support/testBaton';
import { agentClient, createAgent, startBaton, type AgentClient } from '../handoff/handoffHarness';

/** Presence as an agent lives it: online after logging in, away after the idle timeout, back on activity. */

let baton: TestBaton;
let admin: AgentClient;

beforeAll(async () => {
  ({ baton, admin } = await startBaton({ env: { AGENT_IDLE_AWAY_MINUTES: '15' } }));
});
afterAll(async () => {
  await baton?.close();
});

const presenceOf = async (agent: AgentClient) => (await agent.ok<{ presence: string }>('GET', '/agents/me')).presence;
const MIN = 60_000;

test('an agent is online right after logging in', async () => {
  const agent = await createAgent(baton.url, admin, { email: 'fresh@presence.test', name: 'Fresh' });
  expect(await presenceOf(agent)).toBe('online');
});

test('an agent who chose offline is online again at their next login', async () => {
  const agent = await createAgent(baton.url, admin, { email: 'again@presence.test', name: 'Again' });
  await agent.ok('PUT', '/agents/me/presence', { status: 'offline' });
  const next = await agentClient(baton.url, 'again@presence.test', 'again-password-1');
  expect(await presenceOf(next)).toBe('online');
});

test('an online agent idle for the timeout is set away; active again, online again', async () => {
  const agent = await createAgent(baton.url, admin, { email: 'idle@presence.test', name: 'Idle' });
  expect(await baton.runtime.inbox.presence.sweep(Date.now() + 14 * MIN)).not.toContain(agent.id);
  expect(await presenceOf(agent)).toBe('online');
  expect(await baton.runtime.inbox.presence.sweep(Date.now() + 16 * MIN)).toContain(agent.id);
  expect(await presenceOf(agent)).toBe('away');
  const after = await agent.ok<{ presence: string }>('POST', '/agents/me/activity');
  expect(after.presence).toBe('online');
});

test('activity does not bring back an agent who chose away themselves', async () => {
  const agent = await createAgent(baton.url, admin, { email: 'chose@presence.test', name: 'Chose' });
  await agent.ok('PUT', '/agents/me/presence', { status: 'away' });
  expect((await agent.ok<{ presence: string }>('POST', '/agents/me/activity')).presence).toBe('away');
});

test('the change to away is audited as the idle timeout', async () => {
  const agent = await createAgent(baton.url, admin, { email: 'audit@presence.test', name: 'Audited' });
  await baton.runtime.inbox.presence.sweep(Date.now() + 16 * MIN);
  const audit = await admin.ok<{ items: { actor: string; action: string; details?: Record<string, unknown> }[] }>('GET', `/audit?target=${encodeURIComponent(`agent:${agent.id}`)}`);
  expect(audit.items).toContainEqual(expect.objectContaining({ actor: 'system', action: 'agent.presence', details: { presence: 'away', reason: 'idle' } }));
});
