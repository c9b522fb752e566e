import RedisMock from 'ioredis-mock';
import type Redis from 'ioredis';
import { Writable } from 'node:stream';
import { createLogger } from '../../../../src/logger';
import { AgentStore } from '../../../../src/inbox/agents/agentStore';
import { bootstrapAdmin } from '../../../../src/inbox/auth/bootstrapAdmin';
import { TeamStore } from '../../../../src/inbox/teams/teamStore';

function setup() {
  const redis = new RedisMock({ keyPrefix: `boot${Math.random()}:` }) as unknown as Redis;
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { redis, lines, logger: createLogger('info', stream), agents: new AgentStore(redis), teams: new TeamStore(redis) };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('bootstrapAdmin', () => {
  test('creates the first admin in every team and logs it without the password', async () => {
    const s = setup();
    expect(await bootstrapAdmin({ ...s, email: 'Admin@Example.com', password: 'first-admin-Kite-42' })).toBe('created');
    const admin = await s.agents.findByEmail('admin@example.com');
    expect(admin).toMatchObject({ role: 'admin', teams: ['care', 'marketing', 'sales'] });
    expect((await s.agents.verifyPassword('admin@example.com', 'first-admin-Kite-42'))?.id).toBe(admin?.id);
    await flush();
    expect(s.lines.join('')).toContain('created the first admin');
    expect(s.lines.join('')).not.toContain('first-admin-Kite-42');
    expect(s.lines.join('')).not.toContain('Admin@Example.com');
  });

  test('does nothing once an agent exists', async () => {
    const s = setup();
    await s.agents.create({ email: 'a@x.io', name: 'A', password: 'password1', role: 'agent', teams: [], capacity: 1 });
    expect(await bootstrapAdmin({ ...s, email: 'admin@example.com', password: 'first-admin-Kite-42' })).toBe('exists');
    expect(await s.agents.count()).toBe(1);
  });

  test('warns how to create an admin when there is none and no credentials', async () => {
    const s = setup();
    expect(await bootstrapAdmin({ ...s })).toBe('no-credentials');
    await flush();
    expect(s.lines.join('')).toMatch(/"level":"warn".*ADMIN_EMAIL and ADMIN_PASSWORD/);
  });
});
