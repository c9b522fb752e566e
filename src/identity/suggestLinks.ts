import { toAsciiDigits } from '../nlu/slots/digits';
import { findEmails } from '../nlu/slots/findEmails';
import { findPhones } from '../nlu/slots/findPhones';
import { maskSpans } from '../nlu/slots/spans';
import { whatsappAddress } from './normalise';
import type { RedisCustomerStore } from './redisCustomerStore';
import type { Customer, Suggestion } from './types';

/** Contact details checked per message (a pasted list is not a claim about oneself). */
const MAX_CLAIMS = 5;

export interface ContactClaim {
  kind: 'phone' | 'email';
  /** As normalised: E.164, a bare 10-digit 97x/98x mobile (India or Nepal), or an e-mail. */
  value: string;
}

/** Phone numbers and e-mail addresses typed in a message, de-duplicated, at most five. */
export function findContactClaims(text: string): ContactClaim[] {
  const ascii = toAsciiDigits(text);
  const seen = new Set<string>();
  const out: ContactClaim[] = [];
  const add = (kind: ContactClaim['kind'], value: string) => {
    if (seen.has(`${kind}:${value}`) || out.length >= MAX_CLAIMS) return;
    seen.add(`${kind}:${value}`);
    out.push({ kind, value });
  };
  const emails = findEmails(ascii);
  for (const e of emails) add('email', e.value.toLowerCase());
  // Digits inside an e-mail address are not a phone number.
  for (const p of findPhones(maskSpans(ascii, emails))) add('phone', p.value);
  return out;
}

/** E.164 readings of a typed phone: a bare 97x/98x mobile is both an Indian and a Nepali number. */
export function phoneReadings(value: string): string[] {
  if (value.startsWith('+')) return [value];
  return [`+91${value}`, `+977${value}`];
}

interface Match {
  other: Customer;
  channel: string;
  address: string;
}

async function matchesFor(store: RedisCustomerStore, claim: ContactClaim): Promise<Match[]> {
  if (claim.kind === 'email') {
    return (await store.findByAttribute('email', claim.value)).map((other) => ({ other, channel: 'email', address: claim.value }));
  }
  const out: Match[] = [];
  for (const e164 of phoneReadings(claim.value)) {
    const address = whatsappAddress(e164);
    const byAddress = await store.findByIdentifier('whatsapp', 'address', address);
    const byWaId = byAddress ? null : await store.findByIdentifier('whatsapp', 'platform_user_id', e164.slice(1));
    const owner = byAddress ?? byWaId;
    if (owner) out.push({ other: owner, channel: 'whatsapp', address });
    for (const other of await store.findByAttribute('phone', e164)) out.push({ other, channel: 'phone', address: e164 });
  }
  return out;
}

/**
 * Phone numbers and e-mails the customer typed that belong to OTHER customers become suggestions
 * for the agent ("customer typed +9198… on messenger"). Nothing typed is proof: this never merges.
 * Returns the suggestions this message produced (new or already open).
 */
export async function suggestLinks(
  store: RedisCustomerStore,
  customerId: string,
  text: string,
  context: { channel?: string } = {},
): Promise<Suggestion[]> {
  const claims = findContactClaims(text);
  if (claims.length === 0) return [];
  const self = await store.get(customerId);
  if (!self) return [];
  const out: Suggestion[] = [];
  for (const claim of claims) {
    for (const m of await matchesFor(store, claim)) {
      if (m.other.id === self.id) continue;
      const where = context.channel ? ` on ${context.channel}` : ' in a message';
      const s = await store.addSuggestion(self.id, {
        channel: m.channel,
        address: m.address,
        evidence: `customer typed ${claim.value}${where}`,
        otherCustomerId: m.other.id,
      });
      if (s && !out.some((o) => o.id === s.id)) out.push(s);
    }
  }
  return out;
}
