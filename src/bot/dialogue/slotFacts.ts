import { toAsciiDigits } from '../../nlu/slots/digits';
import { extractFacts, type FactContext } from '../../nlu/facts';
import type { FormatHints, LangText, SlotSpec } from '../../nlu/types';

/** A fact from the conversation's fact sheet, as the dialogue needs it. */
export interface KnownFact {
  kind: string;
  value: string;
  verified: boolean;
}

/**
 * Slot values the fact sheet already holds: for every built-in slot kind (order number, e-mail,
 * phone, date), the newest verified fact of that kind. The sheet has every customer message, also
 * those written while a person owned the conversation or that escalated before the bot ran, so a
 * value given there is not asked for again. Slots of kind regex have no facts.
 */
export function slotsFromFacts(specs: readonly SlotSpec[], facts: readonly KnownFact[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!facts || facts.length === 0) return out;
  for (const spec of specs) {
    if (spec.kind === 'regex') continue;
    const newest = facts.find((f) => f.kind === spec.kind && f.verified);
    if (newest) out[spec.name] = newest.value;
  }
  return out;
}

/**
 * When the message holds a value of the slot's kind in the wrong format ("SG-4829", "asha@gmail",
 * a phone number a digit short, 31/02/2025), the catalog's hint for that kind and the value as read.
 */
export function formatHintFor(
  spec: SlotSpec,
  text: string,
  hints: FormatHints | undefined,
  ctx: FactContext,
  opts: { answering?: boolean } = {},
): { text: LangText; value: string } | undefined {
  if (spec.kind === 'regex' || !text) return undefined;
  const hint = hints?.[spec.kind];
  if (!hint) return undefined;
  const wrong = extractFacts(text, ctx).find((f) => f.kind === spec.kind && !f.verified);
  if (wrong) return { text: hint, value: wrong.value };
  // Answering the bot's own question for an order number, any short code with digits ("77120",
  // "SG 12", "नंबर 88") is the customer's try at one: say what it looks like instead of asking again.
  if (opts.answering && spec.kind === 'order_number') {
    const prefix = (ctx.orderPrefix ?? 'SG').replace(/[^A-Za-z]/g, '');
    const attempt = new RegExp(`(?:\\b${prefix}[\\s#-]*)?\\d[\\d\\s-]{0,14}\\d|\\d`, 'i').exec(toAsciiDigits(text).slice(0, 500));
    if (attempt) return { text: hint, value: attempt[0].trim() };
  }
  return undefined;
}
