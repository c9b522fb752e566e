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
): { text: LangText; value: string } | undefined {
  if (spec.kind === 'regex' || !text) return undefined;
  const hint = hints?.[spec.kind];
  if (!hint) return undefined;
  const wrong = extractFacts(text, ctx).find((f) => f.kind === spec.kind && !f.verified);
  return wrong ? { text: hint, value: wrong.value } : undefined;
}
