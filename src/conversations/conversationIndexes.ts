import type Redis from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../logger';
import { allBuckets, bucketOf, bucketTag, taggedKey } from '../store/keys';
import type { Conversation, ConversationStatus } from './types';

/**
 * The inbox lists' indexes: which conversations are in each status, per team and per assignee, so a
 * list reads the few hundred ids it shows instead of walking every conversation.
 *
 * Cluster rule (src/store/keys.ts): a conversation's list indexes are spread over BUCKETS buckets by
 * its id; one bucket's keys share the tag `lists.<n>`, so one script moves a conversation from its
 * old lists to its new ones atomically, in a separate step after the conversation's own script.
 * Per bucket:
 *
 *   placed            hash: conversation id → its placement as last applied (see Placement)
 *   u:<status>:all    sorted set, score = last update (ms): the status's list, newest first
 *   u:<status>:t=<team>, u:<status>:a=<agent>   the same, per team ('' = no team yet) and per assignee
 *   q:all, q:t=<team> queued conversations, score = queue order (priority band, then queued time)
 *   w:t=<team>        queued conversations, score = queued time (queue length and oldest wait)
 *
 * Ordering: a placement carries the conversation's ownerToken (bumped by every change of owner) and
 * its update time. A step applies only when its placement is newer (a higher token, or the same
 * token and a later time), and the script checks the placement it replaces is still the one read
 * (else it reads again): steps of two transitions, or of a message and a transition, may run in any
 * order or on two instances at once, and the newest state wins.
 *
 * Resolved conversations: each resolved list keeps the newest RESOLVED_KEPT per bucket (older ones
 * drop out of the resolved lists, never out of the store); the open lists (bot, queued, assigned)
 * are separate keys, so however many are resolved, they stay as small as the open work.
 */

export const LIST_STATUSES: readonly ConversationStatus[] = ['bot', 'queued', 'assigned', 'resolved'];
/** How many resolved conversations each bucket's resolved lists keep (16 buckets: 64,000 per list). */
export const RESOLVED_KEPT = 4000;
/** A list reads at most this many candidates before it gives up on filling `limit` (rare filters). */
export const LIST_MAX_SCAN = 5000;

const PRIORITY_RANK: Record<string, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** Queue order: higher priority first, then longer waiting. */
export function queueScore(priority: string | undefined, queuedAt: number): number {
  return (3 - (PRIORITY_RANK[priority ?? 'normal'] ?? 1)) * 1e13 + queuedAt;
}

/** What decides which lists hold a conversation, and with which scores. */
export interface Placement {
  token: number;
  /** Last update (ms): the score in the `u:` lists. */
  at: number;
  status: ConversationStatus;
  /** '' when the conversation has no team yet (the bot's). */
  team: string;
  /** '' when nobody holds it. */
  assignee: string;
  priority: string;
  queuedAt: number;
}

const placementSchema = z.object({
  token: z.coerce.number().int().min(0),
  at: z.coerce.number().finite(),
  status: z.enum(['bot', 'queued', 'assigned', 'resolved']),
  team: z.string(),
  assignee: z.string(),
  priority: z.string(),
  queuedAt: z.coerce.number().finite(),
});

export function placementOf(c: Pick<Conversation, 'ownerToken' | 'updatedAt' | 'status' | 'team' | 'assigneeId' | 'priority' | 'queuedAt'>): Placement {
  return {
    token: c.ownerToken,
    at: c.updatedAt,
    status: c.status,
    team: c.team ?? '',
    assignee: c.assigneeId ?? '',
    priority: c.priority ?? '',
    queuedAt: c.queuedAt ?? c.updatedAt,
  };
}

export function encodePlacement(p: Placement): string {
  return [p.token, p.at, p.status, p.team, p.assignee, p.priority, p.queuedAt].join('|');
}

