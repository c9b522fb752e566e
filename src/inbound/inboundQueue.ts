import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { Logger } from '../logger';
import type { ChannelEvent } from '../conversations/types';
import { allBuckets, bucketOf, bucketTag, taggedKey } from '../store/keys';
import { randomHex } from '../store/randomHex';

/** Events that belong to one customer's conversation and must be handled in arrival order. */
export type QueuedEvent = Exclude<ChannelEvent, { kind: 'status' }>;

/** The per-customer lane an event travels in: `${channel}:${customerAddress}`. */
export function laneOf(e: QueuedEvent): string {
  return `${e.channel}:${e.customerAddress}`;
}

/**
 * A lane's queue, lock and dedupe keys, and the set of lanes that wait, share the hash tag of the
 * lane's bucket (src/store/keys.ts): each script below touches one slot, on Redis Cluster too, and
 * the sweepers walk the BUCKETS sets of waiting lanes.
 */
const tagOf = (lane: string) => bucketTag('lane', bucketOf(lane));
export const laneKeys = {
  /** String per delivery id (the previous form): still honoured until it expires, no longer written. */
  dedupe: (lane: string, channel: string, id: string) => taggedKey('dedupe', tagOf(lane), channel, id),
  /**
   * Hash per lane: delivery id (as dedupeField keeps it) → when its de-duplication ends (unix s).
   * Expires dedupeTtlSeconds after its last write.
   */
  dedupeIds: (lane: string) => taggedKey('dedupe', tagOf(lane), 'ids', lane),
  lane: (lane: string) => taggedKey('inbox:lane', tagOf(lane), lane),
  lock: (lane: string) => taggedKey('inbox:lock', tagOf(lane), lane),
  pending: (lane: string) => taggedKey('inbox:pending', tagOf(lane)),
  pendingBucket: (bucket: number) => taggedKey('inbox:pending', bucketTag('lane', bucket)),
  dead: 'inbox:dead',
};
const K = laneKeys;

/**
 * A delivery id as the lane's de-duplication hash keeps it: a longer id as 12 characters of its
 * SHA-256 (base64url, 72 bits: two ids of one customer's lane never meet by chance), instead of
 * Twilio's 34-character sid or Meta's mid of 60 and more. The hash only ever asks whether an id is there.
 */
export function dedupeField(id: string): string {
  return id.length <= 12 ? id : createHash('sha256').update(id).digest('base64url').slice(0, 12);
}

/** A lane's de-duplication hash drops its ended ids each time its length reaches a multiple of this. */
export const DEDUPE_PRUNE_EVERY = 16;

/**
 * KEYS: dedupe (previous form), dedupeIds, lane, pending. ARGV: event json, dedupe ttl (s), lane name,
 * dedupe? ('1'/'0'), delivery id as the hash keeps it (dedupeField), the delivery id (as versions
 * before kept it in the hash: still honoured until their window ends).
 * Records the delivery id and enqueues in one step: a retried webhook is dropped, and an accepted
 * event is never lost between the two. The ids of a lane share one hash (one key instead of one
 * per message: a key costs Redis about 70 bytes of its own), each with the second its window ends,
 * by the server's clock, rounded up so the window is never shorter than the ttl; the hash expires the window after its last write, when every id in it has
 * ended. Ended ids are dropped every DEDUPE_PRUNE_EVERY ids.
 */
const ENQUEUE = `
if ARGV[4] == '1' then
  if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
  -- Redis before 5 replicates a script whole unless told otherwise: TIME then needs effects replication.
  if redis.replicate_commands then redis.replicate_commands() end
  local now = tonumber(redis.call('TIME')[1])
  local ends = redis.call('HGET', KEYS[2], ARGV[5])
  if not ends and ARGV[6] ~= ARGV[5] then ends = redis.call('HGET', KEYS[2], ARGV[6]) end
  if ends and tonumber(ends) > now then return 0 end
  local ttl = tonumber(ARGV[2])
  if redis.call('HLEN', KEYS[2]) % ${DEDUPE_PRUNE_EVERY} == ${DEDUPE_PRUNE_EVERY - 1} then
    local all = redis.call('HGETALL', KEYS[2])
    for i = 1, #all, 2 do
      if tonumber(all[i + 1]) <= now then redis.call('HDEL', KEYS[2], all[i]) end
    end
  end
  -- Whole seconds: the window ends one second late rather than up to one second early.
  redis.call('HSET', KEYS[2], ARGV[5], now + ttl + 1)
  redis.call('EXPIRE', KEYS[2], ttl + 1)
end
redis.call('RPUSH', KEYS[3], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[3])
return 1
`;

