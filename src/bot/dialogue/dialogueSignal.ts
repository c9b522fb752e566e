import type { ActKind } from '../../nlu/acts';
import type { FulfillmentFailure } from '../../nlu/fulfillment';

/**
 * What the dialogue noticed on a turn, for the escalation policy and the handoff packet.
 * - handoff_intent: the matched intent is flagged `handoff: true`.
 * - misunderstood: the bot did not understand (fallback, or no answer to its question); `consecutive` counts them in a row.
 * - misunderstood_twice: emitted together with the second `misunderstood` in a row (exactly when consecutive = 2).
 * - fulfillment_failed: the fulfillment endpoint timed out, failed or answered nonsense; `slots` are the values collected.
 * - fulfillment_handoff: the fulfillment endpoint asked for a person.
 * - answered: the bot answered an intent (static answer or fulfillment reply).
 * - act: the message was a conversational act (ok, thanks, yes, hi, bye, emoji), answered briefly; never a misunderstanding.
 * - clarifying: the bot was unsure and asked "did you mean…?" (`intents`, its options in order): it did not
 *   act on any of them, so a topic the catalog gives to people is not handed off on this guess.
 * - clarification_declined: the customer said no to "did you mean…?" (`intent` was its first option):
 *   the message it was asked about is one the bot could not place (the training inbox records it).
 * - media_only: the message was only a photo, voice note, file or location (`kinds`): the bot said what
 *   it can do with it; never a misunderstanding.
 * - no_value: the customer does not have the value the bot waits for (`slot` of `intent`): told where to
 *   find it and offered a person; never a misunderstanding.
 * - repeated: the answer to `intent` would have been the last turn's, word for word: a person was
 *   offered instead; never a misunderstanding.
 * - topics_offered: the second misunderstanding in a row was answered with the catalog's topics menu;
 *   the escalation policy hands off on the next misunderstanding instead.
 */
export type DialogueSignal =
  | { type: 'handoff_intent'; intent: string; team?: string }
  | { type: 'misunderstood'; consecutive: number }
  | { type: 'misunderstood_twice' }
  | { type: 'fulfillment_failed'; intent: string; outcome: FulfillmentFailure; slots: Record<string, string> }
  | { type: 'fulfillment_handoff'; intent: string; reason?: string; team?: string }
  | { type: 'answered'; intent: string; confidence: number }
  | { type: 'act'; act: ActKind }
  | { type: 'clarifying'; intents: string[] }
  | { type: 'clarification_declined'; intent: string }
  | { type: 'topics_offered'; topics: string[] }
  | { type: 'no_value'; intent: string; slot: string }
  | { type: 'repeated'; intent: string }
  | { type: 'media_only'; kinds: string[] };
