import type Redis from 'ioredis';
import { BatonError } from '../../errors';
import type { Agent, AgentRole, Presence } from '../../handoff/types';
import { newId } from '../ids';
import { DEFAULT_SCRYPT_COST, decoyHash, hashPassword, verifyPassword, type ScryptCost } from './passwordHash';
import { taggedKey } from '../../store/keys';

export interface NewAgent {
  email: string;
  name: string;
  password: string;
  role: AgentRole;
  teams: string[];
  capacity: number;
}

export type AgentPatch = Partial<Pick<Agent, 'email' | 'name' | 'role' | 'teams' | 'capacity' | 'disabled'>> & { password?: string };

/** The agent directory is small and written with its indexes in one MULTI: one hash tag for it all (src/store/keys.ts). */
const DIR = 'agents';
export const agentKeys = {
  agent: (id: string) => taggedKey('agent', DIR, id),
  byEmail: (email: string) => taggedKey('agents', DIR, 'email', normalizeEmail(email)),
  byTeam: (team: string) => taggedKey('agents', DIR, 'team', team),
  all: taggedKey('agents', DIR, 'all'),
};
const K = agentKeys;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toAgent(h: Record<string, string>): Agent | null {
  if (!h.id) return null;
  return {
    id: h.id,
    email: h.email ?? '',
    name: h.name ?? '',
    role: h.role === 'admin' ? 'admin' : 'agent',
    teams: JSON.parse(h.teams ?? '[]') as string[],
    capacity: Number(h.capacity ?? 0),
    presence: (h.presence as Presence | undefined) ?? 'offline',
    disabled: h.disabled === '1',
    createdAt: Number(h.createdAt ?? 0),
  };
}

/** Agents and their credentials. The password hash never leaves this class. */
export class AgentStore {
  private readonly cost: ScryptCost;

  /** `scryptCost` only for tests; hashes record their cost, so any setting verifies old ones. */
  constructor(
    private readonly redis: Redis,
    options: { scryptCost?: ScryptCost } = {},
  ) {
    this.cost = options.scryptCost ?? DEFAULT_SCRYPT_COST;
  }

  async create(input: NewAgent): Promise<Agent> {
    const id = newId('ag');
    const email = input.email.trim();
    const claimed = await this.redis.set(K.byEmail(email), id, 'NX');
    if (claimed !== 'OK') throw new BatonError('CONFLICT', `An agent with the e-mail ${email} already exists`);
    try {
      const agent: Agent = {
        id,
        email,
        name: input.name,
        role: input.role,
        teams: [...new Set(input.teams)],
        capacity: input.capacity,
        presence: 'offline',
        disabled: false,
        createdAt: Date.now(),
      };
      const passwordHash = await hashPassword(input.password, this.cost);
      const tx = this.redis.multi().hset(K.agent(id), { ...serialize(agent), passwordHash }).zadd(K.all, agent.createdAt, id);
      for (const team of agent.teams) tx.sadd(K.byTeam(team), id);
      await tx.exec();
      return agent;
    } catch (err) {
      await this.redis.del(K.byEmail(email));
      throw err;
    }
  }

  async get(id: string): Promise<Agent | null> {
    return toAgent(await this.redis.hgetall(K.agent(id)));
  }

  async findByEmail(email: string): Promise<Agent | null> {
    const id = await this.redis.get(K.byEmail(email));
    return id ? this.get(id) : null;
  }

  async list(): Promise<Agent[]> {
    return this.getMany(await this.redis.zrange(K.all, 0, -1));
  }

  async listByTeam(team: string): Promise<Agent[]> {
    const ids = await this.redis.smembers(K.byTeam(team));
    const agents = await this.getMany(ids);
    return agents.sort((a, b) => a.createdAt - b.createdAt);
  }

  async count(): Promise<number> {
    return this.redis.zcard(K.all);
  }

  async update(id: string, patch: AgentPatch): Promise<Agent> {
    const current = await this.get(id);
    if (!current) throw new BatonError('NOT_FOUND', `No agent with id ${id}`);
    const next: Agent = {
      ...current,
      ...(patch.email !== undefined ? { email: patch.email.trim() } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.teams !== undefined ? { teams: [...new Set(patch.teams)] } : {}),
      ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
    };
    const emailChanged = normalizeEmail(next.email) !== normalizeEmail(current.email);
    if (emailChanged) {
      const claimed = await this.redis.set(K.byEmail(next.email), id, 'NX');
      if (claimed !== 'OK') throw new BatonError('CONFLICT', `An agent with the e-mail ${next.email} already exists`);
    }
    const fields: Record<string, string> = serialize(next);
    if (patch.password !== undefined) fields.passwordHash = await hashPassword(patch.password, this.cost);
    const tx = this.redis.multi().hset(K.agent(id), fields);
    if (emailChanged) tx.del(K.byEmail(current.email));
    for (const team of current.teams.filter((t) => !next.teams.includes(t))) tx.srem(K.byTeam(team), id);
    for (const team of next.teams.filter((t) => !current.teams.includes(t))) tx.sadd(K.byTeam(team), id);
    await tx.exec();
    return next;
  }

  async setPresence(id: string, presence: Presence): Promise<Agent> {
    const exists = await this.redis.exists(K.agent(id));
    if (!exists) throw new BatonError('NOT_FOUND', `No agent with id ${id}`);
    await this.redis.hset(K.agent(id), 'presence', presence);
    const agent = await this.get(id);
    return agent!;
  }

  /** The agent when the password matches, otherwise null; costs the same whether or not the e-mail exists. */
  async verifyPassword(email: string, password: string): Promise<Agent | null> {
    const id = await this.redis.get(K.byEmail(email));
    const stored = id ? await this.redis.hget(K.agent(id), 'passwordHash') : null;
    const ok = await verifyPassword(password, stored ?? (await decoyHash(this.cost)));
    if (!ok || !id || !stored) return null;
    return this.get(id);
  }

  private async getMany(ids: string[]): Promise<Agent[]> {
    if (ids.length === 0) return [];
    const tx = this.redis.multi();
    for (const id of ids) tx.hgetall(K.agent(id));
    const rows = (await tx.exec()) ?? [];
    return rows.map(([, h]) => toAgent((h ?? {}) as Record<string, string>)).filter((a): a is Agent => a !== null);
  }
}

function serialize(a: Agent): Record<string, string> {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    teams: JSON.stringify(a.teams),
    capacity: String(a.capacity),
    presence: a.presence,
    disabled: a.disabled ? '1' : '0',
    createdAt: String(a.createdAt),
  };
}