/** A placement read back from Redis; null for an unreadable one (it is then replaced). */
export function decodePlacement(s: string | null | undefined): Placement | null {
  if (!s) return null;
  const [token, at, status, team, assignee, priority, queuedAt] = s.split('|');
  const parsed = placementSchema.safeParse({ token, at, status, team, assignee, priority, queuedAt });
  return parsed.success ? parsed.data : null;
}

/** Whether `next` should replace `current` (a later owner, or the same owner and a later update). */
export function isNewer(next: Placement, current: Placement | null): boolean {
  if (!current) return true;
  return next.token > current.token || (next.token === current.token && next.at > current.at);
}

const tag = (bucket: number) => bucketTag('lists', bucket);

export const listKeys = {
  placed: (bucket: number) => taggedKey('lists', tag(bucket), 'placed'),
  byUpdate: (bucket: number, status: ConversationStatus, sub: string) => taggedKey('lists', tag(bucket), 'u', status, sub),
  queue: (bucket: number, sub: string) => taggedKey('lists', tag(bucket), 'q', sub),
  waiting: (bucket: number, team: string) => taggedKey('lists', tag(bucket), 'w', `t=${team}`),
  backfill: taggedKey('lists', 'meta', 'backfill'),
};

const teamSub = (team: string) => `t=${team}`;
const agentSub = (agent: string) => `a=${agent}`;

/** The keys (with scores) that hold a conversation placed so, in its bucket. */
export function keysOf(bucket: number, p: Placement): { key: string; score: number }[] {
  const out = [
    { key: listKeys.byUpdate(bucket, p.status, 'all'), score: p.at },
    { key: listKeys.byUpdate(bucket, p.status, teamSub(p.team)), score: p.at },
  ];
  if (p.assignee) out.push({ key: listKeys.byUpdate(bucket, p.status, agentSub(p.assignee)), score: p.at });
  if (p.status === 'queued') {
    const q = queueScore(p.priority || undefined, p.queuedAt);
    out.push({ key: listKeys.queue(bucket, 'all'), score: q }, { key: listKeys.queue(bucket, teamSub(p.team)), score: q }, { key: listKeys.waiting(bucket, p.team), score: p.queuedAt });
  }
  return out;
}

/** A placement is in at most this many keys (keysOf); the script always takes 1 + 2 × MAX_KEYS keys. */
const MAX_KEYS = 6;

/**
 * KEYS: placed, then MAX_KEYS slots for the old keys, then MAX_KEYS for the new ones (unused slots
 * repeat `placed`: a fixed key count, as the embedded store needs). ARGV: id, the placement expected
 * ('' for none: the one last read or written, so the common case needs no read first), the new
 * placement, how many old keys, how many new keys, how many a resolved list keeps ('0': no trim),
 * then one score per new key. An empty new placement (and no new keys) takes the conversation out
 * of the lists. Returns 1, or the placement there now (a string, '' for none) when it is not the one
 * expected: the caller decides again from it, without a read of its own.
 */
const PLACE = `
local cur = redis.call('HGET', KEYS[1], ARGV[1]) or ''
if cur ~= ARGV[2] then return cur end
local nOld = tonumber(ARGV[4])
local nNew = tonumber(ARGV[5])
local keep = tonumber(ARGV[6])
for i = 1, nOld do redis.call('ZREM', KEYS[1 + i], ARGV[1]) end
for i = 1, nNew do
  local key = KEYS[1 + ${MAX_KEYS} + i]
  redis.call('ZADD', key, ARGV[6 + i], ARGV[1])
  if keep > 0 then redis.call('ZREMRANGEBYRANK', key, 0, -(keep + 1)) end
end
if ARGV[3] == '' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) end
return 1
`;

type RedisWithPlace = Redis & { batonListPlace(...args: string[]): Promise<number | string> };

/** How many conversations' placements an instance remembers (the oldest are forgotten first). */
const REMEMBERED_MAX = 20_000;

