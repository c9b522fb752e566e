import type Redis from 'ioredis';
import type { Conversation, Message } from '../../conversations/types';
import type { Logger } from '../../logger';
import type { FactCandidate } from '../../nlu/facts/types';
import { packIndexMember, unpackIndexMember } from './indexMember';
import { searchKeys } from './searchKeys';
import { addressTermOf, exactTermOfFact, exactTermsOfAddress, readQuery, wordsOf, type ExactKind } from './searchTerms';

/** Most conversations one exact value points at (a phone shared by a family, a test order number). */
export const MAX_PER_EXACT = 50;
/**
 * A word's conversations are kept in WORD_CHUNKS sorted sets of at most WORD_CHUNK each, newest
 * first: a set of up to 128 entries is a listpack in Redis (zset-max-listpack-entries), about 35
 * bytes an entry, where one set of 500 is a skiplist of about 110. The chunks share a hash tag.
 */
export const WORD_CHUNK = 125;
export const WORD_CHUNKS = 4;
/** Most conversations one word points at: a word past this is common, and only its newest are kept. */
export const MAX_PER_WORD = WORD_CHUNK * WORD_CHUNKS;

/** How long writes gather before they go to Redis together (one script call per key). */
export const DEFAULT_FLUSH_DELAY_MS = 20;
/**
 * A customer's name and address are the same on every message: their entries are written again
 * only this long after this process last wrote them (their score then lags by at most this much).
 */
export const DEFAULT_REFRESH_MS = 5 * 60_000;
/** Most (key, conversation) pairs remembered for the refresh rule; the oldest are forgotten first. */
const MAX_REMEMBERED = 20_000;
/** Most members one script call adds (a bigger batch for one key is split). */
const MAX_MEMBERS_PER_CALL = 256;

/**
 * KEYS: the index set. ARGV: cap, ttl ms, then score/member pairs. Adds them, keeps the newest
 * `cap` and extends the set's life: one round trip and one slot per key, on Cluster too.
 */
const ADD = `
for i = 3, #ARGV, 2 do redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
local cap = tonumber(ARGV[1])
local n = redis.call('ZCARD', KEYS[1])
if n > cap then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, n - cap - 1) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return n
`;

/**
 * KEYS: a word's chunks, newest first. ARGV: chunk cap, ttl ms, then score/member pairs. Each member
 * goes to the first chunk (out of any later one it was in); a chunk past the cap hands its oldest
 * entry to the next, and the last one drops it. A first chunk written before the chunks existed
 * (one set of up to WORD_CHUNK × WORD_CHUNKS) is spread over them first, newest first. Every chunk's
 * life is extended. One round trip and one slot per word, on Cluster too.
 */
const ADD_WORD = `
local cap = tonumber(ARGV[1])
if redis.call('ZCARD', KEYS[1]) > cap then
  local all = redis.call('ZREVRANGE', KEYS[1], 0, -1, 'WITHSCORES')
  redis.call('DEL', KEYS[1])
  for i = 1, #all, 2 do
    local level = math.floor((i - 1) / 2 / cap) + 1
    if level <= #KEYS then redis.call('ZADD', KEYS[level], all[i + 1], all[i]) end
  end
end
local n = redis.call('ZCARD', KEYS[1])
local exists = {}
for level = 2, #KEYS do exists[level] = redis.call('EXISTS', KEYS[level]) == 1 end
for i = 3, #ARGV, 2 do
  local score, member = ARGV[i], ARGV[i + 1]
  for level = 2, #KEYS do
    if exists[level] then redis.call('ZREM', KEYS[level], member) end
  end
  if redis.call('ZADD', KEYS[1], score, member) == 1 then n = n + 1 end
  if n > cap then
    n = cap
    local level, count = 1, cap + 1
    while count > cap do
      local oldest = redis.call('ZRANGE', KEYS[level], 0, 0, 'WITHSCORES')
      redis.call('ZREM', KEYS[level], oldest[1])
      level = level + 1
      if level > #KEYS then break end
      redis.call('ZADD', KEYS[level], oldest[2], oldest[1])
      exists[level] = true
      count = redis.call('ZCARD', KEYS[level])
    end
  end
end
for level = 1, #KEYS do redis.call('PEXPIRE', KEYS[level], ARGV[2]) end
return redis.call('ZCARD', KEYS[1])
`;

