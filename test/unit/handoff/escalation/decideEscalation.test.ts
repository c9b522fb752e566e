import type { DialogueSignal } from '../../../../src/bot/dialogue/dialogueSignal';
import { decideEscalation, type EscalationInput } from '../../../../src/handoff/escalation';
import { DEFAULT_ESCALATION_CONFIG, type EscalationConfig, type Sentiment } from '../../../../src/handoff/types';

const calm: Sentiment = { score: 0, label: 'neutral', anger: 0, abusive: false, matched: [] };
const answered: DialogueSignal = { type: 'answered', intent: 'order_status', confidence: 0.92 };

function turn(overrides: Partial<EscalationInput> = {}): EscalationInput {
  return {
    text: 'where is my order',
    language: 'en',
    signals: [answered],
    sentiment: calm,
    customer: { vip: false },
    intent: { id: 'order_status', handoff: false },
    consecutiveMisunderstandings: 0,
    ...overrides,
  };
}

const config: EscalationConfig = DEFAULT_ESCALATION_CONFIG;

function decided(input: EscalationInput, cfg: EscalationConfig = config) {
  const decision = decideEscalation(input, cfg);
  if (!decision.escalate) throw new Error('expected an escalation');
  return decision;
}

describe('decideEscalation: no escalation', () => {
  it('keeps a normal answered turn with the bot', () => {
    expect(decideEscalation(turn(), config)).toEqual({ escalate: false });
  });

  it('keeps a turn the bot did not run with the bot when nothing fired', () => {
    expect(decideEscalation(turn({ signals: [], text: undefined, intent: null }), config)).toEqual({ escalate: false });
  });

  it('keeps a single misunderstanding with the bot', () => {
    const input = turn({ signals: [{ type: 'misunderstood', consecutive: 1 }], consecutiveMisunderstandings: 1, intent: null });
    expect(decideEscalation(input, config)).toEqual({ escalate: false });
  });

  it('keeps mild dissatisfaction below the anger threshold with the bot', () => {
    expect(decideEscalation(turn({ sentiment: { ...calm, anger: 0.59, label: 'negative', score: -0.59 } }), config)).toEqual({ escalate: false });
  });
});

