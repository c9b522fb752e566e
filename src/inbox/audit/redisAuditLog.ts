import type Redis from 'ioredis';
import type { AuditEntry, AuditLog } from '../../handoff/types';
import { parseJson } from '../redisLike';
import { taggedKey } from '../../store/keys';

/**
 * The audit trail: an append-only Redis list, newest first, capped at `maxEntries` (100k).
 * Each entry is also indexed by target and by actor (lists capped at `maxPerIndex`, expiring
 * `indexTtlDays` after their last write) so "what happened to X" is one read, not a scan.
 */
export interface AuditLogOptions {
  maxEntries?: number;
  maxPerIndex?: number;
  indexTtlDays?: number;
  /** The time an entry without `at` is stamped with (default: the wall clock). */
  clock?: () => number;
}

const K = {
  all: 'audit',
  byTarget: (target: string) => auditTargetKey(target),
  byActor: (actor: string) => taggedKey('audit:actor', actor),
};

export const AUDIT_LIST_MAX = 1000;
/** Entries the desk-wide audit list keeps by default (the oldest are trimmed). */
export const DEFAULT_AUDIT_MAX_ENTRIES = 100_000;

/** The list of one target's audit entries (a conversation is `conversation:<id>`). */
export const auditTargetKey = (target: string) => taggedKey('audit:target', target);

export class RedisAuditLog implements AuditLog {
  private readonly maxEntries: number;
  private readonly maxPerIndex: number;
  private readonly indexTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly redis: Redis,
    options: AuditLogOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? DEFAULT_AUDIT_MAX_ENTRIES;
    this.maxPerIndex = options.maxPerIndex ?? 10_000;
    this.indexTtlMs = (options.indexTtlDays ?? 90) * 24 * 3600_000;
    this.now = options.clock ?? Date.now;
  }

  async record(entry: Omit<AuditEntry, 'at'> & { at?: number }): Promise<void> {
    const full: AuditEntry = {
      at: entry.at ?? this.now(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      ...(entry.details === undefined ? {} : { details: entry.details }),
    };
    const json = JSON.stringify(full);
    // One MULTI per list: the log and its two indexes are separate keys (on Redis Cluster, separate slots).
    await Promise.all([
      this.redis.multi().lpush(K.all, json).ltrim(K.all, 0, this.maxEntries - 1).exec(),
      this.push(K.byTarget(full.target), json),
      this.push(K.byActor(full.actor), json),
    ]);
  }

  private async push(key: string, json: string): Promise<void> {
    await this.redis.multi().lpush(key, json).ltrim(key, 0, this.maxPerIndex - 1).pexpire(key, this.indexTtlMs).exec();
  }

  /** Newest first; `limit` defaults to 100, at most 1000. */
  async list(query: { target?: string; actor?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const limit = Math.min(Math.max(query.limit ?? 100, 1), AUDIT_LIST_MAX);
    const key = query.target !== undefined ? K.byTarget(query.target) : query.actor !== undefined ? K.byActor(query.actor) : K.all;
    const both = query.target !== undefined && query.actor !== undefined;
    const rows = await this.redis.lrange(key, 0, both ? this.maxPerIndex - 1 : limit - 1);
    const entries = rows.map((raw) => parseJson<AuditEntry>(raw)).filter((e): e is AuditEntry => e !== undefined);
    return (both ? entries.filter((e) => e.actor === query.actor) : entries).slice(0, limit);
  }
}