/** Filters of a list read from the indexes; everything else is checked on the conversations read. */
export interface IndexedListQuery {
  status?: ConversationStatus;
  team?: string;
  assignee?: string;
  /** Only what an agent may see: these teams ('' = conversations with no team) and what they hold. */
  scope?: { teams: readonly string[]; agentId: string };
  limit: number;
  maxScan?: number;
}

/** The sorted sets a list reads (each in every bucket) and in which order. */
export function listSources(q: Omit<IndexedListQuery, 'limit'>): { keys: string[]; ascending: boolean } {
  const subs = (): string[] => {
    if (q.team !== undefined) return [teamSub(q.team)];
    if (q.assignee !== undefined) return [agentSub(q.assignee)];
    if (q.scope) return [...new Set(q.scope.teams)].map(teamSub).concat(agentSub(q.scope.agentId));
    return ['all'];
  };
  const keys: string[] = [];
  if (q.status === 'queued' && q.assignee === undefined) {
    // The queue's own order; a queued conversation has no assignee, so scope needs only the teams.
    const queueSubs = subs().filter((s) => !s.startsWith('a='));
    for (const b of allBuckets()) for (const s of queueSubs) keys.push(listKeys.queue(b, s));
    return { keys, ascending: true };
  }
  for (const status of q.status ? [q.status] : LIST_STATUSES) {
    for (const b of allBuckets()) for (const s of subs()) keys.push(listKeys.byUpdate(b, status, s));
  }
  return { keys, ascending: false };
}

export class ConversationIndexes {
  private readonly r: RedisWithPlace;
  private backfilled = false;
  private backfillCheckedAt = 0;
  /**
   * The placement this instance last read or wrote, per conversation: only a guess of what is in
   * Redis (another instance may have moved it since), which the script checks; a wrong guess costs
   * nothing more, since the script answers the placement it found.
   */
  private readonly remembered = new Map<string, string>();

  constructor(redis: Redis) {
    this.r = redis as RedisWithPlace;
    if (typeof this.r.batonListPlace !== 'function') redis.defineCommand('batonListPlace', { lua: PLACE, numberOfKeys: 1 + 2 * MAX_KEYS });
  }

  /** The placement in Redis ('' when the conversation is in no list). */
  private async placedNow(id: string, bucket: number): Promise<string> {
    const raw = (await this.r.hget(listKeys.placed(bucket), id)) ?? '';
    this.remember(id, raw);
    return raw;
  }

  private remember(id: string, raw: string): void {
    this.remembered.delete(id);
    if (!raw) return;
    this.remembered.set(id, raw);
    if (this.remembered.size > REMEMBERED_MAX) this.remembered.delete(this.remembered.keys().next().value!);
  }

  /** Applies `next` (null: out of every list) if `readAs` is still the placement in Redis: true, or else the placement there now. */
  private async apply(id: string, bucket: number, readAs: string, current: Placement | null, next: Placement | null): Promise<true | string> {
    const placed = listKeys.placed(bucket);
    const oldKeys = current ? keysOf(bucket, current).map((k) => k.key) : [];
    const newKeys = next ? keysOf(bucket, next) : [];
    const pad = (keys: string[]) => [...keys, ...Array<string>(MAX_KEYS - keys.length).fill(placed)];
    const answer = await this.r.batonListPlace(
      placed,
      ...pad(oldKeys),
      ...pad(newKeys.map((k) => k.key)),
      id,
      readAs,
      next ? encodePlacement(next) : '',
      String(oldKeys.length),
      String(newKeys.length),
      next?.status === 'resolved' ? String(RESOLVED_KEPT) : '0',
      ...newKeys.map((k) => String(k.score)),
    );
    const found = answer === 1 ? null : String(answer ?? '');
    this.remember(id, found ?? (next ? encodePlacement(next) : ''));
    return found ?? true;
  }

