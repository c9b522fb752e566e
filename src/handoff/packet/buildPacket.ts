import type { DialogueState } from '../../bot/dialogue/dialogueState';
import type { Fact } from '../../conversations/fact';
import type { Conversation, Message } from '../../conversations/types';
import { type EscalationDecision, type HandoffPacket, handoffPacketSchema, type Sentiment } from '../types';
import { summarise } from './summarise';

/** Bot answers kept in the packet (the newest). */
export const PACKET_ANSWERS = 10;
/** Earlier conversations kept in the packet (the newest). */
export const PACKET_HISTORY = 10;

export interface PacketFacts {
  conversation: Conversation;
  /** The escalation being handed over. */
  decision: Extract<EscalationDecision, { escalate: true }>;
  /** The dialogue state: slots given, intents recognised, language. */
  state: Pick<DialogueState, 'slots' | 'recognised' | 'language'>;
  /** The conversation's transcript, any order. */
  messages: readonly Message[];
  sentiment: Sentiment;
  /** The conversation's fact sheet, newest first (FactStore.list). */
  facts?: readonly Fact[];
  customer: { id: string; name?: string; vip: boolean; addresses: { channel: string; address: string; verified: boolean }[] };
  /** The customer's conversations on every linked channel, any order; the current one is left out if present. */
  history: readonly HandoffPacket['history'][number][];
  /** When the packet is built (ms). */
  now: number;
  /** The CRM's record of the customer, if it answered in time. */
  crm?: HandoffPacket['crm'];
}

function botAnswers(messages: readonly Message[]): HandoffPacket['answered'] {
  return messages
    .filter((m) => m.author === 'bot' && m.direction === 'outbound' && typeof m.text === 'string' && m.text.trim() !== '')
    .sort((a, b) => a.createdAt - b.createdAt)
    .slice(-PACKET_ANSWERS)
    .map((m) => {
      const intent = m.meta?.intent;
      return { ...(typeof intent === 'string' ? { intent } : {}), text: m.text as string, at: m.createdAt };
    });
}

function historyOf(current: Conversation, history: PacketFacts['history']): HandoffPacket['history'] {
  return history
    .filter((h) => h.conversationId !== current.id)
    .sort((a, b) => b.startedAt - a.startedAt)
    .slice(0, PACKET_HISTORY)
    .map((h) => ({ ...h }));
}

/**
 * Everything an agent needs to take over without asking again, from facts already known. Pure;
 * the result is checked against handoffPacketSchema, so a packet that reaches the queue is valid.
 * Bot answers are bot-authored outbound messages with text (intent from meta.intent), the newest
 * PACKET_ANSWERS, oldest first; history is the other conversations, newest first, at most PACKET_HISTORY.
 */
export function buildHandoffPacket(facts: PacketFacts): HandoffPacket {
  const { conversation, decision, state, sentiment, customer } = facts;
  const name = customer.name ?? conversation.customerName;
  const withoutSummary = {
    conversationId: conversation.id,
    channel: conversation.channel,
    reason: decision.reason,
    reasons: decision.reasons,
    team: decision.team,
    priority: decision.priority,
    language: conversation.language ?? state.language ?? 'und',
    intents: collapseRepeats(state.recognised).map((r) => ({ intent: r.intent, confidence: r.confidence, at: r.at })),
    slots: { ...state.slots },
    facts: (facts.facts ?? []).map((f) => ({ ...f })),
    answered: botAnswers(facts.messages),
    sentiment: { label: sentiment.label, score: sentiment.score, anger: sentiment.anger },
    customer: { id: customer.id, ...(name ? { name } : {}), vip: customer.vip, addresses: customer.addresses.map((a) => ({ ...a })) },
    history: historyOf(conversation, facts.history),
    createdAt: facts.now,
  };
  const extras = {
    ...(conversation.callDeflection ? { cameFromCall: { at: conversation.callDeflection.at, via: conversation.callDeflection.via } } : {}),
    ...(facts.crm ? { crm: facts.crm } : {}),
  };
  return handoffPacketSchema.parse({ ...withoutSummary, ...extras, summary: summarise({ ...withoutSummary, slots: summarySlots(state.slots, facts.facts) }) });
}

/** Kinds of fact the summary names when no slot holds one ("order SG-482913 given"), most useful first. */
const SUMMARY_FACT_KINDS = ['order_number', 'product', 'phone', 'email'] as const;

/**
 * The slots, then the newest verified fact of each kind no slot already holds: a customer who gave
 * their order number in the message that escalated (the bot never ran) still has it in the summary.
 */
function summarySlots(slots: Record<string, string>, sheet: readonly Fact[] | undefined): Record<string, string> {
  const out = { ...slots };
  const held = new Set(Object.values(slots));
  for (const kind of SUMMARY_FACT_KINDS) {
    const newest = sheet?.find((f) => f.kind === kind && f.verified);
    if (newest && out[kind] === undefined && !held.has(newest.value)) out[kind] = newest.value;
  }
  return out;
}

/**
 * The same intent recognised on consecutive turns (asked, then the order number given) is one
 * thing the customer wanted: keep its latest entry.
 */
export function collapseRepeats<T extends { intent: string }>(recognised: readonly T[]): T[] {
  const out: T[] = [];
  for (const r of recognised) {
    if (out.length > 0 && out[out.length - 1]!.intent === r.intent) out[out.length - 1] = r;
    else out.push(r);
  }
  return out;
}
