import type { FactStore } from '../../conversations/factStore';
import type { Conversation, Message } from '../../conversations/types';
import type { SearchIndex } from './searchIndex';

/*
 * The search index is fed beside the reply path, not on it: the writes are handed to the index
 * (which gathers them and sends them together, and never throws) and the turn goes on at once.
 * The fact sheet and the transcript stay the records; a crash can lose the index entries of the
 * last moments (SearchIndex's flush delay), never a message or a fact.
 */

/** The fact sheet, also feeding the search index with each message's order numbers, phones and e-mails. */
export function factsIndexed(search: Pick<SearchIndex, 'indexFacts'>, facts: Pick<FactStore, 'record'>): Pick<FactStore, 'record'> {
  return {
    async record(conversationId, message, found) {
      await facts.record(conversationId, message, found);
      void search.indexFacts(conversationId, message.createdAt, found);
    },
  };
}

/** A customer-message recorder that also indexes the message's words and the customer's name and address. */
export function searchIndexed(
  search: Pick<SearchIndex, 'indexMessage'>,
  record: (conversation: Conversation, message: Message) => Promise<void>,
): (conversation: Conversation, message: Message) => Promise<void> {
  return async (conversation, message) => {
    await record(conversation, message);
    if (message.author === 'customer') void search.indexMessage(conversation, message);
  };
}