type SearchRedis = Redis & {
  batonSearchAdd(key: string, ...argv: (string | number)[]): Promise<number>;
  batonSearchAddWord(...keysAndArgv: (string | number)[]): Promise<number>;
};

/** What the next flush writes to one index entry: its keys (a word's chunks, or the one set of an exact value), cap and member (packIndexMember) → newest score. */
interface PendingEntry {
  keys: string[];
  cap: number;
  members: Map<string, number>;
}



export interface SearchIndexOptions {
  /** Days an entry lives after its last write (SEARCH_RETENTION_DAYS, default 90). */
  retentionDays?: number;
  logger?: Logger;
  /** Writes gather this long (ms) before going to Redis together (default DEFAULT_FLUSH_DELAY_MS; 0: the next turn of the event loop). */
  flushDelayMs?: number;
  /** A name or address entry is written again after this long (default DEFAULT_REFRESH_MS). */
  refreshMs?: number;
  /**
   * A word's entries in one set of MAX_PER_WORD instead of WORD_CHUNKS chunks: for the embedded
   * store, whose sets are JavaScript maps (no compact encoding to stay in) and whose Lua costs
   * milliseconds a script call (the one-key script is about a third cheaper there).
   */
  oneSetPerWord?: boolean;
}

/** Why a conversation came up. */
export type MatchKind = ExactKind | 'words';

export interface SearchCandidate {
  conversationId: string;
  match: MatchKind;
  /** When the entry was last written (ms). */
  at: number;
}

/**
 * A bounded search index of our own, in plain sorted sets, so it runs the same on the embedded
 * store, one Redis, Sentinel and Cluster (RediSearch is packaged by Debian, but the embedded store
 * and a Cluster without its coordinator cannot run it). Exact-match entries for normalised order
 * numbers, phones, e-mails and addresses; a word index of customer messages and names. Every set
 * keeps its newest entries only (MAX_PER_EXACT, MAX_PER_WORD) and expires `retentionDays` after its
 * last write. The index holds conversation ids only (packed, indexMember.ts): team scope is applied to the conversations as
 * they are when searched, never to what the index remembers.
 */
export class SearchIndex {
  private readonly ttlMs: number;
  private readonly r: SearchRedis;
  private readonly wordChunks: number;
  /** Writes gathered for the next flush: key → its cap and member → newest score. */
  private pending = new Map<string, PendingEntry>();
  private waiting: (() => void)[] = [];
  private timer?: NodeJS.Timeout | NodeJS.Immediate;
  /** `${key}\n${conversationId}` → the score this process last wrote for a name or address entry. */
  private readonly written = new Map<string, number>();

  constructor(
    redis: Redis,
    private readonly opts: SearchIndexOptions = {},
  ) {
    this.ttlMs = (opts.retentionDays ?? 90) * 24 * 3600 * 1000;
    this.r = redis as SearchRedis;
    this.wordChunks = opts.oneSetPerWord ? 1 : WORD_CHUNKS;
    if (typeof this.r.batonSearchAdd !== 'function') redis.defineCommand('batonSearchAdd', { numberOfKeys: 1, lua: ADD });
    if (typeof this.r.batonSearchAddWord !== 'function') redis.defineCommand('batonSearchAddWord', { numberOfKeys: WORD_CHUNKS, lua: ADD_WORD });
  }

