import type Redis from 'ioredis';
import type { Agent, Presence } from '../../handoff/types';
import type { Logger } from '../../logger';
import type { AgentStore } from '../agents/agentStore';
import type { RedisAuditLog } from '../audit/redisAuditLog';
import type { RedisEventBus } from '../events/redisEventBus';
import { presenceKeys as K } from '../search/searchKeys';
import { idleAgents } from './idleAgents';

export interface PresenceTrackerDeps {
  redis: Redis;
  agents: AgentStore;
  bus: RedisEventBus;
  audit: RedisAuditLog;
  logger: Logger;
  /** AGENT_IDLE_AWAY_MINUTES in ms; 0 = never. */
  idleMs: number;
  now?: () => number;
}

/**
 * Presence as an agent lives it: online when they log in, away after `idleMs` without activity,
 * online again on their next activity (only when it was the timeout, not they, who set away).
 * Every change is published (auto-assign listens for `online`) and audited.
 */
export class PresenceTracker {
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;

  constructor(private readonly deps: PresenceTrackerDeps) {
    this.now = deps.now ?? Date.now;
  }

  get idleMs(): number {
    return this.deps.idleMs;
  }

  /** Sets a presence the agent chose (or logging in chose for them), and counts it as activity. */
  async set(agentId: string, presence: Presence, actor: string = agentId): Promise<Agent> {
    const agent = await this.deps.agents.setPresence(agentId, presence);
    await this.deps.redis.multi().zadd(K.seen, this.now(), agentId).srem(K.idled, agentId).exec();
    await this.deps.audit.record({ actor, action: 'agent.presence', target: `agent:${agentId}`, details: { presence } });
    await this.deps.bus.publish({ type: 'agent.presence', agentId, presence });
    return agent;
  }

  /** The agent did something: remembered; back online if the idle timeout had set them away. */
  async touch(agentId: string): Promise<Agent | null> {
    const results = await this.deps.redis.multi().zadd(K.seen, this.now(), agentId).srem(K.idled, agentId).exec();
    const wasIdled = Number(results?.[1]?.[1] ?? 0) === 1;
    const agent = await this.deps.agents.get(agentId);
    if (!agent || !wasIdled || agent.presence !== 'away' || agent.disabled) return agent;
    return this.set(agentId, 'online', 'system');
  }

  /** Sets to away every online agent idle for `idleMs` at `now`; returns their ids. */
  async sweep(now: number = this.now()): Promise<string[]> {
    if (this.deps.idleMs <= 0) return [];
    const flat = await this.deps.redis.zrangebyscore(K.seen, '-inf', now - this.deps.idleMs, 'WITHSCORES');
    const seen = new Map<string, number>();
    for (let i = 0; i + 1 < flat.length; i += 2) seen.set(flat[i]!, Number(flat[i + 1]));
    if (seen.size === 0) return [];
    const agents = (await Promise.all([...seen.keys()].map((id) => this.deps.agents.get(id)))).filter((a): a is Agent => a !== null);
    const idle = idleAgents(agents, seen, now, this.deps.idleMs);
    for (const id of idle) {
      await this.deps.agents.setPresence(id, 'away');
      await this.deps.redis.multi().sadd(K.idled, id).zrem(K.seen, id).exec();
      await this.deps.audit.record({ actor: 'system', action: 'agent.presence', target: `agent:${id}`, details: { presence: 'away', reason: 'idle' } });
      await this.deps.bus.publish({ type: 'agent.presence', agentId: id, presence: 'away' });
    }
    // Entries of agents not online (away, offline, gone) need no watching.
    const settled = [...seen.keys()].filter((id) => !idle.includes(id));
    if (settled.length > 0) await this.deps.redis.zrem(K.seen, ...settled);
    if (idle.length > 0) this.deps.logger.info('agents set away after the idle timeout', { agents: idle.length });
    return idle;
  }

  /** Sweeps every `intervalMs` (default: a quarter of the timeout, between 5 s and 60 s). */
  start(intervalMs = Math.min(60_000, Math.max(5_000, Math.floor(this.deps.idleMs / 4)))): void {
    if (this.timer || this.deps.idleMs <= 0) return;
    this.timer = setInterval(() => {
      this.sweep().catch((err) => this.deps.logger.warn('presence sweep failed', { reason: (err as Error).message }));
    }, intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
