import type Redis from 'ioredis';
import type { Fact } from '../../conversations/fact';
import type { Conversation, Message } from '../../conversations/types';
import type { Logger } from '../../logger';
import type { SearchIndex } from './searchIndex';
import { searchKeys } from './searchKeys';

/** Conversations (newest first) and customer messages per conversation a backfill reads at most. */
export const BACKFILL_CONVERSATIONS = 5000;
export const BACKFILL_MESSAGES = 50;

export interface BackfillDeps {
  redis: Redis;
  search: Pick<SearchIndex, 'indexMessage' | 'indexFacts'>;
  conversations(limit: number): Promise<Conversation[]>;
  messages(conversationId: string, limit: number): Promise<Message[]>;
  facts(conversationId: string): Promise<Fact[]>;
  logger: Logger;
}

/**
 * Indexes the conversations written before the search index existed: the newest
 * BACKFILL_CONVERSATIONS, one at a time (live traffic comes first), once per store. One instance
 * claims the job (a marker that expires if it dies half-way, so another start finishes it); what it
 * writes is idempotent. Answers how many conversations it indexed, or null when another instance
 * has the job or it is done.
 */
export async function backfillSearchIndex(deps: BackfillDeps): Promise<number | null> {
  const claimed = await deps.redis.set(searchKeys.backfill, 'running', 'PX', 3600_000, 'NX');
  if (claimed !== 'OK') return null;
  const started = Date.now();
  let indexed = 0;
  for (const conversation of await deps.conversations(BACKFILL_CONVERSATIONS)) {
    const [messages, facts] = await Promise.all([deps.messages(conversation.id, BACKFILL_MESSAGES), deps.facts(conversation.id)]);
    // One conversation's entries go out together (the index gathers them) before the next is read.
    const written: Promise<void>[] = [];
    for (const m of messages) if (m.author === 'customer') written.push(deps.search.indexMessage(conversation, m));
    for (const f of facts) written.push(deps.search.indexFacts(conversation.id, Date.parse(f.at), [f]));
    await Promise.all(written);
    indexed++;
  }
  await deps.redis.set(searchKeys.backfill, 'done');
  deps.logger.info('search index backfilled', { conversations: indexed, ms: Date.now() - started });
  return indexed;
}