  /** Takes a removed conversation out of every list it is in (retention). */
  async forget(id: string): Promise<void> {
    const bucket = bucketOf(id);
    // The place script with no new placement (one bucket, one hash tag: one slot on Cluster too),
    // not a MULTI: ioredis copies every script it knows onto a MULTI's pipeline.
    let raw = await this.placedNow(id, bucket);
    for (let attempt = 0; attempt < 8 && raw !== ''; attempt++) {
      const applied = await this.apply(id, bucket, raw, decodePlacement(raw), null);
      if (applied === true) return;
      raw = applied;
    }
  }

  /**
   * Puts a conversation in the lists its state says (after a transition, or when it is opened).
   * Does nothing when a newer state is already applied.
   */
  async place(id: string, conversation: Parameters<typeof placementOf>[0]): Promise<void> {
    const bucket = bucketOf(id);
    const wanted = placementOf(conversation);
    // The remembered placement saves a read when the script confirms it; a decision to do nothing is
    // taken only on a placement read from Redis (the lists may have been lost since it was remembered).
    let raw = this.remembered.get(id);
    let read = raw === undefined;
    raw ??= await this.placedNow(id, bucket);
    for (let attempt = 0; attempt < 8; attempt++) {
      const current = decodePlacement(raw);
      if (current && !isNewer(wanted, current)) {
        if (read) return;
        raw = await this.placedNow(id, bucket);
        read = true;
        continue;
      }
      // A later owner keeps the latest update time seen (a message's step may have come first).
      const next = current && current.at > wanted.at ? { ...wanted, at: current.at } : wanted;
      const applied = await this.apply(id, bucket, raw, current, next);
      if (applied === true) return;
      raw = applied;
      read = true;
    }
  }

  /**
   * Moves a conversation up its lists after an update (a message) at `at`. Answers false when the
   * conversation is in no list yet (the caller then places it from its state).
   */
  async touch(id: string, at: number): Promise<boolean> {
    const bucket = bucketOf(id);
    // As in place: the remembered placement is tried, and nothing is skipped on its word alone.
    let raw = this.remembered.get(id);
    let read = raw === undefined;
    raw ??= await this.placedNow(id, bucket);
    for (let attempt = 0; attempt < 8; attempt++) {
      const current = decodePlacement(raw);
      if (!current) return false;
      if (current.at >= at) {
        if (read) return true;
        raw = await this.placedNow(id, bucket);
        read = true;
        continue;
      }
      const applied = await this.apply(id, bucket, raw, current, { ...current, at });
      if (applied === true) return true;
      raw = applied;
      read = true;
    }
    return true;
  }

  /**
   * The ids of a list, best first, read from the indexes: each source sorted set is read a page at
   * a time and merged; `accept` reads the candidates (the conversations are the truth: an index step
   * still on its way may list one that just moved) and keeps those that pass. Stops at `limit`
   * accepted, or after `maxScan` candidates.
   */
  async list<T>(q: IndexedListQuery, accept: (ids: string[]) => Promise<T[]>): Promise<T[]> {
    const { keys, ascending } = listSources(q);
    const maxScan = q.maxScan ?? LIST_MAX_SCAN;
    // A first page of about twice a source's even share of the list, doubling each time a source runs dry.
    const first = Math.min(200, Math.ceil((2 * q.limit) / keys.length) + 4);
    const cursors = keys.map((key) => ({ key, offset: 0, page: first, buf: [] as [string, number][], done: false }));
    const seen = new Set<string>();
    const out: T[] = [];
    let scanned = 0;
    const refill = async () => {
      const empty = cursors.filter((c) => !c.done && c.buf.length === 0);
      await Promise.all(
        empty.map(async (c) => {
          const flat = ascending
            ? await this.r.zrange(c.key, c.offset, c.offset + c.page - 1, 'WITHSCORES')
            : await this.r.zrevrange(c.key, c.offset, c.offset + c.page - 1, 'WITHSCORES');
          for (let i = 0; i + 1 < flat.length; i += 2) c.buf.push([flat[i]!, Number(flat[i + 1])]);
          c.offset += c.page;
          if (flat.length < c.page * 2) c.done = true;
          c.page = Math.min(c.page * 2, 500);
        }),
      );
    };
    while (out.length < q.limit && scanned < maxScan) {
      const want = Math.min(q.limit - out.length, maxScan - scanned);
      const batch: string[] = [];
      while (batch.length < want) {
        await refill();
        let best: (typeof cursors)[number] | undefined;
        for (const c of cursors) {
          if (!c.buf.length) continue;
          if (!best || (ascending ? c.buf[0]![1] < best.buf[0]![1] : c.buf[0]![1] > best.buf[0]![1])) best = c;
        }
        if (!best) break;
        const [id] = best.buf.shift()!;
        if (seen.has(id)) continue;
        seen.add(id);
        batch.push(id);
      }
      if (!batch.length) break;
      scanned += batch.length;
      out.push(...(await accept(batch)));
    }
    return out.slice(0, q.limit);
  }

