import type { ChannelName } from '../conversations/types';

/**
 * One customer across channels. A customer record gathers the addresses a person writes from
 * (a WhatsApp number, a Messenger PSID, a sandbox id) and the platform's own user ids, and every
 * conversation held on any of them. Addresses are joined to a record only on a verified fact:
 * the platform saying so, or a one-time code the customer typed back. Everything else is a
 * suggestion for an agent to check.
 */

export interface Customer {
  id: string;
  name?: string;
  vip: boolean;
  attributes: Record<string, string>;
  createdAt: number;
  /** Set when this record was merged into another one; readers follow it. */
  mergedInto?: string;
}

/**
 * - `address`: the channel address a message came from (`whatsapp:+E164`, a PSID, a sandbox id);
 * - `platform_user_id`: the platform's stable user id beside it (WhatsApp WaId digits);
 * - `bsuid`: a WhatsApp business-scoped user id (`US.1349…`, `CC.ENT.…`), 2026 onwards.
 */
export type AddressKind = 'address' | 'platform_user_id' | 'bsuid';
export const ADDRESS_KINDS: readonly AddressKind[] = ['address', 'platform_user_id', 'bsuid'];

export interface CustomerAddress {
  channel: ChannelName;
  address: string;
  kind: AddressKind;
  /**
   * True when a verified fact ties it to this record: the platform reported it with this customer's
   * messages, or the customer typed back a one-time code. False when an agent merged it by judgement.
   */
  verified: boolean;
}

export interface CustomerConversationLink {
  conversationId: string;
  channel: ChannelName;
  startedAt: number;
}

/** A hint from something the customer typed (a phone number, an e-mail): never merged on its own. */
export interface Suggestion {
  id: string;
  channel: string;
  address: string;
  /** In words an agent can check: "customer typed +919876543210 on messenger". */
  evidence: string;
  otherCustomerId: string;
  at: number;
}

export interface CustomerForInput {
  channel: ChannelName;
  address: string;
  name?: string;
  platformUserId?: string;
}

export interface MergeInput {
  /** The record that stays. */
  targetId: string;
  /** The record that is folded into the target and marked `mergedInto`. */
  sourceId: string;
  /** Agent id, or `customer` when a verified code caused it. */
  actor: string;
  reason?: string;
}

/** What the customer view needs to know about a conversation (the conversation store's `get` fits). */
export interface ConversationSummary {
  id: string;
  channel: ChannelName;
  status: string;
  createdAt: number;
  customerAddress: string;
  language?: string;
  lastMessageAt?: number;
  lastMessagePreview?: string;
  /** Who handles it (team scoping of what an agent is shown). */
  team?: string;
  assigneeId?: string;
}

export type ConversationLookup = (conversationId: string) => Promise<ConversationSummary | null>;
