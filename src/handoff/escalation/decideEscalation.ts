import type { DialogueSignal } from '../../bot/dialogue/dialogueSignal';
import type { Lang } from '../../nlu/types';
import { angerShownOnlyBySigns, preparedOf, type PreparedText } from '../sentiment';
import {
  type EscalationConfig,
  type EscalationDecision,
  type EscalationReason,
  type Priority,
  PRIORITIES,
  PRIORITY_RANK,
  type Sentiment,
} from '../types';
import { asksForPerson } from './detectPersonRequest';

export interface EscalationInput {
  /** The customer's message this turn, when it had text; prepared (prepareText) when the caller already scored its sentiment. */
  text?: string | PreparedText;
  language: Lang;
  /** What the bot noticed this turn; empty when the bot did not run. */
  signals: readonly DialogueSignal[];
  sentiment: Sentiment;
  customer: { vip: boolean };
  /** The intent the bot acted on this turn, if any. */
  intent?: { id: string; team?: string; handoff: boolean } | null;
  /** Misunderstandings in a row, this turn included (the dialogue state's count). */
  consecutiveMisunderstandings: number;
  /** The check made before the bot reads the message (no signals yet, by design rather than because the bot did not run). */
  beforeBot?: boolean;
}

/**
 * Which reason is the main one when several fire, first wins:
 * 1. abuse: the agent (or a lead) must know before reading anything else;
 * 2. negative_sentiment: an angry customer is handled differently from a calm one;
 * 3. customer_requested: the customer's own words beat what the bot inferred (asking for a person
 *    also matches the catalog's handoff intent; the request is the better headline);
 * 4. fulfillment_failed: our system failed the customer;
 * 5. intent_flagged: the catalog says this topic is for people;
 * 6. repeated_misunderstanding: the bot could not follow;
 * 7. vip: only ever fires together with another trigger or a misunderstanding, so it comes last;
 * 8. manual: never decided here (an agent or the API escalates by hand).
 */
export const REASON_PRECEDENCE: readonly EscalationReason[] = [
  'abuse',
  'negative_sentiment',
  'customer_requested',
  'fulfillment_failed',
  'intent_flagged',
  'repeated_misunderstanding',
  'vip',
  'manual',
];

function hasSignal(signals: readonly DialogueSignal[], type: DialogueSignal['type']): boolean {
  return signals.some((s) => s.type === type);
}

/**
 * "WHERE IS MY ORDER SG731590??? 😡😡", "मेरा order अभी तक नहीं आया 😡 कब तक आएगा??": anger shown only
 * by signs (an angry emoji, "!!", capitals; no angry or abusive word) on a message with words in it
 * is left to the bot, and stays with it when the bot answers the message: the customer gets the
 * answer they asked for rather than a place in the queue. When the bot does not answer it (a miss,
 * "did you mean…?", a value asked for), the anger hands over after the bot's reply. Anger in words
 * ("worst service", "बकवास") and an angry emoji alone still hand over before the bot says anything.
 */
function angerLeftToTheBot(input: EscalationInput): boolean {
  if (!input.text || !angerShownOnlyBySigns(input.sentiment) || preparedOf(input.text).words.length === 0) return false;
  return input.beforeBot === true || hasSignal(input.signals, 'answered');
}

/** The triggers that fired, besides vip, in no particular order. */
function triggersOf(input: EscalationInput, config: EscalationConfig): Set<EscalationReason> {
  const { signals, sentiment } = input;
  const fired = new Set<EscalationReason>();
  if (input.text && asksForPerson(input.text, input.language)) fired.add('customer_requested');
  // A topic for people counts when the bot took the message as that topic, not when it only guessed
  // it and asked "did you mean…?" (the customer's answer decides), nor when it said it did not
  // understand (a wrong-format order number's "order no" leaning a little to the complaint), nor
  // when it answered the message as thanks or a pause ("your agent already helped me, thanks").
  const guessedOnly = hasSignal(signals, 'clarifying') || hasSignal(signals, 'misunderstood') || hasSignal(signals, 'act');
  if (hasSignal(signals, 'handoff_intent') || (input.intent?.handoff && !guessedOnly)) fired.add('intent_flagged');
  const misunderstood = Math.max(
    input.consecutiveMisunderstandings,
    ...signals.map((s) => (s.type === 'misunderstood' ? s.consecutive : 0)),
  );
  // The bot answered this miss with a menu of topics: the customer gets one more chance to pick.
  if (misunderstood > 0 && misunderstood >= config.misunderstandingsBeforeHandoff && !hasSignal(signals, 'topics_offered')) {
    fired.add('repeated_misunderstanding');
  }
  if (sentiment.anger >= config.angerThreshold && !angerLeftToTheBot(input)) fired.add('negative_sentiment');
  if (sentiment.abusive) fired.add('abuse');
  if (hasSignal(signals, 'fulfillment_failed') || hasSignal(signals, 'fulfillment_handoff')) fired.add('fulfillment_failed');
  return fired;
}

/**
 * The team: the team the fulfillment asked for (a decision made for this very case; the dialogue
 * already falls back to the intent's team there), else the intent's team (from the input, or the
 * handoff_intent signal), else config.defaultTeam.
 */
function teamOf(input: EscalationInput, config: EscalationConfig): string {
  for (const s of input.signals) if (s.type === 'fulfillment_handoff' && s.team) return s.team;
  if (input.intent?.team) return input.intent.team;
  for (const s of input.signals) if (s.type === 'handoff_intent' && s.team) return s.team;
  return config.defaultTeam;
}

/** The highest configured priority among the reasons, one step higher for a VIP customer (at most urgent). */
function priorityOf(reasons: readonly EscalationReason[], vip: boolean, config: EscalationConfig): Priority {
  const rank = Math.max(...reasons.map((r) => PRIORITY_RANK[config.priorityByReason[r]]));
  const raised = vip ? Math.min(rank + 1, PRIORITY_RANK.urgent) : rank;
  return PRIORITIES[raised] as Priority;
}

/**
 * Should this turn go to a person, why, to which team, how urgently? Pure: no clock, no I/O.
 *
 * VIP rule: a VIP customer escalates (reason `vip`) when the bot did not answer confidently this
 * turn, meaning a misunderstanding signal this turn (fallback or unanswered question) or any other
 * trigger. A VIP turn the bot answered, asked a clarifying question on, or asked for a slot on is
 * left to the bot; so is a VIP turn on which the bot did not run and nothing else fired.
 */
export function decideEscalation(input: EscalationInput, config: EscalationConfig): EscalationDecision {
  const fired = triggersOf(input, config);
  if (input.customer.vip && (fired.size > 0 || hasSignal(input.signals, 'misunderstood'))) fired.add('vip');
  if (fired.size === 0) return { escalate: false };
  const reasons = REASON_PRECEDENCE.filter((r) => fired.has(r));
  return {
    escalate: true,
    reason: reasons[0] as EscalationReason,
    reasons,
    team: teamOf(input, config),
    priority: priorityOf(reasons, input.customer.vip, config),
  };
}
