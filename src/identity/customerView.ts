import type { CustomerView } from '../inbox/contracts';
import type { RedisCustomerStore } from './redisCustomerStore';
import type { ConversationLookup, ConversationSummary } from './types';

/** Which of the customer's conversations the viewer may see listed (team scoping); default all. */
export type ConversationFilter = (c: ConversationSummary) => boolean;

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/**
 * What an agent sees of a customer: every address on every channel (unmasked: agents need them),
 * every conversation on any of them, newest first, and the open suggestions.
 * Null when there is no such customer. A merged id shows the record it was merged into.
 */
export async function customerView(
  store: RedisCustomerStore,
  customerId: string,
  lookup: ConversationLookup,
  visible?: ConversationFilter,
): Promise<CustomerView | null> {
  const customer = await store.get(customerId);
  if (!customer) return null;
  const [addresses, links, suggestions] = await Promise.all([
    store.addresses(customer.id),
    store.conversations(customer.id),
    store.suggestions(customer.id),
  ]);
  const listed = await Promise.all(
    links.map(async (l) => {
      const c = await lookup(l.conversationId);
      if (visible && (!c || !visible(c))) return null;
      const lastMessageAt = iso(c?.lastMessageAt);
      return {
        id: l.conversationId,
        channel: l.channel,
        status: c?.status ?? 'unknown',
        startedAt: new Date(l.startedAt).toISOString(),
        ...(lastMessageAt ? { lastMessageAt } : {}),
      };
    }),
  );
  const conversations = listed.filter((c) => c !== null);
  return {
    id: customer.id,
    ...(customer.name ? { name: customer.name } : {}),
    vip: customer.vip,
    addresses: addresses.map((a) => ({ channel: a.channel, address: a.address, verified: a.verified })),
    conversations,
    // id and otherCustomerId go beyond the contract: the console needs them to dismiss or merge.
    suggestedLinks: suggestions.map((s) => ({ id: s.id, channel: s.channel, address: s.address, evidence: s.evidence, otherCustomerId: s.otherCustomerId })),
  };
}
