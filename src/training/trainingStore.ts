import type Redis from 'ioredis';
import { BatonError } from '../errors';
import { TRAINING_KEYS as K } from './keys';
import {
  impactSchema,
  overlayExampleSchema,
  overlayIntentSchema,
  reviewItemSchema,
  type ImpactReport,
  type Overlay,
  type OverlayExample,
  type OverlayIntent,
  type ReviewItem,
  type ReviewReason,
} from './types';

/** Review items are kept this long after the message was written. */
export const REVIEW_RETENTION_MS = 30 * 24 * 3600 * 1000;
/** At most this many review items are kept (the oldest go first). */
export const REVIEW_MAX_ITEMS = 5000;

/**
 * Decides review items and changes the overlay in one step. KEYS: items, pending, examples, intents,
 * version. ARGV: n, then n × (item id, JSON read before, new JSON), then m, then m × (example id,
 * JSON), then proposed intent id ('' for none) and its JSON. Answers -1 when an item changed since
 * it was read (another reviewer decided it first, or a reason was added), else the overlay version.
 */
const DECIDE = `
local n = tonumber(ARGV[1])
for i = 0, n - 1 do
  local current = redis.call('HGET', KEYS[1], ARGV[2 + i * 3]) or ''
  if current ~= ARGV[3 + i * 3] then return -1 end
end
for i = 0, n - 1 do
  redis.call('HSET', KEYS[1], ARGV[2 + i * 3], ARGV[4 + i * 3])
  redis.call('ZREM', KEYS[2], ARGV[2 + i * 3])
end
local at = 2 + n * 3
local m = tonumber(ARGV[at])
for j = 0, m - 1 do
  redis.call('HSET', KEYS[3], ARGV[at + 1 + j * 2], ARGV[at + 2 + j * 2])
end
local intentAt = at + 1 + m * 2
if ARGV[intentAt] ~= '' then redis.call('HSET', KEYS[4], ARGV[intentAt], ARGV[intentAt + 1]) end
if m > 0 or ARGV[intentAt] ~= '' then return redis.call('INCR', KEYS[5]) end
return tonumber(redis.call('GET', KEYS[5]) or '0')
`;

type TrainingRedis = Redis & {
  trainingDecide(k1: string, k2: string, k3: string, k4: string, k5: string, ...argv: string[]): Promise<number>;
};