describe('decideEscalation: one reason per trigger', () => {
  it('escalates with customer_requested when the customer asks for a person', () => {
    const d = decided(turn({ text: 'insaan se baat karni hai', language: 'hi-Latn', signals: [], intent: null }));
    expect(d.reasons).toEqual(['customer_requested']);
  });

  it('escalates with intent_flagged when the intent is flagged handoff', () => {
    const d = decided(turn({ text: 'I want to file a complaint', intent: { id: 'complaint', team: 'care', handoff: true }, signals: [] }));
    expect(d.reasons).toEqual(['intent_flagged']);
  });

  it('does not escalate on a flagged topic the bot only asked about ("did you mean…?")', () => {
    const input = turn({ text: 'phone bigriyo', intent: { id: 'complaint', team: 'care', handoff: true }, signals: [{ type: 'clarifying', intents: ['complaint', 'product_availability'] }] });
    expect(decideEscalation(input, DEFAULT_ESCALATION_CONFIG).escalate).toBe(false);
  });

  it('does not escalate on a flagged topic the message leaned to while the bot said it did not understand', () => {
    // "order no 48291" while the bot waits for the refund's order number: a format hint, and "order no" at 0.35 complaint.
    const input = turn({ text: 'order no 48291', intent: { id: 'complaint', team: 'care', handoff: true }, signals: [{ type: 'misunderstood', consecutive: 1 }] });
    expect(decideEscalation(input, DEFAULT_ESCALATION_CONFIG).escalate).toBe(false);
  });

  it('does not escalate on a flagged topic the bot answered as an act ("your agent already helped me thanks")', () => {
    const input = turn({ text: 'your agent already helped me thanks', intent: { id: 'human_agent', handoff: true }, signals: [{ type: 'act', act: 'thanks' }] });
    expect(decideEscalation(input, DEFAULT_ESCALATION_CONFIG).escalate).toBe(false);
  });

  it('escalates with intent_flagged on a handoff_intent signal alone', () => {
    const d = decided(turn({ intent: null, signals: [{ type: 'handoff_intent', intent: 'complaint' }] }));
    expect(d.reasons).toEqual(['intent_flagged']);
  });

  it('escalates with repeated_misunderstanding at the configured count', () => {
    const signals: DialogueSignal[] = [{ type: 'misunderstood', consecutive: 2 }, { type: 'misunderstood_twice' }];
    const d = decided(turn({ text: 'asdf', signals, consecutiveMisunderstandings: 2, intent: null }));
    expect(d.reasons).toEqual(['repeated_misunderstanding']);
  });

  it('waits one more turn when the bot answered the misunderstanding with the topics menu', () => {
    const signals: DialogueSignal[] = [{ type: 'misunderstood', consecutive: 2 }, { type: 'misunderstood_twice' }, { type: 'topics_offered', topics: ['order_status'] }];
    expect(decideEscalation(turn({ text: 'asdf', signals, consecutiveMisunderstandings: 2, intent: null }), config)).toEqual({ escalate: false });
  });

  it('escalates on the misunderstanding after the topics menu', () => {
    const d = decided(turn({ text: 'qwerty', signals: [{ type: 'misunderstood', consecutive: 3 }], consecutiveMisunderstandings: 3, intent: null }));
    expect(d.reasons).toEqual(['repeated_misunderstanding']);
  });

  it('still escalates a request for a person on a turn that offered the menu', () => {
    const signals: DialogueSignal[] = [{ type: 'misunderstood', consecutive: 2 }, { type: 'topics_offered', topics: ['order_status'] }];
    const d = decided(turn({ text: 'I want to talk to a human', signals, consecutiveMisunderstandings: 2, intent: null }));
    expect(d.reason).toBe('customer_requested');
  });

  it('never escalates a conversational act after one misunderstanding', () => {
    expect(decideEscalation(turn({ text: 'ok', signals: [{ type: 'act', act: 'ack' }], consecutiveMisunderstandings: 0, intent: null }), config)).toEqual({
      escalate: false,
    });
  });

  it('takes the misunderstanding count from the config', () => {
    const input = turn({ text: 'asdf', signals: [{ type: 'misunderstood', consecutive: 2 }], consecutiveMisunderstandings: 2, intent: null });
    expect(decideEscalation(input, { ...config, misunderstandingsBeforeHandoff: 3 })).toEqual({ escalate: false });
  });

  it('escalates with negative_sentiment at the configured anger threshold', () => {
    const d = decided(turn({ sentiment: { ...calm, anger: 0.6, label: 'negative', score: -0.6 } }));
    expect(d.reasons).toEqual(['negative_sentiment']);
  });

  it('leaves a question asked with an angry emoji to the bot before it reads the message', () => {
    const emoji: Sentiment = { score: -0.66, label: 'negative', anger: 0.66, abusive: false, matched: ['😡', '!!'] };
    const input = turn({ text: 'where is my order?? 😡', sentiment: emoji, signals: [], intent: null, beforeBot: true });
    expect(decideEscalation(input, config)).toEqual({ escalate: false });
  });

  it('keeps a question asked with an angry emoji with the bot when the bot answered it', () => {
    const emoji: Sentiment = { score: -0.6, label: 'negative', anger: 0.6, abusive: false, matched: ['😡'] };
    expect(decideEscalation(turn({ text: 'where is my order 😡', sentiment: emoji }), config)).toEqual({ escalate: false });
  });

  it('hands over anger shown only by an emoji when the bot did not answer the message', () => {
    const emoji: Sentiment = { score: -0.6, label: 'negative', anger: 0.6, abusive: false, matched: ['😡'] };
    const input = turn({ text: 'bla bla 😡', sentiment: emoji, signals: [{ type: 'misunderstood', consecutive: 1 }], consecutiveMisunderstandings: 1, intent: null });
    expect(decided(input).reasons).toEqual(['negative_sentiment']);
  });

  it('hands over anger in words before the bot reads the message, emoji or not', () => {
    const worded: Sentiment = { score: -0.9, label: 'negative', anger: 0.9, abusive: false, matched: ['anger:worst', '😡'] };
    const input = turn({ text: 'worst service, where is my order 😡', sentiment: worded, signals: [], intent: null, beforeBot: true });
    expect(decided(input).reasons).toEqual(['negative_sentiment']);
  });

  it('hands over an angry emoji sent alone before the bot reads it', () => {
    const emoji: Sentiment = { score: -0.6, label: 'negative', anger: 0.6, abusive: false, matched: ['😡'] };
    const input = turn({ text: '😡😡', sentiment: emoji, signals: [], intent: null, beforeBot: true });
    expect(decided(input).reasons).toEqual(['negative_sentiment']);
  });

  it('takes the anger threshold from the config', () => {
    const input = turn({ sentiment: { ...calm, anger: 0.7, label: 'negative', score: -0.7 } });
    expect(decideEscalation(input, { ...config, angerThreshold: 0.8 })).toEqual({ escalate: false });
  });

  it('escalates with abuse on abusive language', () => {
    const d = decided(turn({ sentiment: { ...calm, abusive: true, anger: 0.3 } }));
    expect(d.reasons).toEqual(['abuse']);
  });

  it('escalates with fulfillment_failed when the fulfillment failed', () => {
    const signals: DialogueSignal[] = [{ type: 'fulfillment_failed', intent: 'order_status', outcome: { kind: 'timeout', timeoutMs: 3000 }, slots: {} }];
    expect(decided(turn({ signals })).reasons).toEqual(['fulfillment_failed']);
  });

  it('escalates with fulfillment_failed when the fulfillment asked for a person', () => {
    const signals: DialogueSignal[] = [{ type: 'fulfillment_handoff', intent: 'refund_status', reason: 'refund over limit' }];
    expect(decided(turn({ signals })).reasons).toEqual(['fulfillment_failed']);
  });

  it('escalates a VIP with vip when the bot did not understand once', () => {
    const input = turn({ customer: { vip: true }, signals: [{ type: 'misunderstood', consecutive: 1 }], consecutiveMisunderstandings: 1, intent: null });
    expect(decided(input).reasons).toEqual(['vip']);
  });

  it('keeps a VIP with the bot when the bot answered', () => {
    expect(decideEscalation(turn({ customer: { vip: true } }), config)).toEqual({ escalate: false });
  });

  it('keeps a VIP with the bot on a clarifying question (no signal)', () => {
    expect(decideEscalation(turn({ customer: { vip: true }, signals: [], intent: null }), config)).toEqual({ escalate: false });
  });

  it('adds vip to any other trigger for a VIP customer', () => {
    const d = decided(turn({ customer: { vip: true }, text: 'agent please', signals: [] }));
    expect(d.reasons).toEqual(['customer_requested', 'vip']);
  });
});