/** KEYS: lock, lane, pending. ARGV: token, lane name. Releases our lock; forgets the lane if empty. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
local left = redis.call('LLEN', KEYS[2])
if left == 0 then redis.call('SREM', KEYS[3], ARGV[2]) end
return left
`;

/**
 * KEYS: lock, lane. ARGV: token, ttl ms. Takes the lane's lock and peeks at its first event, in one
 * round trip. Returns {0} (someone else holds the lock), {1} (ours, lane empty) or {1, event}.
 */
const ACQUIRE = `
if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return {0} end
local head = redis.call('LINDEX', KEYS[2], 0)
if head then return {1, head} end
return {1}
`;

/**
 * KEYS: lane, lock, pending, lockTtl. ARGV: token, lane name, the event just handled, keep ('1'/'0'), ttl ms.
 * Removes the event just handled, only while our lease still holds and it is still the head (a
 * lease lost to a pause means the new holder handles it: {-1}). Then, with keep '1', returns the
 * next one as {1, event} with the lease renewed; otherwise (or when the lane is empty) releases the
 * lease and returns {0, left}, forgetting the lane when it is empty.
 */
const POP_NEXT_OR_RELEASE = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return {-1} end
if redis.call('LINDEX', KEYS[1], 0) == ARGV[3] then redis.call('LPOP', KEYS[1]) end
local head = redis.call('LINDEX', KEYS[1], 0)
if head and ARGV[4] == '1' then
  redis.call('PEXPIRE', KEYS[2], ARGV[5])
  return {1, head}
