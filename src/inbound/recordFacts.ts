import type { FactStore } from '../conversations/factStore';
import type { Conversation, Message } from '../conversations/types';
import type { Logger } from '../logger';
import { extractFacts, phoneRegionOfAddress, productIndexOf } from '../nlu/facts';
import type { Catalog } from '../nlu/types';

/** Reads a customer message's facts into the conversation's fact sheet. */
export type FactRecorder = (conversation: Conversation, message: Message) => Promise<void>;

export interface FactRecorderDeps {
  facts: Pick<FactStore, 'record'>;
  /** The catalog in use (products; it changes on hot reload). */
  catalog: () => Catalog;
  /** Where numbers written without a country code are read when the customer's own address does not say (DEFAULT_PHONE_REGION). */
  phoneRegion: string;
  orderPrefix?: string;
  timeZone?: string;
  logger: Logger;
}

/**
 * Every customer message goes through fact extraction, whatever the conversation's owner (bot,
 * queue, agent) and before the escalation checks, so a packet built for the message that
 * escalates already holds its order number and phone. Numbers without a country code are read in
 * the country of the customer's own phone address, else in the configured region. A failure to store is logged (never the
 * values) and does not stop the message from being handled.
 */
export function createFactRecorder(deps: FactRecorderDeps): FactRecorder {
  return async (conversation, message) => {
    if (message.author !== 'customer' || !message.text) return;
    const facts = extractFacts(message.text, {
      now: new Date(message.createdAt),
      timeZone: deps.timeZone,
      orderPrefix: deps.orderPrefix,
      // "0300-1234567" from a customer writing from +92 is a Pakistani number, whatever the deployment's default.
      phoneRegion: phoneRegionOfAddress(conversation.customerAddress) ?? deps.phoneRegion,
      products: productIndexOf(deps.catalog()),
    });
    if (facts.length === 0) return;
    try {
      await deps.facts.record(conversation.id, message, facts);
    } catch (err) {
      deps.logger.warn('facts not recorded', { conversationId: conversation.id, kinds: facts.map((f) => f.kind), reason: (err as Error).message });
    }
  };
}
