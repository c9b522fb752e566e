import { AgentStore, agentKeys, type NewAgent } from '../../../../src/inbox/agents/agentStore';
import { isBatonError } from '../../../../src/errors';
import { withHarness, type MakeHarness } from './harness';

const asha: NewAgent = { email: 'Asha@Example.com', name: 'Asha', password: 'correct horse', role: 'agent', teams: ['care'], capacity: 3 };

export function agentStoreContract(make: MakeHarness): void {
  const h = withHarness(make);
  const store = () => new AgentStore(h().client);

  test('creates an offline, enabled agent and never returns the password hash', async () => {
    const agent = await store().create(asha);
    expect(agent).toMatchObject({ email: 'Asha@Example.com', name: 'Asha', role: 'agent', teams: ['care'], capacity: 3, presence: 'offline', disabled: false });
    expect(Object.keys(agent)).not.toContain('passwordHash');
    expect(JSON.stringify(await store().get(agent.id))).not.toMatch(/scrypt|correct horse/);
  });

  test('stores the password as a salted scrypt hash, not the password', async () => {
    const agent = await store().create(asha);
    const stored = await h().client.hget(agentKeys.agent(agent.id), 'passwordHash');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain('correct horse');
  });

  test('refuses a second agent with the same e-mail in another case', async () => {
    await store().create(asha);
    const err = await store().create({ ...asha, email: 'asha@example.COM' }).catch((e: unknown) => e);
    expect(isBatonError(err) && err.code).toBe('CONFLICT');
  });

  test('finds an agent by e-mail whatever the case', async () => {
    const agent = await store().create(asha);
    expect((await store().findByEmail('ASHA@example.com'))?.id).toBe(agent.id);
    expect(await store().findByEmail('nobody@example.com')).toBeNull();
  });

  test('verifies the right password and rejects a wrong one or an unknown e-mail', async () => {
    const agent = await store().create(asha);
    expect((await store().verifyPassword('asha@example.com', 'correct horse'))?.id).toBe(agent.id);
    expect(await store().verifyPassword('asha@example.com', 'Correct horse')).toBeNull();
    expect(await store().verifyPassword('nobody@example.com', 'correct horse')).toBeNull();
  });

  test('lists agents in creation order and by team', async () => {
    const a = await store().create(asha);
    const b = await store().create({ ...asha, email: 'bilal@example.com', name: 'Bilal', teams: ['sales'] });
    expect((await store().list()).map((x) => x.id)).toEqual([a.id, b.id]);
    expect((await store().listByTeam('sales')).map((x) => x.id)).toEqual([b.id]);
    expect(await store().count()).toBe(2);
  });

  test('moves an agent between team indexes when its teams change', async () => {
    const a = await store().create(asha);
    const updated = await store().update(a.id, { teams: ['sales'], capacity: 7 });
    expect(updated).toMatchObject({ teams: ['sales'], capacity: 7 });
    expect(await store().listByTeam('care')).toEqual([]);
    expect((await store().listByTeam('sales')).map((x) => x.id)).toEqual([a.id]);
  });

  test('frees the old e-mail when it changes and refuses one already taken', async () => {
    const a = await store().create(asha);
    await store().create({ ...asha, email: 'bilal@example.com' });
    await store().update(a.id, { email: 'asha.k@example.com' });
    expect(await store().findByEmail('asha@example.com')).toBeNull();
    expect((await store().findByEmail('asha.k@example.com'))?.id).toBe(a.id);
    const err = await store().update(a.id, { email: 'BILAL@example.com' }).catch((e: unknown) => e);
    expect(isBatonError(err) && err.code).toBe('CONFLICT');
  });

  test('a new password replaces the old one', async () => {
    const a = await store().create(asha);
    await store().update(a.id, { password: 'battery staple' });
    expect(await store().verifyPassword(asha.email, 'correct horse')).toBeNull();
    expect((await store().verifyPassword(asha.email, 'battery staple'))?.id).toBe(a.id);
  });

  test('sets presence and disabled', async () => {
    const a = await store().create(asha);
    expect((await store().setPresence(a.id, 'online')).presence).toBe('online');
    expect((await store().update(a.id, { disabled: true })).disabled).toBe(true);
    expect(await store().get(a.id)).toMatchObject({ presence: 'online', disabled: true });
  });

  test('answers NOT_FOUND when changing an unknown agent', async () => {
    const err = await store().update('ag_nope', { name: 'X' }).catch((e: unknown) => e);
    expect(isBatonError(err) && err.code).toBe('NOT_FOUND');
    const err2 = await store().setPresence('ag_nope', 'online').catch((e: unknown) => e);
    expect(isBatonError(err2) && err2.code).toBe('NOT_FOUND');
  });
}
