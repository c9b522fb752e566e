import type Redis from 'ioredis';
import { z } from 'zod';
import { CHANNELS } from '../conversations/types';
import { allBuckets, BUCKETS, bucketOf, bucketTag, taggedKey } from '../store/keys';

/**
 * The durable side of sending, in Redis, so a send survives a restart and any instance can carry
 * it on:
 * - `out:lane:{out.<b>}:<id>`: the conversation's messages waiting to go, in order (head = next to go);
 * - `out:jobs:{out.<b>}:<id>`: per waiting message, what to send and how its attempts went (a SendJob);
 * - `out:due:{out.<b>}`: a sorted set of conversations by when their head should be tried next. Whoever
 *   tries a head first pushes its score forward by a lease, so two instances never send it at once,
 *   and a head whose instance died is tried again when the lease runs out.
 * A later message waits in the lane behind an earlier one that is being retried: order within a
 * conversation is kept. The schedule is split in BUCKETS buckets by conversation (`<b>`): a
 * conversation's lane, jobs and due entry share their bucket's hash tag, so each script below
 * touches one slot on Redis Cluster, and claim() walks every bucket (src/store/keys.ts).
 */

export const sendJobSchema = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  channel: z.enum(CHANNELS as [string, ...string[]]).transform((c) => c as (typeof CHANNELS)[number]),
  to: z.string(),
  author: z.enum(['bot', 'agent', 'system']),
  humanAgentTag: z.boolean(),
  content: z.object({
    text: z.string().optional(),
    mediaUrls: z.array(z.string()).optional(),
    quickReplies: z.array(z.object({ title: z.string(), payload: z.string() })).optional(),
    template: z
      .object({ contentSid: z.string().optional(), name: z.string().optional(), language: z.string().optional(), variables: z.record(z.string(), z.string()).optional() })
      .optional(),
  }),
  attempts: z.number().int().nonnegative(),
  /** Parts of the content already delivered (a multi-part send resumes after them). */
  partsSent: z.number().int().nonnegative(),
  createdAt: z.number(),
  firstFailureAt: z.number().optional(),
  /** Set while an attempt is under way; still set when read by another instance = that one died mid-send. */
  inflightSince: z.number().optional(),
  /** The last attempt may have reached the platform (it timed out after the request left). */
  unknownSince: z.number().optional(),
  lastCode: z.string().optional(),
  lastError: z.string().optional(),
});
export type SendJob = z.infer<typeof sendJobSchema>;

const tagOf = (conversationId: string) => bucketTag('out', bucketOf(conversationId));
const K = {
  lane: (conversationId: string) => taggedKey('out:lane', tagOf(conversationId), conversationId),
  jobs: (conversationId: string) => taggedKey('out:jobs', tagOf(conversationId), conversationId),
  due: (conversationId: string) => taggedKey('out:due', tagOf(conversationId)),
  dueBucket: (bucket: number) => taggedKey('out:due', bucketTag('out', bucket)),
};

/**
 * KEYS lane, jobs, due. ARGV messageId, job, conversationId, leaseAt, job as its first attempt
 * ('' = none). Returns the place in the lane (1 = head). A head with a first-attempt job is saved
 * as that attempt at once (in flight, under the lease), so its sender need not save it again.
 */
const ENQUEUE = `
local n = redis.call('RPUSH', KEYS[1], ARGV[1])
if n == 1 and ARGV[5] and ARGV[5] ~= '' then redis.call('HSET', KEYS[2], ARGV[1], ARGV[5]) else redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end
if n == 1 or not redis.call('ZSCORE', KEYS[3], ARGV[3]) then redis.call('ZADD', KEYS[3], ARGV[4], ARGV[3]) end
return n
`;

/** KEYS lane, jobs, due. ARGV messageId, conversationId, now. Takes a finished message out; the next one is due now. */
const COMPLETE = `
if redis.call('LINDEX', KEYS[1], 0) == ARGV[1] then redis.call('LPOP', KEYS[1]) else redis.call('LREM', KEYS[1], 1, ARGV[1]) end
redis.call('HDEL', KEYS[2], ARGV[1])
local n = redis.call('LLEN', KEYS[1])
if n == 0 then redis.call('ZREM', KEYS[3], ARGV[2]) else redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2]) end
return n
`;

/** KEYS due. ARGV now, leaseAt, limit. Conversations due now, each leased until leaseAt. */
const CLAIM = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], ARGV[2], id) end
return ids
`;

/** KEYS lane, jobs, due. ARGV conversationId. The head and its job; forgets the conversation when its lane is empty. */
const HEAD = `
local id = redis.call('LINDEX', KEYS[1], 0)
if not id then redis.call('ZREM', KEYS[3], ARGV[1]) return {} end
local job = redis.call('HGET', KEYS[2], id)
if not job then redis.call('LPOP', KEYS[1]) return {id} end
return {id, job}
`;

/** KEYS jobs, due. ARGV messageId, job, conversationId, at. Saves a job and when its conversation is due. */
const SAVE = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
return 1
`;

