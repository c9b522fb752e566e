import { toAsciiDigits } from '../../nlu/slots';
import type { QuickReply } from '../../nlu/types';

const INTENT_PAYLOAD = /^intent:([a-z][a-z0-9_]*)$/;

/** The intent id of an `intent:<id>` payload, or null. */
export function intentOfPayload(payload: string | undefined): string | null {
  if (payload === undefined) return null;
  return INTENT_PAYLOAD.exec(payload.trim())?.[1] ?? null;
}

/**
 * The offered quick reply the customer picked by typing its number ("2", "2.", "२", "۲") — WhatsApp
 * shows options as a numbered list — or its title (case-insensitive). Null when the message is neither.
 */
export function pickOffered(text: string, offered: readonly QuickReply[] | undefined): QuickReply | null {
  if (!offered || offered.length === 0) return null;
  const trimmed = toAsciiDigits(text).trim();
  const number = /^(\d{1,2})\s*[.)]?$/.exec(trimmed);
  if (number) return offered[Number(number[1]) - 1] ?? null;
  const lower = trimmed.toLocaleLowerCase();
  return offered.find((q) => q.title.trim().toLocaleLowerCase() === lower) ?? null;
}