function parseAll<T>(raw: Record<string, string>, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T[] {
  const out: T[] = [];
  for (const json of Object.values(raw)) {
    try {
      const r = schema.safeParse(JSON.parse(json));
      if (r.success) out.push(r.data);
    } catch {
      // written by another version, or corrupt: skipped
    }
  }
  return out;
}

export interface Decision {
  /** Each item with its new state, and the JSON it had when read (the step refuses if it changed). */
  items: { before: string; after: ReviewItem }[];
  examples?: OverlayExample[];
  intent?: OverlayIntent;
}

/** The review list and the catalog overlay, in Redis (the keys of ./keys.ts). */
export class TrainingStore {
  private readonly r: TrainingRedis;

  constructor(redis: Redis, private readonly clock: () => number = Date.now) {
    this.r = redis as TrainingRedis;
    if (typeof this.r.trainingDecide !== 'function') redis.defineCommand('trainingDecide', { numberOfKeys: 5, lua: DECIDE });
  }

  /**
   * Records a message the bot could not place; a message already in the list gains the new
   * reasons (and keeps its first suggestions). Items older than the retention go.
   */
  async record(item: Omit<ReviewItem, 'status' | 'decision'>, reasons: readonly ReviewReason[]): Promise<void> {
    const existing = await this.getRaw(item.id);
    let next: ReviewItem;
    if (existing) {
      const merged = [...new Set([...existing.item.reasons, ...reasons])];
      if (merged.length === existing.item.reasons.length) return;
      next = { ...existing.item, reasons: merged };
    } else {
      next = { ...item, reasons: [...new Set(reasons)], status: 'pending' };
    }
    const cutoff = this.clock() - REVIEW_RETENTION_MS;
    const multi = this.r.multi().hset(K.items, next.id, JSON.stringify(next));
    if (next.status === 'pending') multi.zadd(K.pending, next.createdAt, next.id);
    multi.zadd(K.recent, next.createdAt, next.id);
    await multi.exec();
    if (!existing) await this.trim(cutoff);
  }

  /** Drops items older than `cutoff`, and the oldest beyond REVIEW_MAX_ITEMS. */
  private async trim(cutoff: number): Promise<void> {
    const old = await this.r.zrangebyscore(K.recent, '-inf', `(${cutoff}`);
    const count = await this.r.zcard(K.recent);
    const over = count - old.length - REVIEW_MAX_ITEMS;
    const extra = over > 0 ? await this.r.zrange(K.recent, old.length, old.length + over - 1) : [];
    const gone = [...old, ...extra];
    if (gone.length === 0) return;
    await this.r.multi().hdel(K.items, ...gone).zrem(K.pending, ...gone).zrem(K.recent, ...gone).exec();
  }

  private async getRaw(id: string): Promise<{ raw: string; item: ReviewItem } | null> {
    const raw = await this.r.hget(K.items, id);
    if (raw === null) return null;
    try {
      const parsed = reviewItemSchema.safeParse(JSON.parse(raw));
      return parsed.success ? { raw, item: parsed.data } : null;
    } catch {
      return null;
    }
  }

  /** The item and the JSON it is stored as (for decide), or NOT_FOUND. */
  async load(id: string): Promise<{ raw: string; item: ReviewItem }> {
    const found = await this.getRaw(id);
    if (!found) throw new BatonError('NOT_FOUND', `No review item ${id} (it may be older than 30 days)`);
    return found;
  }

  /** Pending items, oldest first, at most `limit`. */
  async pending(limit: number): Promise<ReviewItem[]> {
    return this.itemsOf(await this.r.zrange(K.pending, 0, limit - 1));
  }

  async pendingCount(): Promise<number> {
    return this.r.zcard(K.pending);
  }

  /** Every kept item written at or after `since` (any status), oldest first. */
  async since(since: number): Promise<ReviewItem[]> {
    return this.itemsOf(await this.r.zrangebyscore(K.recent, since, '+inf'));
  }

  private async itemsOf(ids: string[]): Promise<ReviewItem[]> {
    if (ids.length === 0) return [];
    const raws = await this.r.hmget(K.items, ...ids);
    return parseAll(Object.fromEntries(raws.map((r, i) => [String(i), r ?? ''])), reviewItemSchema);
  }

  /** Applies a decision atomically; CONFLICT when an item changed since it was read. Returns the overlay version. */
  async decide(d: Decision): Promise<number> {
    const argv: string[] = [String(d.items.length)];
    for (const { before, after } of d.items) argv.push(after.id, before, JSON.stringify(after));
    const examples = d.examples ?? [];
    argv.push(String(examples.length));
    for (const e of examples) argv.push(e.id, JSON.stringify(e));
    argv.push(d.intent?.id ?? '', d.intent ? JSON.stringify(d.intent) : '');
    const version = Number(await this.r.trainingDecide(K.items, K.pending, K.examples, K.intents, K.version, ...argv));
    if (version < 0) throw new BatonError('CONFLICT', 'This item was decided or changed by someone else a moment ago; reload the list and try again');
    return version;
  }

  async overlay(): Promise<Overlay> {
    const [examples, intents] = await Promise.all([this.r.hgetall(K.examples), this.r.hgetall(K.intents)]);
    return {
      examples: parseAll(examples, overlayExampleSchema).sort((a, b) => a.acceptedAt - b.acceptedAt || (a.id < b.id ? -1 : 1)),
      intents: parseAll(intents, overlayIntentSchema).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
    };
  }

  async version(): Promise<number> {
    return Number((await this.r.get(K.version)) ?? 0);
  }

  async saveImpact(report: ImpactReport): Promise<void> {
    await this.r.set(K.impact, JSON.stringify(report));
  }

  async impact(): Promise<ImpactReport | null> {
    const raw = await this.r.get(K.impact);
    if (!raw) return null;
    try {
      const r = impactSchema.safeParse(JSON.parse(raw));
      return r.success ? r.data : null;
    } catch {
      return null;
    }
  }
}
