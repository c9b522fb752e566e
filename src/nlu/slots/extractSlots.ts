import type { SlotKind, SlotSpec } from '../types';
import { toAsciiDigits } from './digits';
import { findByPattern } from './findByPattern';
import { calendarDate, findDates } from './findDates';
import { findEmails } from './findEmails';
import { DEFAULT_ORDER_PREFIX, findOrderNumbers } from './findOrderNumbers';
import { findPhones } from './findPhones';
import { maskSpans, SlotMatch } from './spans';

export interface SlotExtractionOptions {
  /** "today", "kal", "آج" … are counted from this instant. Default: the current time. */
  now?: Date;
  /** IANA time zone whose calendar date `now` falls on (Asia/Kolkata, Asia/Karachi, …). Default UTC. */
  timeZone?: string;
  /** Order-number prefix; default SG (orders look like SG-482913). */
  orderPrefix?: string;
}

export interface NamedSlotMatch extends SlotMatch {
  name: string;
  kind: SlotKind;
}

/** Longest message looked at; slot values sit in short messages and this bounds catalog regex cost. */
export const MAX_SLOT_TEXT_LENGTH = 2000;

/**
 * Every value of each built-in kind, in message order. Kinds are found in an order that keeps them
 * apart: e-mails first (they may contain digits), then phones (10+ digits), then order numbers
 * (6 digits) and dates in what is left, so a phone is never read as an order number or vice versa.
 */
function findBuiltIns(text: string, options: SlotExtractionOptions): Record<Exclude<SlotKind, 'regex'>, SlotMatch[]> {
  const emails = findEmails(text);
  const afterEmails = maskSpans(text, emails);
  const phones = findPhones(afterEmails);
  const afterPhones = maskSpans(afterEmails, phones);
  const dates = findDates(afterPhones, calendarDate(options.now ?? new Date(), options.timeZone ?? 'UTC'));
  const orders = findOrderNumbers(maskSpans(afterPhones, dates), options.orderPrefix ?? DEFAULT_ORDER_PREFIX);
  return { email: emails, phone: phones, date: dates, order_number: orders };
}

/**
 * The slot values a message holds, with their positions. When several specs share a kind, the
 * first spec gets the first value of that kind, the second the second, and so on.
 * Digits in Devanagari or Arabic-Indic script count as digits.
 */
export function findSlotValues(text: string, specs: readonly SlotSpec[], options: SlotExtractionOptions = {}): NamedSlotMatch[] {
  if (specs.length === 0) return [];
  const ascii = toAsciiDigits(text.slice(0, MAX_SLOT_TEXT_LENGTH));
  const builtIns = findBuiltIns(ascii, options);
  const used: Record<string, number> = {};
  const out: NamedSlotMatch[] = [];
  for (const spec of specs) {
    let match: SlotMatch | null | undefined;
    if (spec.kind === 'regex') {
      match = spec.pattern === undefined ? null : findByPattern(ascii, spec.pattern);
    } else {
      const index = used[spec.kind] ?? 0;
      match = builtIns[spec.kind][index];
      used[spec.kind] = index + 1;
    }
    if (match) out.push({ ...match, name: spec.name, kind: spec.kind });
  }
  return out;
}

/** `{ slotName: value }` for every spec whose value the message holds. Never throws. */
export function extractSlots(text: string, specs: readonly SlotSpec[], options: SlotExtractionOptions = {}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const m of findSlotValues(text, specs, options)) values[m.name] = m.value;
  return values;
}