describe('decideEscalation: precedence', () => {
  it('lists every reason that fired, main one first, in the documented order', () => {
    const d = decided(
      turn({
        text: 'get me a human you idiots',
        customer: { vip: true },
        sentiment: { ...calm, anger: 0.9, abusive: true, label: 'negative', score: -0.9 },
        intent: { id: 'human_agent', team: 'care', handoff: true },
        signals: [{ type: 'handoff_intent', intent: 'human_agent', team: 'care' }],
      }),
    );
    expect(d.reason).toBe('abuse');
    expect(d.reasons).toEqual(['abuse', 'negative_sentiment', 'customer_requested', 'intent_flagged', 'vip']);
  });

  it('prefers the customer request to the flagged intent it matched', () => {
    const d = decided(turn({ text: 'talk to an agent', intent: { id: 'human_agent', handoff: true }, signals: [] }));
    expect(d.reason).toBe('customer_requested');
    expect(d.reasons).toEqual(['customer_requested', 'intent_flagged']);
  });

  it('prefers a failed fulfillment to repeated misunderstanding', () => {
    const signals: DialogueSignal[] = [{ type: 'fulfillment_handoff', intent: 'refund_status' }];
    const d = decided(turn({ signals, consecutiveMisunderstandings: 2 }));
    expect(d.reasons).toEqual(['fulfillment_failed', 'repeated_misunderstanding']);
  });
});

describe('decideEscalation: team', () => {
  it("sends it to the intent's team", () => {
    expect(decided(turn({ intent: { id: 'bulk_order', team: 'sales', handoff: true }, signals: [] })).team).toBe('sales');
  });

  it('sends it to the team the fulfillment asked for', () => {
    const signals: DialogueSignal[] = [{ type: 'fulfillment_handoff', intent: 'refund_status', team: 'billing' }];
    expect(decided(turn({ signals, intent: { id: 'refund_status', team: 'care', handoff: false } })).team).toBe('billing');
  });

  it('sends it to the team named on the handoff_intent signal when no intent is given', () => {
    expect(decided(turn({ intent: null, signals: [{ type: 'handoff_intent', intent: 'bulk_order', team: 'sales' }] })).team).toBe('sales');
  });

  it('sends it to the configured default team when no intent names one', () => {
    const input = turn({ text: 'agent', signals: [], intent: null });
    expect(decided(input, { ...config, defaultTeam: 'frontline' }).team).toBe('frontline');
  });
});

describe('decideEscalation: priority', () => {
  it('takes the configured priority of the reason', () => {
    expect(decided(turn({ text: 'agent', signals: [], intent: null })).priority).toBe('normal');
  });

  it('takes the highest priority among the reasons', () => {
    const d = decided(turn({ text: 'agent', signals: [], intent: null, sentiment: { ...calm, anger: 0.8 } }));
    expect(d.priority).toBe('high');
  });

  it('raises a VIP one step above the highest reason', () => {
    const cfg: EscalationConfig = { ...config, priorityByReason: { ...config.priorityByReason, vip: 'low', customer_requested: 'normal' } };
    expect(decided(turn({ text: 'agent', signals: [], intent: null, customer: { vip: true } }), cfg).priority).toBe('high');
  });

  it('never raises above urgent', () => {
    const cfg: EscalationConfig = { ...config, priorityByReason: { ...config.priorityByReason, abuse: 'urgent' } };
    expect(decided(turn({ customer: { vip: true }, sentiment: { ...calm, abusive: true } }), cfg).priority).toBe('urgent');
  });

  it('follows the configured priorities, not built-in ones', () => {
    const cfg: EscalationConfig = { ...config, priorityByReason: { ...config.priorityByReason, customer_requested: 'low' } };
    expect(decided(turn({ text: 'agent', signals: [], intent: null }), cfg).priority).toBe('low');
  });
});