/** KEYS lane, due. ARGV messageId, conversationId, leaseAt. Extends the lease while the message is still the head. */
const RENEW = `
if redis.call('LINDEX', KEYS[1], 0) ~= ARGV[1] then return 0 end
redis.call('ZADD', KEYS[2], 'XX', ARGV[3], ARGV[2])
return 1
`;

type ScheduleRedis = Redis & {
  outRenew(k1: string, k2: string, ...argv: string[]): Promise<number>;
  outEnqueue(k1: string, k2: string, k3: string, ...argv: string[]): Promise<number>;
  outComplete(k1: string, k2: string, k3: string, ...argv: string[]): Promise<number>;
  outClaim(k1: string, ...argv: string[]): Promise<string[]>;
  outHead(k1: string, k2: string, k3: string, ...argv: string[]): Promise<string[]>;
  outSave(k1: string, k2: string, ...argv: string[]): Promise<number>;
};

export class SendSchedule {
  private readonly r: ScheduleRedis;

  constructor(redis: Redis) {
    this.r = redis as ScheduleRedis;
    if (typeof this.r.outEnqueue !== 'function') {
      redis.defineCommand('outEnqueue', { numberOfKeys: 3, lua: ENQUEUE });
      redis.defineCommand('outComplete', { numberOfKeys: 3, lua: COMPLETE });
      redis.defineCommand('outClaim', { numberOfKeys: 1, lua: CLAIM });
      redis.defineCommand('outHead', { numberOfKeys: 3, lua: HEAD });
      redis.defineCommand('outSave', { numberOfKeys: 2, lua: SAVE });
      redis.defineCommand('outRenew', { numberOfKeys: 2, lua: RENEW });
    }
  }

  /**
   * Queues a message behind the conversation's others; 1 = it is the head (the caller may send it
   * now, under lease). With `firstAttempt`, a head is saved as that attempt already (one round trip
   * instead of enqueue + save); a message that waits behind others is saved as `job`.
   */
  enqueue(job: SendJob, leaseAt: number, firstAttempt?: SendJob): Promise<number> {
    const c = job.conversationId;
    return this.r.outEnqueue(K.lane(c), K.jobs(c), K.due(c), job.messageId, JSON.stringify(job), c, String(leaseAt), firstAttempt ? JSON.stringify(firstAttempt) : '');
  }

  /** Saves the job's progress and when to try again. False when the job is gone (finished elsewhere). */
  async save(job: SendJob, dueAt: number): Promise<boolean> {
    const c = job.conversationId;
    return (await this.r.outSave(K.jobs(c), K.due(c), job.messageId, JSON.stringify(job), c, String(dueAt))) === 1;
  }

  /** Keeps the lease on a head being sent (a live sender keeps it; a dead one loses it). */
  renew(conversationId: string, messageId: string, leaseAt: number): Promise<number> {
    return this.r.outRenew(K.lane(conversationId), K.due(conversationId), messageId, conversationId, String(leaseAt));
  }

  /** The message is done (sent or failed for good); returns how many still wait in its conversation. */
  complete(conversationId: string, messageId: string, now: number): Promise<number> {
    return this.r.outComplete(K.lane(conversationId), K.jobs(conversationId), K.due(conversationId), messageId, conversationId, String(now));
  }

  /** Conversations whose head is due, leased to the caller until leaseAt: up to limit/BUCKETS (at least 1) of each bucket. */
  async claim(now: number, leaseAt: number, limit: number): Promise<string[]> {
    const each = String(Math.max(1, Math.ceil(limit / BUCKETS)));
    const perBucket = await Promise.all(allBuckets().map((b) => this.r.outClaim(K.dueBucket(b), String(now), String(leaseAt), each)));
    return perBucket.flat();
  }

  /** The conversation's next message and its job (null when the lane is empty). */
  async head(conversationId: string): Promise<{ messageId: string; job: SendJob | null } | null> {
    const [id, raw] = await this.r.outHead(K.lane(conversationId), K.jobs(conversationId), K.due(conversationId), conversationId);
    if (!id) return null;
    if (!raw) return { messageId: id, job: null };
    const parsed = sendJobSchema.safeParse(JSON.parse(raw));
    return { messageId: id, job: parsed.success ? parsed.data : null };
  }

  async job(conversationId: string, messageId: string): Promise<SendJob | null> {
    const raw = await this.r.hget(K.jobs(conversationId), messageId);
    if (!raw) return null;
    const parsed = sendJobSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  }

  /** How many conversations have messages waiting (for tests and the metric). */
  async waiting(): Promise<number> {
    const counts = await Promise.all(allBuckets().map((b) => this.r.zcard(K.dueBucket(b))));
    return counts.reduce((a, b) => a + b, 0);
  }
}