  /** Length and oldest queued time of a team's queue, from its 16 buckets (32 commands, one round trip). */
  async queueStats(team: string): Promise<{ length: number; oldestQueuedAt?: number }> {
    const per = await Promise.all(
      allBuckets().map(async (b) => {
        const key = listKeys.waiting(b, team);
        const [length, first] = await Promise.all([this.r.zcard(key), this.r.zrange(key, 0, 0, 'WITHSCORES')]);
        return { length, oldest: first.length === 2 ? Number(first[1]) : undefined };
      }),
    );
    const times = per.map((p) => p.oldest).filter((t): t is number => t !== undefined);
    return { length: per.reduce((n, p) => n + p.length, 0), ...(times.length ? { oldestQueuedAt: Math.min(...times) } : {}) };
  }

  /** Whether the start-up backfill has finished (checked against Redis at most every 5 s until it has). */
  async ready(now = Date.now()): Promise<boolean> {
    if (this.backfilled) return true;
    if (now - this.backfillCheckedAt < 5000) return false;
    this.backfillCheckedAt = now;
    this.backfilled = (await this.r.get(listKeys.backfill)) === 'done';
    return this.backfilled;
  }

  /**
   * Places the conversations written before these indexes existed: walks every conversation (by
   * update time, `pageSize` at a time) and places it; placing is idempotent and never undoes a newer
   * step. One instance runs it (a claim that expires if it dies half-way, so a later start finishes
   * the job); until it is done, lists are read the old way (see RedisConversationStore.list).
   * Answers how many conversations it read, or null when it is done already or another instance has it.
   */
  async backfill(deps: {
    ids(offset: number, count: number): Promise<string[]>;
    load(ids: string[]): Promise<(Conversation | null)[]>;
    logger: Logger;
    pageSize?: number;
  }): Promise<number | null> {
    const claimed = await this.r.set(listKeys.backfill, 'running', 'PX', 120_000, 'NX');
    if (claimed !== 'OK') return null;
    const started = Date.now();
    const size = deps.pageSize ?? 500;
    let read = 0;
    for (let offset = 0; ; offset += size) {
      const ids = await deps.ids(offset, size);
      if (!ids.length) break;
      const conversations = await deps.load(ids);
      await Promise.all(conversations.map((c) => (c ? this.place(c.id, c) : undefined)));
      read += ids.length;
      await this.r.set(listKeys.backfill, 'running', 'PX', 120_000);
      if (read % 10_000 < size) deps.logger.info('list indexes: backfilling', { conversations: read });
    }
    await this.r.set(listKeys.backfill, 'done');
    this.backfilled = true;
    deps.logger.info('list indexes backfilled', { conversations: read, ms: Date.now() - started });
    return read;
  }
}
