import type { HandoffPacket } from '../types';

/** What the summary is built from: the packet without its summary. */
export type SummaryFacts = Omit<HandoffPacket, 'summary'>;

export const SUMMARY_MAX_LENGTH = 200;

const CHANNEL_NAMES: Record<string, string> = { whatsapp: 'WhatsApp', messenger: 'Messenger', sandbox: 'Sandbox' };
const LANGUAGE_NAMES: Record<string, string> = { en: 'English', hi: 'Hindi', 'hi-Latn': 'Hinglish', ur: 'Urdu', ne: 'Nepali' };

function channelName(channel: string): string {
  return CHANNEL_NAMES[channel] ?? channel;
}

/** order_status → "order status". */
function humanise(id: string): string {
  return id.replace(/[_-]+/g, ' ').trim();
}

/** order_number → "order", email → "email". */
function slotLabel(name: string): string {
  return humanise(name.replace(/_(number|no|id)$/, ''));
}

/** What happened, from the first reason that is not about mood (mood gets its own part). */
function whatHappened(facts: SummaryFacts): string {
  const flagged = facts.intents.at(-1)?.intent;
  const reason = facts.reasons.find((r) => r !== 'abuse' && r !== 'negative_sentiment') ?? facts.reason;
  switch (reason) {
    case 'customer_requested':
      return 'asked for a person';
    case 'intent_flagged':
      return flagged ? `needs a person for ${humanise(flagged)}` : 'needs a person';
    case 'repeated_misunderstanding':
      return 'was not understood by the bot twice or more';
    case 'fulfillment_failed':
      return 'hit a failed lookup';
    case 'vip':
      return 'is a VIP the bot could not help';
    case 'manual':
      return 'was escalated by hand';
    case 'abuse':
      return 'used abusive language';
    case 'negative_sentiment':
      return 'is angry';
  }
}

/** The customer's mood, unless it is already the whole story ("is angry"). */
function mood(facts: SummaryFacts): string | undefined {
  const onlyMood = facts.reasons.every((r) => r === 'abuse' || r === 'negative_sentiment');
  const abusive = facts.reasons.includes('abuse');
  const angry = facts.reasons.includes('negative_sentiment');
  if (onlyMood) return abusive && angry ? 'angry' : undefined;
  if (abusive) return 'abusive';
  if (angry) return 'angry';
  if (facts.sentiment.label === 'negative') return 'unhappy';
  return undefined;
}

function history(facts: SummaryFacts): string | undefined {
  const n = facts.history.length;
  if (n === 0) return undefined;
  const channels = [...new Set(facts.history.map((h) => channelName(h.channel)))].join(', ');
  return `${n} earlier conversation${n === 1 ? '' : 's'} (${channels})`;
}

/**
 * The one line an agent reads first, in English (the agent's language), built from facts only:
 * "Asha (WhatsApp, Hinglish) asked for a person after order status; order SG-482913 given; angry;
 * 2 earlier conversations (Messenger)." At most SUMMARY_MAX_LENGTH characters: optional parts are
 * dropped (extra slots, then history, then the previous topic) before anything is cut.
 */
export function summarise(facts: SummaryFacts): string {
  const who = facts.customer.name?.trim() || 'Customer';
  const tags = [...(facts.customer.vip ? ['VIP'] : []), channelName(facts.channel), LANGUAGE_NAMES[facts.language] ?? facts.language];
  const lastAnswered = facts.answered.filter((a) => a.intent).at(-1)?.intent;
  const slots = Object.entries(facts.slots).map(([name, value]) => `${slotLabel(name)} ${value}`);

  const build = (o: { slots: number; after: boolean; history: boolean }): string => {
    const head = `${who} (${tags.join(', ')}) ${whatHappened(facts)}${o.after && lastAnswered ? ` after ${humanise(lastAnswered)}` : ''}`;
    const given = slots.slice(0, o.slots);
    const parts = [head, given.length ? `${given.join(', ')} given` : undefined, mood(facts), o.history ? history(facts) : undefined];
    return `${parts.filter(Boolean).join('; ')}.`;
  };

  const attempts = [
    { slots: slots.length, after: true, history: true },
    { slots: Math.min(slots.length, 2), after: true, history: true },
    { slots: Math.min(slots.length, 1), after: true, history: true },
    { slots: Math.min(slots.length, 1), after: true, history: false },
    { slots: Math.min(slots.length, 1), after: false, history: false },
    { slots: 0, after: false, history: false },
  ];
  for (const attempt of attempts) {
    const line = build(attempt);
    if (line.length <= SUMMARY_MAX_LENGTH) return line;
  }
  return `${build({ slots: 0, after: false, history: false }).slice(0, SUMMARY_MAX_LENGTH - 1)}…`;
}