  /**
   * Indexes a customer's message: its words, the customer's name and address. Resolves once
   * written (callers on the reply path need not wait for it). Never throws (logged).
   */
  indexMessage(conversation: Conversation, message: Pick<Message, 'text' | 'createdAt'>): Promise<void> {
    const at = message.createdAt;
    const id = conversation.id;
    const text = wordsOf(message.text ?? '');
    for (const w of text) this.add(this.wordKeys(w), this.wordCap(), id, at);
    // The same on every message of the conversation: written again only now and then.
    for (const w of wordsOf(conversation.customerName ?? '', 6)) {
      const keys = this.wordKeys(w);
      if (!text.includes(w) && this.fresh(keys[0]!, id, at)) this.add(keys, this.wordCap(), id, at);
    }
    for (const t of exactTermsOfAddress(conversation.customerAddress)) {
      const key = searchKeys.exact(t.kind, t.value);
      if (this.fresh(key, id, at)) this.add([key], MAX_PER_EXACT, id, at);
    }
    return this.flushed();
  }

  /** Indexes the facts of one message (order numbers, phones, e-mails). Resolves once written; never throws (logged). */
  indexFacts(conversationId: string, at: number, facts: readonly Pick<FactCandidate, 'kind' | 'value'>[]): Promise<void> {
    for (const f of facts) {
      const t = exactTermOfFact(f);
      if (t) this.add([searchKeys.exact(t.kind, t.value)], MAX_PER_EXACT, conversationId, at);
    }
    return this.flushed();
  }

  /** Writes what is gathered now (graceful shutdown, tests); resolves once it is in Redis. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = undefined;
    }
    const batch = this.pending;
    const waiting = this.waiting;
    this.pending = new Map();
    this.waiting = [];
    if (batch.size > 0) await this.write(batch);
    for (const done of waiting) done();
  }

  /**
   * Takes a conversation out of every entry its messages and facts wrote (retention removes the
   * conversation): the same keys indexMessage and indexFacts write, the member removed.
   */
  async forget(conversation: Conversation, messages: readonly Pick<Message, 'author' | 'text'>[], facts: readonly Pick<FactCandidate, 'kind' | 'value'>[]): Promise<void> {
    const keys = new Set<string>();
    for (const t of exactTermsOfAddress(conversation.customerAddress)) keys.add(searchKeys.exact(t.kind, t.value));
    // The address's own entry, which versions before wrote beside its phone or e-mail entry.
    const own = addressTermOf(conversation.customerAddress);
    if (own) keys.add(searchKeys.exact(own.kind, own.value));
    const words = new Set(wordsOf(conversation.customerName ?? '', 6));
    for (const m of messages) if (m.author === 'customer') for (const w of wordsOf(m.text ?? '')) words.add(w);
    for (const w of words) for (const k of searchKeys.wordChunks(w, WORD_CHUNKS)) keys.add(k);
    for (const t of facts.map(exactTermOfFact)) if (t) keys.add(searchKeys.exact(t.kind, t.value));
    // One command per key: each key is its own cluster slot. The member packed, and whole as versions before wrote it.
    const members = [...new Set([packIndexMember(conversation.id), conversation.id])];
    await Promise.all([...keys].map((k) => this.r.zrem(k, ...members)));
  }

  /**
   * Conversations matching the query, newest first, at most `max`: exact entries first, then those
   * holding every word. A word whose set is full (a common word) narrows nothing and is skipped,
   * unless every word is common.
   */
  async find(q: string, max: number): Promise<SearchCandidate[]> {
    const query = readQuery(q);
    const exact = await Promise.all(
      query.exact.map(async (t) => ({ term: t, hits: await this.read([searchKeys.exact(t.kind, t.value)], MAX_PER_EXACT) })),
    );
    const found = new Map<string, SearchCandidate>();
    for (const { term, hits } of exact) {
      for (const h of hits) if (!found.has(h.id)) found.set(h.id, { conversationId: h.id, match: term.kind, at: h.at });
    }
    if (query.words.length > 0) {
      const sets = await Promise.all(query.words.map((w) => this.read(this.wordKeys(w), MAX_PER_WORD)));
      const narrowing = sets.filter((s) => s.length < MAX_PER_WORD);
      const use = narrowing.length > 0 ? narrowing : sets;
      const [first, ...rest] = [...use].sort((a, b) => a.length - b.length);
      const others = rest.map((s) => new Set(s.map((h) => h.id)));
      for (const h of first ?? []) {
        if (others.every((o) => o.has(h.id)) && !found.has(h.id)) found.set(h.id, { conversationId: h.id, match: 'words', at: h.at });
      }
    }
    const exactFirst = (c: SearchCandidate) => (c.match === 'words' ? 1 : 0);
    return [...found.values()].sort((a, b) => exactFirst(a) - exactFirst(b) || b.at - a.at).slice(0, max);
  }

