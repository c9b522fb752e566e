import { toAsciiDigits } from '../slots/digits';
import { DEFAULT_ORDER_PREFIX } from '../slots/findOrderNumbers';
import { findDateFacts } from './dates';
import { findEmailFacts } from './emails';
import { maskSpans } from './mask';
import { findMoneyFacts } from './money';
import { findOtherOrderNumbers, findPrefixedOrderNumbers } from './orderNumbers';
import { findPhoneFacts } from './phones';
import { findProductFacts } from './products';
import { type FactCandidate, type FactContext, type FactKind, MAX_FACT_TEXT_LENGTH, MAX_FACTS_PER_KIND, MAX_FACTS_PER_MESSAGE } from './types';

export const DEFAULT_PHONE_REGION = 'IN';

/**
 * Every fact a message holds, in message order: order numbers, e-mails, phones, products, dates and
 * amounts, each `{kind, value, verified, span}`. Pure, never throws, linear in the message's length
 * (only its first MAX_FACT_TEXT_LENGTH characters are read), at most MAX_FACTS_PER_MESSAGE facts and
 * MAX_FACTS_PER_KIND of one kind. Digits in Devanagari and Arabic-Indic script count as digits.
 *
 * Kinds are found in an order that keeps them apart, each masking what it took before the next
 * runs: e-mails (they hold digits), prefixed order numbers (SG…), phones (9+ digits), dates, amounts
 * (₹ 2,499), then `#482913` / bare six-digit order numbers in what is left. Products are words and
 * are read from the whole text.
 */
export function extractFacts(text: string, ctx: FactContext = {}): FactCandidate[] {
  if (!text) return [];
  const cut = text.length > MAX_FACT_TEXT_LENGTH ? text.slice(0, MAX_FACT_TEXT_LENGTH) : text;
  const ascii = toAsciiDigits(cut);
  const prefix = ctx.orderPrefix ?? DEFAULT_ORDER_PREFIX;
  const found: FactCandidate[] = [];
  let rest = ascii;
  const take = (facts: FactCandidate[]) => {
    if (facts.length === 0) return;
    found.push(...facts);
    rest = maskSpans(rest, facts.map((f) => f.span));
  };
  take(findEmailFacts(rest));
  take(findPrefixedOrderNumbers(rest, prefix));
  if (/\d/.test(rest)) {
    take(findPhoneFacts(rest, ctx.phoneRegion ?? DEFAULT_PHONE_REGION));
  }
  take(findDateFacts(rest, ctx.now ?? new Date(), ctx.timeZone ?? 'UTC'));
  if (/\d/.test(rest)) {
    take(findMoneyFacts(rest));
    take(findOtherOrderNumbers(rest, prefix));
  }
  if (ctx.products) found.push(...withoutContactDevices(findProductFacts(cut, ctx.products), found, ascii));
  return capped(found.sort((a, b) => a.span.start - b.span.start));
}

/** Between a device word and the number after it, only these: "phone: 98…", "mobile no 98…", "फ़ोन है 98…". */
const BEFORE_NUMBER = /^[\s:.,=#()–-]*(?:(?:is|on|no|number|num|nmbr|hai|h|है|ہے|हो|छ)[\s:.,=#()–-]*)*$/iu;

/**
 * "phone 98765 43210", "my mobile is +92 300 1234567": the device word names how to reach the
 * customer, not a thing they bought. A product directly followed by a phone number is dropped.
 */
function withoutContactDevices(products: FactCandidate[], found: readonly FactCandidate[], text: string): FactCandidate[] {
  const phones = found.filter((f) => f.kind === 'phone');
  if (phones.length === 0) return products;
  return products.filter((p) => {
    const next = phones.find((f) => f.span.start >= p.span.end);
    return !next || next.span.start - p.span.end > 24 || !BEFORE_NUMBER.test(text.slice(p.span.end, next.span.start));
  });
}

function capped(facts: FactCandidate[]): FactCandidate[] {
  const perKind = new Map<FactKind, number>();
  const out: FactCandidate[] = [];
  for (const f of facts) {
    const n = perKind.get(f.kind) ?? 0;
    if (n >= MAX_FACTS_PER_KIND) continue;
    perKind.set(f.kind, n + 1);
    out.push(f);
    if (out.length >= MAX_FACTS_PER_MESSAGE) break;
  }
  return out;
}

/**
 * The key two facts are "the same" by: kind and value, case and spacing folded. Phones by their last
 * ten digits, so one number read two ways ("03001234567" taken as unverified, then "+92 300 1234567";
 * "9841234567" then "+977 9841234567") is one fact, the newest reading kept.
 */
export function factKey(fact: { kind: FactKind; value: string }): string {
  if (fact.kind === 'phone') {
    const digits = fact.value.replace(/\D/g, '');
    if (digits.length >= 10) return `phone:${digits.slice(-10)}`;
  }
  return `${fact.kind}:${fact.value.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}