end
redis.call('DEL', KEYS[2])
local left = redis.call('LLEN', KEYS[1])
if left == 0 then redis.call('SREM', KEYS[3], ARGV[2]) end
return {0, left}
`;

/** KEYS: lock. ARGV: token, ttl ms. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

type QueueRedis = Redis & {
  batonEnqueue(k1: string, k2: string, k3: string, k4: string, ...argv: string[]): Promise<number>;
  batonRelease(k1: string, k2: string, k3: string, ...argv: string[]): Promise<number>;
  batonRenew(k1: string, ...argv: string[]): Promise<number>;
  batonAcquire(k1: string, k2: string, ...argv: string[]): Promise<[number, string?]>;
  batonPopNextOrRelease(k1: string, k2: string, k3: string, ...argv: string[]): Promise<[number, (string | number)?]>;
};

export interface InboundQueueOptions {
  redis: Redis;
  logger: Logger;
  handle: (event: QueuedEvent) => Promise<void>;
  dedupeTtlSeconds: number;
  /**
   * The lease on a lane: how long it stays locked if its holder dies. Renewed every third of it
   * while the holder works, so a live holder keeps it and a dead one loses it within this time.
   */
  lockTtlMs?: number;
  /**
   * Lanes this instance works on at once. Beyond it, the instance takes no new lanes and hands
   * each lane back after every event, so instances with room take the work over.
   */
  maxActiveLanes?: number;
  /** Attempts before an event that keeps failing goes to the dead-letter list. */
  maxAttempts?: number;
  sweepIntervalMs?: number;
}

/**
 * Per-customer FIFO lanes in Redis. Any instance may accept a webhook; whichever instance holds a
 * lane's lock handles that lane's events one at a time, in the order they were accepted, so two
 * instances sharing one Redis never answer out of order or twice. An event is removed only after
 * it was handled; if its instance dies meanwhile, the lock expires and the sweeper of any instance
 * picks the lane up again.
 */
export class InboundQueue {
  private readonly r: QueueRedis;
  private readonly lockTtlMs: number;
  private readonly maxAttempts: number;
  private readonly maxActiveLanes: number;
  private readonly active = new Map<string, { again: boolean }>();
  /**
   * Lanes this instance was asked to work on while at its limit (a webhook, a lane handed back with
   * events left), oldest first. Each freed slot takes the oldest, so no lane waits behind later
   * ones. They stay in the pending set meanwhile, so an instance with room may take them first.
   */
  private readonly waiting = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private sweeper?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly opts: InboundQueueOptions) {
    this.r = opts.redis as QueueRedis;
    if (typeof this.r.batonEnqueue !== 'function') {
      opts.redis.defineCommand('batonEnqueue', { numberOfKeys: 4, lua: ENQUEUE });
      opts.redis.defineCommand('batonRelease', { numberOfKeys: 3, lua: RELEASE });
      opts.redis.defineCommand('batonRenew', { numberOfKeys: 1, lua: RENEW });
      opts.redis.defineCommand('batonAcquire', { numberOfKeys: 2, lua: ACQUIRE });
      opts.redis.defineCommand('batonPopNextOrRelease', { numberOfKeys: 3, lua: POP_NEXT_OR_RELEASE });
    }
    this.lockTtlMs = opts.lockTtlMs ?? 3_000;
    this.maxActiveLanes = opts.maxActiveLanes ?? 32;
    this.maxAttempts = opts.maxAttempts ?? 3;
  }

  /**
   * Durably accepts events (resolves once they are in Redis) and starts handling them in the
   * background. Returns how many were new and how many were retried deliveries.
   */
  async enqueue(events: QueuedEvent[]): Promise<{ accepted: number; duplicates: number }> {
    let accepted = 0;
    let duplicates = 0;
    const lanes = new Set<string>();
    for (const e of events) {
      const lane = laneOf(e);
      const dedupeId = e.kind === 'message' || e.kind === 'echo' ? e.platformMessageId : '';
      const ok = await this.r.batonEnqueue(
        K.dedupe(lane, e.channel, dedupeId || 'none'),
        K.dedupeIds(lane),
        K.lane(lane),
        K.pending(lane),
        JSON.stringify(e),
        String(this.opts.dedupeTtlSeconds),
        lane,
        dedupeId ? '1' : '0',
        dedupeField(dedupeId),
        dedupeId,
      );
      if (ok === 1) {
        accepted++;
        lanes.add(lane);
      } else duplicates++;
    }
    for (const lane of lanes) this.kick(lane);
    return { accepted, duplicates };
  }

  /**
   * Starts draining a lane in the background, unless this instance already is. A lane this
   * instance was asked to work on (a webhook, a lane handed back) waits for a slot here when it is
   * busy; one the sweeper merely came across does not: it stays in the pending set for whichever
   * instance has room, and this one looks again on its next sweep.
   */
  kick(lane: string, from: 'asked' | 'sweep' = 'asked'): void {
    if (this.stopped) return;
    const current = this.active.get(lane);
    if (current) {
      current.again = true;
      return;
    }
    // Busy: the lane waits for a slot here, in turn (and stays in the pending set for every sweeper).
    if (this.active.size >= this.maxActiveLanes) {
      if (from === 'asked') this.waiting.add(lane);
      return;
    }
    this.waiting.delete(lane);
    const state = { again: false, worked: false };
    this.active.set(lane, state);
    const p: Promise<void> = this.drain(lane, state)
      .catch((err: Error) => {
        this.opts.logger.error('inbound lane drain failed', { lane: laneHash(lane), reason: err.message });
      })
      .finally(() => {
        const wasFull = this.active.size >= this.maxActiveLanes;
        this.active.delete(lane);
        this.running.delete(p);
        // An event accepted after the drain's last look: its kick found the lane still active here.
        if (state.again) this.waiting.add(lane);
        this.takeWaiting();
        // Room left after real work and nothing waiting here: look at once for lanes waiting for
        // someone. A lane found locked by another instance freed no real room: sweeping after it
        // would try every busy lane again, each try freeing a slot that starts the next sweep.
        if (wasFull && state.worked && this.active.size < this.maxActiveLanes) this.sweepOnce();
      });
    this.running.add(p);
  }

  /** Fills free slots with the lanes waiting here, oldest first. */
  private takeWaiting(): void {
    while (!this.stopped && this.active.size < this.maxActiveLanes) {
      const next = this.waiting.values().next();
      if (next.done) return;
      this.waiting.delete(next.value);
      this.kick(next.value);
    }
  }

  private async drain(lane: string, state: { again: boolean; worked: boolean }): Promise<void> {
    for (;;) {
      state.again = false;
      const token = randomHex(8);
      const [locked, head] = await this.r.batonAcquire(K.lock(lane), K.lane(lane), token, String(this.lockTtlMs));
      if (locked !== 1) return; // another instance is on it; the sweeper covers it if that one dies
      state.worked = true;
      const lease: Lease = { lost: false, popping: false };
      const renew = setInterval(() => {
        // A renewal sent after a pop that may let go of the lock would find it gone and mean nothing;
        // one sent before is answered before the pop, so its "gone" is real.
        if (lease.popping) return;
        this.r
          .batonRenew(K.lock(lane), token, String(this.lockTtlMs))
          .then((ok) => {
            if (ok === 0) lease.lost = true;
          })
          .catch(() => undefined);
      }, Math.max(200, Math.floor(this.lockTtlMs / 3)));
      let released: { done: true; left: number } | { done: false };
      try {
        released = await this.handleAll(lane, token, typeof head === 'string' ? head : null, lease);
      } catch (err) {
        // Let go at once rather than leave the lane locked until the lease runs out.
        await this.r.batonRelease(K.lock(lane), K.lane(lane), K.pending(lane), token, lane).catch(() => undefined);
        throw err;
      } finally {
        clearInterval(renew);
      }
      const left = released.done ? released.left : await this.r.batonRelease(K.lock(lane), K.lane(lane), K.pending(lane), token, lane);
      if (lease.lost) {
        this.opts.logger.warn('inbound lane lease lost mid-event; its new holder handles the event again', { lane: laneHash(lane) });
        return;
      }
      if (left === 0 && !state.again) return;
      if (this.stopped) return;
      // Handed back because this instance is busy: it waits for a slot here, behind the lanes that
      // waited longer (an instance with room may take it first).
      if (this.active.size >= this.maxActiveLanes) {
        this.waiting.add(lane);
        return;
      }
    }
  }

  /**
   * Handles the lane's events from `first` on, in order. Returns {done: true, left} when the last
   * pop released the lease already; {done: false} when it is still to be released.
   */
  private async handleAll(
    lane: string,
    token: string,
    first: string | null,
    lease: Lease,
  ): Promise<{ done: true; left: number } | { done: false }> {
    let raw = first;
    for (;;) {
      if (this.stopped || raw === null || lease.lost) return { done: false };
      const event = JSON.parse(raw) as QueuedEvent;
      let attempt = 0;
      for (;;) {
        attempt++;
        try {
          await this.opts.handle(event);
          break;
        } catch (err) {
          const reason = (err as Error).message;
          if (attempt >= this.maxAttempts) {
            this.opts.logger.error('inbound event failed every attempt; moved to dead letters', {
              lane: laneHash(lane),
              kind: event.kind,
              attempts: attempt,
              reason,
            });
            await this.r.lpush(K.dead, JSON.stringify({ event, reason, at: Date.now() }));
            await this.r.ltrim(K.dead, 0, 999);
            break;
          }
          this.opts.logger.warn('inbound event failed; retrying', { lane: laneHash(lane), attempt, reason });
          await sleep(100 * 2 ** attempt);
        }
      }
      // Keep the lane for its next event only while this instance has room; a busy one hands it back.
      const keep = this.active.size < this.maxActiveLanes && !this.stopped ? '1' : '0';
      lease.popping = true;
      const [more, next] = await this.r.batonPopNextOrRelease(K.lane(lane), K.lock(lane), K.pending(lane), token, lane, raw, keep, String(this.lockTtlMs));
      lease.popping = false;
      if (more === -1) {
        lease.lost = true;
        return { done: true, left: 1 };
      }
      if (more !== 1) return { done: true, left: typeof next === 'number' ? next : Number(next ?? 0) };
      raw = typeof next === 'string' ? next : null;
    }
  }

  /** Periodically picks up lanes left behind by an instance that stopped mid-way. */
  startSweeper(): void {
    const every = this.opts.sweepIntervalMs ?? 1000;
    this.sweeper = setInterval(() => this.sweepOnce(), every);
    this.sweeper.unref();
  }

  /**
   * Tries the lanes that wait, as room allows: a random sample of every bucket, shuffled, so
   * instances spread over them, and no more of them than there is room for (the rest stay in the
   * pending sets for every instance's sweeper).
   */
  private sweepOnce(): void {
    if (this.stopped) return;
    const room = this.maxActiveLanes - this.active.size;
    if (room <= 0) return;
    const sample = Math.max(1, Math.min(100, room * 2));
    // (the embedded store answers null for an empty set where Redis answers [])
    Promise.all(allBuckets().map((b) => this.r.srandmember(K.pendingBucket(b), sample).then((lanes) => lanes ?? [], (): string[] => [])))
      .then((perBucket) => {
        const found = shuffled(perBucket.flat().filter((lane) => !this.active.has(lane)));
        const free = this.maxActiveLanes - this.active.size;
        for (const lane of found.slice(0, Math.max(0, free))) this.kick(lane, 'sweep');
      })
      .catch(() => undefined);
  }

  /** Resolves when this instance has no lane in hand (for graceful shutdown and tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async stop(graceMs: number): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.waiting.clear();
    const settled = this.idle();
    await Promise.race([settled, sleep(graceMs)]);
    this.stopped = true;
  }

  async deadLetters(limit = 100): Promise<unknown[]> {
    return (await this.r.lrange(K.dead, 0, limit - 1)).map((s) => JSON.parse(s) as unknown);
  }
}

/** This instance's hold on a lane: lost when Redis says the lock is someone else's. */
interface Lease {
  lost: boolean;
  /** A pop is on its way; it may let go of the lock, so renewals wait. */
  popping: boolean;
}

/** A copy in random order (Fisher–Yates). */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref?.());
}

function laneHash(lane: string): string {
  const i = lane.indexOf(':');
  return `${lane.slice(0, i)}:…${lane.slice(-4)}`;
}
