import type Redis from 'ioredis';
import type { Conversation, Message } from '../../conversations/types';
import type { Logger } from '../../logger';
import type { FactCandidate } from '../../nlu/facts/types';
import { searchKeys } from './searchKeys';
import { exactTermOfFact, exactTermsOfAddress, readQuery, wordsOf, type ExactKind, type ExactTerm } from './searchTerms';

/** Most conversations one exact value points at (a phone shared by a family, a test order number). */
export const MAX_PER_EXACT = 50;
/** Most conversations one word points at: a word past this is common, and only its newest are kept. */
export const MAX_PER_WORD = 500;

export interface SearchIndexOptions {
  /** Days an entry lives after its last write (SEARCH_RETENTION_DAYS, default 90). */
  retentionDays?: number;
  logger?: Logger;
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
 * last write. The index holds conversation ids only: team scope is applied to the conversations as
 * they are when searched, never to what the index remembers.
 */
export class SearchIndex {
  private readonly ttlMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly opts: SearchIndexOptions = {},
  ) {
    this.ttlMs = (opts.retentionDays ?? 90) * 24 * 3600 * 1000;
  }

  /** Indexes a customer's message: its words, the customer's name and address. Never throws (logged). */
  async indexMessage(conversation: Conversation, message: Pick<Message, 'text' | 'createdAt'>): Promise<void> {
    const at = message.createdAt;
    const words = new Set([...wordsOf(message.text ?? ''), ...wordsOf(conversation.customerName ?? '', 6)]);
    await this.write(
      conversation.id,
      at,
      exactTermsOfAddress(conversation.customerAddress).map((t) => ({ key: searchKeys.exact(t.kind, t.value), cap: MAX_PER_EXACT })),
      [...words].map((w) => ({ key: searchKeys.word(w), cap: MAX_PER_WORD })),
    );
  }

  /** Indexes the facts of one message (order numbers, phones, e-mails). Never throws (logged). */
  async indexFacts(conversationId: string, at: number, facts: readonly Pick<FactCandidate, 'kind' | 'value'>[]): Promise<void> {
    const terms = facts.map(exactTermOfFact).filter((t): t is ExactTerm => t !== null);
    await this.write(
      conversationId,
      at,
      terms.map((t) => ({ key: searchKeys.exact(t.kind, t.value), cap: MAX_PER_EXACT })),
      [],
    );
  }

  /**
   * Takes a conversation out of every entry its messages and facts wrote (retention removes the
   * conversation): the same keys indexMessage and indexFacts write, the member removed.
   */
  async forget(conversation: Conversation, messages: readonly Pick<Message, 'author' | 'text'>[], facts: readonly Pick<FactCandidate, 'kind' | 'value'>[]): Promise<void> {
    const keys = new Set<string>();
    for (const t of exactTermsOfAddress(conversation.customerAddress)) keys.add(searchKeys.exact(t.kind, t.value));
    for (const w of wordsOf(conversation.customerName ?? '', 6)) keys.add(searchKeys.word(w));
    for (const m of messages) if (m.author === 'customer') for (const w of wordsOf(m.text ?? '')) keys.add(searchKeys.word(w));
    for (const t of facts.map(exactTermOfFact)) if (t) keys.add(searchKeys.exact(t.kind, t.value));
    // One command per key: each key is its own cluster slot.
    await Promise.all([...keys].map((k) => this.redis.zrem(k, conversation.id)));
  }

  /**
   * Conversations matching the query, newest first, at most `max`: exact entries first, then those
   * holding every word. A word whose set is full (a common word) narrows nothing and is skipped,
   * unless every word is common.
   */
  async find(q: string, max: number): Promise<SearchCandidate[]> {
    const query = readQuery(q);
    const exact = await Promise.all(
      query.exact.map(async (t) => ({ term: t, hits: await this.read(searchKeys.exact(t.kind, t.value), MAX_PER_EXACT) })),
    );
    const found = new Map<string, SearchCandidate>();
    for (const { term, hits } of exact) {
      for (const h of hits) if (!found.has(h.id)) found.set(h.id, { conversationId: h.id, match: term.kind, at: h.at });
    }
    if (query.words.length > 0) {
      const sets = await Promise.all(query.words.map((w) => this.read(searchKeys.word(w), MAX_PER_WORD)));
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

  private async read(key: string, cap: number): Promise<{ id: string; at: number }[]> {
    const flat = await this.redis.zrevrange(key, 0, cap - 1, 'WITHSCORES');
    const out: { id: string; at: number }[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) out.push({ id: flat[i]!, at: Number(flat[i + 1]) });
    return out;
  }

  /** One MULTI per key (each key is its own cluster slot): add, keep the newest `cap`, extend its life. */
  private async write(conversationId: string, at: number, ...groups: { key: string; cap: number }[][]): Promise<void> {
    try {
      await Promise.all(
        groups.flat().map(({ key, cap }) =>
          this.redis
            .multi()
            .zadd(key, at, conversationId)
            .zremrangebyrank(key, 0, -(cap + 1))
            .pexpire(key, this.ttlMs)
            .exec(),
        ),
      );
    } catch (err) {
      this.opts.logger?.warn('search index not updated', { conversationId, reason: (err as Error).message });
    }
  }
}
