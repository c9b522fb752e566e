import type { FactKind } from '../../nlu/facts/types';

/**
 * What goes into the search index and how a query is read: small pure functions, so the index and
 * the query always normalise a value the same way.
 */

/** Kinds of exact-match entries. */
export type ExactKind = 'order' | 'phone' | 'email' | 'address';

export interface ExactTerm {
  kind: ExactKind;
  value: string;
}

/** Longest token kept; shortest word indexed (a 1-letter word finds everything and nothing). */
const MAX_TOKEN = 40;
const MIN_WORD = 2;
/** Most distinct words indexed per message: the index stays bounded whatever a customer pastes. */
export const MAX_WORDS_PER_MESSAGE = 24;
/** Most words of a query looked up. */
export const MAX_QUERY_WORDS = 5;
/** Digits a phone query needs (fewer finds too much); phones are matched on their last 10 digits. */
const MIN_PHONE_DIGITS = 7;
const PHONE_SUFFIX = 10;

/** Order numbers compare without case or punctuation: "SG-482913", "sg 482913" and "SG482913" are one. */
export function normaliseOrder(value: string): string | null {
  const v = value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return v.length >= 3 && v.length <= MAX_TOKEN && /\d/.test(v) ? v : null;
}

/** Phones compare on their last 10 digits, so +91 98765 43210 and 098765-43210 meet. */
export function normalisePhone(value: string): string | null {
  const digits = value.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS || digits.length > 15) return null;
  return digits.slice(-PHONE_SUFFIX);
}

export function normaliseEmail(value: string): string | null {
  const v = value.trim().toLowerCase();
  return /^[^\s@{}]+@[^\s@{}]+\.[^\s@{}]+$/.test(v) && v.length <= 254 ? v : null;
}

/** Lower-cased words of letters and digits (any script), deduplicated, in order. */
export function wordsOf(text: string, max = MAX_WORDS_PER_MESSAGE): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if ([...raw].length < MIN_WORD || raw.length > MAX_TOKEN || seen.has(raw)) continue;
    seen.add(raw);
    out.push(raw);
    if (out.length >= max) break;
  }
  return out;
}

/** The exact entry a fact of the fact sheet becomes (products, dates and amounts are found as words). */
export function exactTermOfFact(fact: { kind: FactKind; value: string }): ExactTerm | null {
  const read: Partial<Record<FactKind, [ExactKind, (v: string) => string | null]>> = {
    order_number: ['order', normaliseOrder],
    phone: ['phone', normalisePhone],
    email: ['email', normaliseEmail],
  };
  const how = read[fact.kind];
  const value = how?.[1](fact.value);
  return how && value ? { kind: how[0], value } : null;
}

/** The address's own exact entry: its text without the channel (what versions before always wrote); null when empty or too long. */
export function addressTermOf(address: string): ExactTerm | null {
  const bare = address.replace(/^[a-z_]+:/i, '').trim().toLowerCase();
  return bare.length > 0 && bare.length <= 200 ? { kind: 'address', value: bare.replace(/[{}]/g, '') } : null;
}

/**
 * The exact entries of a customer's address on a channel: a WhatsApp number is a phone, an e-mail
 * address an e-mail, anything else the address itself. A query that would find the address entry
 * of a phone or an e-mail finds its phone or e-mail entry too (readQuery looks up both), so that
 * entry is not written twice.
 */
export function exactTermsOfAddress(address: string): ExactTerm[] {
  const bare = address.replace(/^[a-z_]+:/i, '').trim().toLowerCase();
  const out: ExactTerm[] = [];
  if (/^\+?[\d\s().-]+$/.test(bare)) {
    const phone = normalisePhone(bare);
    if (phone) out.push({ kind: 'phone', value: phone });
  }
  const email = normaliseEmail(bare);
  if (email) out.push({ kind: 'email', value: email });
  const own = addressTermOf(address);
  return out.length === 0 && own ? [own] : out;
}

export interface ReadQuery {
  /** Exact entries to look up, each found conversation labelled with its kind. */
  exact: ExactTerm[];
  /** Words that must all appear (customer messages and names). */
  words: string[];
}

/** What a search box's text asks for: an e-mail, a phone, order numbers, words. */
export function readQuery(q: string): ReadQuery {
  const text = q.normalize('NFKC').trim();
  const exact: ExactTerm[] = [];
  const add = (t: ExactTerm | null) => {
    if (t && !exact.some((e) => e.kind === t.kind && e.value === t.value)) exact.push(t);
  };
  const email = normaliseEmail(text);
  if (email) add({ kind: 'email', value: email });
  if (/^\+?[\d\s().-]+$/.test(text)) {
    const phone = normalisePhone(text);
    if (phone) add({ kind: 'phone', value: phone });
  }
  add(text.length <= 200 ? { kind: 'address', value: text.toLowerCase().replace(/[{}]/g, '') } : null);
  for (const piece of text.split(/\s+/)) {
    const order = normaliseOrder(piece);
    if (order) add({ kind: 'order', value: order });
    const mail = normaliseEmail(piece);
    if (mail) add({ kind: 'email', value: mail });
  }
  const whole = normaliseOrder(text);
  if (whole && text.length <= MAX_TOKEN) add({ kind: 'order', value: whole });
  return { exact, words: email ? [] : wordsOf(text, MAX_QUERY_WORDS) };
}
