import { z } from 'zod';
import type { Lang, QuickReply } from '../../nlu/types';

/** How many recognised intents and answered intents the state remembers. */
export const STATE_HISTORY_LENGTH = 20;

/**
 * What the dialogue remembers between turns of one conversation. Persisted as JSON (Redis) by
 * the conversation store, so it has a zod schema; parse it with parseDialogueState.
 */
export interface DialogueState {
  /** The conversation's language; unset until the first message (then the catalog default applies). */
  language?: Lang;
  /** Fallbacks and failed slot answers in a row; reset when the bot understands. */
  misunderstandings: number;
  /** Every slot value the customer gave in this conversation, by slot name (latest wins). */
  slots: Record<string, string>;
  /** The question the bot is waiting an answer to. */
  pending?: { intent: string; slot: string };
  /** The quick replies of the last reply, so "1", "2"… (WhatsApp's numbered list) can pick one. */
  offered?: QuickReply[];
  /** The intent a "yes" confirms: the first option of the "did you mean…?" asked last turn. */
  confirm?: string;
  /** Intents acted upon, oldest first, the last STATE_HISTORY_LENGTH. */
  recognised: { intent: string; confidence: number; at: number }[];
  /** Intent ids answered, oldest first, the last STATE_HISTORY_LENGTH. */
  answered: string[];
  /** A fingerprint of the answer the last turn gave (answerFingerprint), so it is not given again word for word. */
  lastAnswer?: string;
  /** The intent whose answer, given last turn, invited the customer to say more for a colleague (Intent.offersPerson). */
  personOffer?: string;
}

const quickReplySchema = z.object({ title: z.string(), payload: z.string() });

export const dialogueStateSchema = z.object({
  language: z.string().min(1).optional(),
  misunderstandings: z.number().int().min(0),
  slots: z.record(z.string(), z.string()),
  pending: z.object({ intent: z.string(), slot: z.string() }).optional(),
  offered: z.array(quickReplySchema).optional(),
  confirm: z.string().optional(),
  recognised: z.array(
    z.union([
      z.object({ intent: z.string(), confidence: z.number(), at: z.number() }),
      // As serializeDialogueState writes it: [intent, confidence, at].
      z.tuple([z.string(), z.number(), z.number()]).transform(([intent, confidence, at]) => ({ intent, confidence, at })),
    ]),
  ),
  answered: z.array(z.string()),
  lastAnswer: z.string().max(64).optional(),
  personOffer: z.string().max(200).optional(),
});

/** A confidence as stored: 3 decimals, rounded down (a threshold of 3 decimals or fewer compares the same). */
export function storedConfidence(confidence: number): number {
  return Math.floor(confidence * 1000 + 1e-9) / 1000;
}

/**
 * The state as the store keeps it (JSON): each recognised intent as `[intent, confidence, at]` with
 * the confidence to 3 decimals, instead of an object with a 17-digit confidence (about half the
 * bytes of a bot conversation's state). parseDialogueState reads both forms.
 */
export function serializeDialogueState(s: DialogueState): string {
  return JSON.stringify({ ...s, recognised: s.recognised.map((r) => [r.intent, storedConfidence(r.confidence), r.at]) });
}

export function initialDialogueState(): DialogueState {
  return { misunderstandings: 0, slots: {}, recognised: [], answered: [] };
}

/**
 * The state stored for a conversation, or a fresh one when there is none or it does not parse
 * (e.g. written by an older version): a conversation never gets stuck on a bad stored state.
 */
export function parseDialogueState(stored: unknown): DialogueState {
  const parsed = dialogueStateSchema.safeParse(stored);
  if (!parsed.success) return initialDialogueState();
  const s = parsed.data;
  return {
    ...s,
    recognised: s.recognised.slice(-STATE_HISTORY_LENGTH),
    answered: s.answered.slice(-STATE_HISTORY_LENGTH),
  };
}

/** A short fingerprint of an answer's text (FNV-1a, hex): equal texts, equal fingerprints. */
export function answerFingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}.${h.toString(36)}`;
}

/** The list with the item appended, keeping the last STATE_HISTORY_LENGTH. */
export function appendBounded<T>(list: readonly T[], item: T): T[] {
  return [...list, item].slice(-STATE_HISTORY_LENGTH);
}
