import { taggedKey } from '../store/keys';
import type { AddressKind } from './types';

/**
 * Redis keys of the identity module, without the connection's prefix. Lua scripts touch only keys
 * passed to them (never keys built inside the script): ioredis prefixes KEYS, not strings the
 * script makes up, and the embedded emulator would disagree with a real server on those.
 */
/**
 * Identity keys share one hash tag (src/store/keys.ts): claiming an address moves it between
 * customers atomically (the identifier index, the new and the old owner's address hashes in one
 * script), so the identity directory lives in one Redis Cluster slot.
 */
const DIR = 'ident';
export const K = {
  customer: (id: string) => taggedKey('cust', DIR, id),
  /** Hash: addressField → '1' (verified) | '0'. */
  addresses: (id: string) => taggedKey('cust', DIR, id, 'addrs'),
  /** Sorted set: `channel|conversationId` scored by when the conversation started. */
  conversations: (id: string) => taggedKey('cust', DIR, id, 'convs'),
  /** Hash: suggestion id → JSON. */
  suggestions: (id: string) => taggedKey('cust', DIR, id, 'sugg'),
  /** Set of suggestion ids an agent dismissed (they are not suggested again). */
  dismissed: (id: string) => taggedKey('cust', DIR, id, 'sugg', 'dismissed'),
  /** String: the customer id an identifier belongs to. */
  identifier: (channel: string, kind: AddressKind, value: string) => taggedKey('cust:ident', DIR, channel, kind, value),
  /** Set of customer ids whose attribute `key` has this (normalised) value: e-mail, phone. */
  attribute: (key: string, value: string) => taggedKey('cust:attr', DIR, key, value),
  /** Hash: the verification waiting for a code typed at this address. */
  pendingVerification: (channel: string, address: string) => taggedKey('cust:verify', DIR, channel, address),
};

/** How an address is stored as a hash field: `channel|kind|address` (channel and kind never hold `|`). */
export function addressField(channel: string, kind: AddressKind, address: string): string {
  return `${channel}|${kind}|${address}`;
}

export function parseAddressField(field: string): { channel: string; kind: AddressKind; address: string } | null {
  const m = /^([^|]+)\|([^|]+)\|(.+)$/s.exec(field);
  if (!m) return null;
  const kind = m[2] as AddressKind;
  if (kind !== 'address' && kind !== 'platform_user_id' && kind !== 'bsuid') return null;
  return { channel: m[1]!, kind, address: m[3]! };
}

export function conversationMember(channel: string, conversationId: string): string {
  return `${channel}|${conversationId}`;
}