  private wordKeys(token: string): string[] {
    return searchKeys.wordChunks(token, this.wordChunks);
  }

  /** The cap of one script call's set: a chunk's, or a whole word's when it is one set. */
  private wordCap(): number {
    return this.wordChunks > 1 ? WORD_CHUNK : MAX_PER_WORD;
  }

  /** An entry's conversations, newest first, at most `cap`: its keys read together (a conversation in two chunks counts once, at its newest). */
  private async read(keys: readonly string[], cap: number): Promise<{ id: string; at: number }[]> {
    const flats = await Promise.all(keys.map((k) => this.r.zrevrange(k, 0, cap - 1, 'WITHSCORES')));
    const newest = new Map<string, number>();
    for (const flat of flats) {
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const id = unpackIndexMember(flat[i]!);
        const at = Number(flat[i + 1]);
        if (!(newest.get(id)! >= at)) newest.set(id, at);
      }
    }
    return [...newest].map(([id, at]) => ({ id, at })).sort((a, b) => b.at - a.at).slice(0, cap);
  }

  private add(keys: string[], cap: number, conversationId: string, at: number): void {
    const key = keys[0]!;
    let entry = this.pending.get(key);
    if (!entry) this.pending.set(key, (entry = { keys, cap, members: new Map() }));
    const member = packIndexMember(conversationId);
    entry.members.set(member, Math.max(at, entry.members.get(member) ?? at));
  }

  /** Whether a name or address entry is due: not written by this process in the last refreshMs. Remembers it as written. */
  private fresh(key: string, conversationId: string, at: number): boolean {
    const k = `${key}\n${conversationId}`;
    const last = this.written.get(k);
    if (last !== undefined && at >= last && at - last < (this.opts.refreshMs ?? DEFAULT_REFRESH_MS)) return false;
    this.written.delete(k);
    this.written.set(k, at);
    if (this.written.size > MAX_REMEMBERED) this.written.delete(this.written.keys().next().value!);
    return true;
  }

  /** A promise of the flush that will carry what was just added (scheduled if none is). */
  private flushed(): Promise<void> {
    if (this.pending.size === 0 && !this.timer) return Promise.resolve();
    const p = new Promise<void>((resolve) => this.waiting.push(resolve));
    if (!this.timer) {
      const delay = this.opts.flushDelayMs ?? DEFAULT_FLUSH_DELAY_MS;
      const run = () => {
        this.timer = undefined;
        void this.flush();
      };
      this.timer = delay > 0 ? setTimeout(run, delay) : setImmediate(run);
    }
    return p;
  }

  /** One script call per key (each key is its own cluster slot), all sent together. Never throws (logged). */
  private async write(batch: Map<string, PendingEntry>): Promise<void> {
    const calls: Promise<number>[] = [];
    for (const { keys, cap, members } of batch.values()) {
      const send = (argv: (string | number)[]) => (keys.length > 1 ? this.r.batonSearchAddWord(...keys, ...argv) : this.r.batonSearchAdd(keys[0]!, ...argv));
      let argv: (string | number)[] = [cap, this.ttlMs];
      for (const [id, at] of members) {
        argv.push(at, id);
        if (argv.length >= 2 + 2 * MAX_MEMBERS_PER_CALL) {
          calls.push(send(argv));
          argv = [cap, this.ttlMs];
        }
      }
      if (argv.length > 2) calls.push(send(argv));
    }
    const results = await Promise.allSettled(calls);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed.length > 0) {
      this.opts.logger?.warn('search index not updated', { keys: failed.length, of: calls.length, reason: (failed[0]!.reason as Error).message });
    }
  }
}
