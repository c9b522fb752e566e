import type Redis from 'ioredis';
import { z } from 'zod';
import { sendJobSchema } from './sendSchedule';
import { taggedKey } from '../store/keys';

/**
 * Sends that failed for good (refused by the platform, or still failing when the retry window ran
 * out), kept until an admin retries or discards them: `out:dead` (message id → entry) and
 * `out:dead:at` (message ids by when they died, newest first in lists).
 */

export const deadLetterSchema = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  channel: z.string(),
  author: z.string(),
  code: z.string(),
  reason: z.string(),
  attempts: z.number().int(),
  /** The send may have reached the customer: its result could not be reconciled. */
  unreconciled: z.boolean().optional(),
  at: z.number(),
  /** What to send again on retry. */
  job: sendJobSchema,
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;

/** The entries and their time index change together in one MULTI: one hash tag (src/store/keys.ts). */
const K = { entries: taggedKey('out:dead', 'outdead'), byTime: taggedKey('out:dead', 'outdead', 'at') };
const MAX_KEPT = 10_000;

export class DeadLetterStore {
  constructor(private readonly redis: Redis) {}

  async add(entry: DeadLetter): Promise<void> {
    await this.redis.multi().hset(K.entries, entry.messageId, JSON.stringify(entry)).zadd(K.byTime, entry.at, entry.messageId).exec();
    const excess = (await this.redis.zcard(K.byTime)) - MAX_KEPT;
    if (excess > 0) {
      const oldest = await this.redis.zrange(K.byTime, 0, excess - 1);
      if (oldest.length) await this.redis.multi().zrem(K.byTime, ...oldest).hdel(K.entries, ...oldest).exec();
    }
  }

  /** Newest first. Entries that no longer parse are skipped (and reported by count). */
  async list(opts: { limit: number; before?: number }): Promise<{ items: DeadLetter[]; total: number }> {
    const max = opts.before === undefined ? '+inf' : `(${opts.before}`;
    const ids = await this.redis.zrevrangebyscore(K.byTime, max, '-inf', 'LIMIT', 0, opts.limit);
    const total = await this.redis.zcard(K.byTime);
    if (ids.length === 0) return { items: [], total };
    const raws = await this.redis.hmget(K.entries, ...ids);
    const items: DeadLetter[] = [];
    for (const raw of raws) {
      if (!raw) continue;
      const parsed = deadLetterSchema.safeParse(JSON.parse(raw));
      if (parsed.success) items.push(parsed.data);
    }
    return { items, total };
  }

  async get(messageId: string): Promise<DeadLetter | null> {
    const raw = await this.redis.hget(K.entries, messageId);
    if (!raw) return null;
    const parsed = deadLetterSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  }

  /** True when it was there. */
  async remove(messageId: string): Promise<boolean> {
    const [[, removed]] = (await this.redis.multi().hdel(K.entries, messageId).zrem(K.byTime, messageId).exec()) as [[unknown, number]];
    return removed === 1;
  }

  count(): Promise<number> {
    return this.redis.zcard(K.byTime);
  }
}
