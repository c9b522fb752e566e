import type Redis from 'ioredis';
import { z } from 'zod';
import type { AuditEntry, AuditLog } from '../../handoff/types';
import { parseJson } from '../redisLike';
import { taggedKey } from '../../store/keys';
import { jsonDictionary, packJson, unpackJson } from '../../store/packedJson';

/**
 * The audit trail: an append-only Redis list, newest first, capped at `maxEntries` (100k): what
 * GET /audit reads unfiltered. Each entry is also kept by target and by actor (lists capped at
 * `maxPerIndex`, expiring `indexTtlDays` after their last write), what GET /audit?target= (a
 * customer's profile, retention's export of a conversation) and ?actor= read: "what happened to X"
 * is one read, not a scan of the capped list, and outlives it.
 *
 * An entry is kept packed (packAuditEntry): short names, the time in base 36, and in the target's
 * and the actor's lists without the target or actor their key already names; then deflated with a
 * dictionary of the usual actions and details (src/store/packedJson.ts: about a third of the
 * bytes). Entries written before, packed or full JSON, read the same.
 */

/** The dictionary entries are deflated with. Never change these bytes: a new dictionary gets a new id. */
const AUDIT_DICTIONARY = jsonDictionary(3, [
  '"x":"identity.customer.update""x":"identity.merge""x":"agent.presence","d":{"presence":"online"}}"x":"auth.login"}',
  '"x":"conversation.escalate","d":{"team":"","reason":"customer_requested","priority":"normal"}}',
  '"x":"csat.answer","d":{"score":,"scale":"csat5"}}',
  '"x":"conversation.resolve"}',
  '"x":"conversation.assign","d":{"agentId":"ag_","team":""}}',
  '{"t":"m","a":"customer","g":"conversation:c_","x":"conversation.reply","d":{"messageId":"m1.c_","status":"queued"}}',
]);

/** An entry as a list keeps it: packed (packAuditEntry), deflated. */
function storedEntry(e: AuditEntry, implied: { actor?: boolean; target?: boolean } = {}): Buffer {
  return packJson(packAuditEntry(e, implied), AUDIT_DICTIONARY);
}

/** An entry as a list holds it (deflated, or JSON written before); undefined when unreadable. */
function readEntry(raw: Buffer, known: { actor?: string; target?: string }): AuditEntry | undefined {
  const json = unpackJson(raw, [AUDIT_DICTIONARY]);
  return json === null ? undefined : unpackAuditEntry(json, known);
}

/** A packed entry: t time (ms, base 36), a actor, g target (each left out where the key names it), x action, d details. */
const packedSchema = z.object({
  t: z.string().regex(/^[0-9a-z]{1,11}$/),
  a: z.string().optional(),
  g: z.string().optional(),
  x: z.string(),
  d: z.record(z.string(), z.unknown()).optional(),
});
/** An entry as versions before wrote it, in all three lists. */
const fullSchema = z.object({ at: z.number(), actor: z.string(), action: z.string(), target: z.string(), details: z.record(z.string(), z.unknown()).optional() });

/** The stored form of an entry; `implied` fields (the target in the target's list, the actor in the actor's) are left out. */
export function packAuditEntry(e: AuditEntry, implied: { actor?: boolean; target?: boolean } = {}): string {
  return JSON.stringify({
    t: e.at.toString(36),
    a: implied.actor ? undefined : e.actor,
    g: implied.target ? undefined : e.target,
    x: e.action,
    d: e.details,
  });
}

/** An entry as stored (packed, or full JSON written before), with what the list's key names; undefined when unreadable. */
export function unpackAuditEntry(raw: string, known: { actor?: string; target?: string } = {}): AuditEntry | undefined {
  const json = parseJson<unknown>(raw);
  const packed = packedSchema.safeParse(json);
  if (packed.success) {
    const p = packed.data;
    const actor = p.a ?? known.actor;
    const target = p.g ?? known.target;
    if (actor === undefined || target === undefined) return undefined;
    return { at: parseInt(p.t, 36), actor, action: p.x, target, ...(p.d === undefined ? {} : { details: p.d }) };
  }
  const full = fullSchema.safeParse(json);
  return full.success ? full.data : undefined;
}

/** A target's entries, newest first (retention exports a conversation's). */
export async function auditEntriesOf(redis: Redis, target: string, count = -1): Promise<AuditEntry[]> {
  const rows = await redis.lrangeBuffer(auditTargetKey(target), 0, count < 0 ? -1 : count - 1);
  return rows.map((raw) => readEntry(raw, { target })).filter((e): e is AuditEntry => e !== undefined);
}
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
    // One MULTI per list: the log and its two indexes are separate keys (on Redis Cluster, separate slots).
    await Promise.all([
      this.redis.multi().lpush(K.all, storedEntry(full)).ltrim(K.all, 0, this.maxEntries - 1).exec(),
      this.push(K.byTarget(full.target), storedEntry(full, { target: true })),
      this.push(K.byActor(full.actor), storedEntry(full, { actor: true })),
    ]);
  }

  private async push(key: string, entry: Buffer): Promise<void> {
    await this.redis.multi().lpush(key, entry).ltrim(key, 0, this.maxPerIndex - 1).pexpire(key, this.indexTtlMs).exec();
  }

  /** Newest first; `limit` defaults to 100, at most 1000. */
  async list(query: { target?: string; actor?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const limit = Math.min(Math.max(query.limit ?? 100, 1), AUDIT_LIST_MAX);
    const key = query.target !== undefined ? K.byTarget(query.target) : query.actor !== undefined ? K.byActor(query.actor) : K.all;
    const known = query.target !== undefined ? { target: query.target } : query.actor !== undefined ? { actor: query.actor } : {};
    const both = query.target !== undefined && query.actor !== undefined;
    const rows = await this.redis.lrangeBuffer(key, 0, both ? this.maxPerIndex - 1 : limit - 1);
    const entries = rows.map((raw) => readEntry(raw, known)).filter((e): e is AuditEntry => e !== undefined);
    return (both ? entries.filter((e) => e.actor === query.actor) : entries).slice(0, limit);
  }
}
