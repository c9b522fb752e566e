import type { Conversation, Message } from '../../../../src/conversations/types';
import { buildHandoffPacket, collapseRepeats, type PacketFacts, summarise } from '../../../../src/handoff/packet';
import { handoffPacketSchema } from '../../../../src/handoff/types';

const NOW = Date.UTC(2025, 10, 21, 9, 30);

function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c-current',
    ownerToken: 3,
    channel: 'whatsapp',
    customerAddress: 'whatsapp:+919800000001',
    customerName: 'Asha K',
    status: 'bot',
    language: 'hi-Latn',
    createdAt: NOW - 600_000,
    updatedAt: NOW,
    messageCount: 6,
    ...overrides,
  };
}

function message(n: number, overrides: Partial<Message>): Message {
  return {
    id: `m${n}`,
    conversationId: 'c-current',
    direction: 'outbound',
    author: 'bot',
    media: [],
    status: 'delivered',
    createdAt: NOW - 100_000 + n * 1000,
    updatedAt: NOW,
    ...overrides,
  };
}

function facts(overrides: Partial<PacketFacts> = {}): PacketFacts {
  return {
    conversation: conversation(),
    decision: { escalate: true, reason: 'customer_requested', reasons: ['customer_requested'], team: 'care', priority: 'normal' },
    state: {
      language: 'hi-Latn',
      slots: { order_number: 'SG-482913' },
      recognised: [
        { intent: 'order_status', confidence: 0.91, at: NOW - 60_000 },
        { intent: 'human_agent', confidence: 0.88, at: NOW - 1000 },
      ],
    },
    messages: [
      message(1, { direction: 'inbound', author: 'customer', text: 'mera order kahan hai' }),
      message(2, { text: 'Order number bataiye', meta: { intent: 'order_status' } }),
      message(3, { direction: 'inbound', author: 'customer', text: 'SG-482913' }),
      message(4, { text: 'Order SG-482913: aap ise My Orders mein track kar sakte hain.', meta: { intent: 'order_status' } }),
      message(5, { direction: 'internal', author: 'system', text: 'escalated' }),
      message(6, { direction: 'outbound', author: 'bot', media: [{ url: 'https://x/y.png', kind: 'image' }] }),
    ],
    sentiment: { score: -0.7, label: 'negative', anger: 0.7, abusive: false, matched: ['anger:bakwas'] },
    customer: { id: 'cust-1', name: 'Asha', vip: false, addresses: [{ channel: 'whatsapp', address: 'whatsapp:+919800000001', verified: true }] },
    history: [
      { conversationId: 'c-older', channel: 'messenger', status: 'resolved', startedAt: NOW - 86_400_000 * 30 },
      { conversationId: 'c-old', channel: 'messenger', status: 'resolved', startedAt: NOW - 86_400_000 * 9, preview: 'refund?' },
      { conversationId: 'c-current', channel: 'whatsapp', status: 'bot', startedAt: NOW - 600_000 },
    ],
    now: NOW,
    ...overrides,
  };
}

describe('collapseRepeats', () => {
  it('keeps one entry, the latest, for an intent recognised on consecutive turns', () => {
    const r = collapseRepeats([
      { intent: 'order_status', at: 1 },
      { intent: 'order_status', at: 2 },
      { intent: 'refund_status', at: 3 },
      { intent: 'order_status', at: 4 },
    ]);
    expect(r).toEqual([
      { intent: 'order_status', at: 2 },
      { intent: 'refund_status', at: 3 },
      { intent: 'order_status', at: 4 },
    ]);
  });
});

describe('buildHandoffPacket', () => {
  it('carries the decision, channel, language and creation time', () => {
    const p = buildHandoffPacket(facts());
    expect(p).toMatchObject({
      conversationId: 'c-current',
      channel: 'whatsapp',
      reason: 'customer_requested',
      reasons: ['customer_requested'],
      team: 'care',
      priority: 'normal',
      language: 'hi-Latn',
      createdAt: NOW,
    });
  });

  it('keeps the slots the customer already gave and the intents recognised, newest last', () => {
    const p = buildHandoffPacket(facts());
    expect(p.slots).toEqual({ order_number: 'SG-482913' });
    expect(p.intents.map((i) => i.intent)).toEqual(['order_status', 'human_agent']);
  });

  it('carries the fact sheet as given, newest first, unverified values marked', () => {
    const sheet = [
      { kind: 'phone' as const, value: '+919876543210', verified: true, messageId: 'm3', at: new Date(NOW - 2000).toISOString() },
      { kind: 'order_number' as const, value: 'SG-4829', verified: false, messageId: 'm1', at: new Date(NOW - 9000).toISOString() },
    ];
    expect(buildHandoffPacket(facts({ facts: sheet })).facts).toEqual(sheet);
  });

  it('names in the summary the order number and product of the sheet that no slot holds', () => {
    const sheet = [
      { kind: 'product' as const, value: 'Washing machine', verified: true, messageId: 'm3', at: new Date(NOW - 2000).toISOString() },
      { kind: 'order_number' as const, value: 'SG-777111', verified: true, messageId: 'm1', at: new Date(NOW - 9000).toISOString() },
      { kind: 'order_number' as const, value: 'SG-4829', verified: false, messageId: 'm1', at: new Date(NOW - 9000).toISOString() },
    ];
    const p = buildHandoffPacket(facts({ state: { language: 'en', slots: {}, recognised: [] }, facts: sheet }));
    expect(p.summary).toContain('order SG-777111');
    expect(p.summary).toContain('product Washing machine');
    expect(p.summary).not.toContain('SG-4829');
    expect(p.slots).toEqual({});
  });

  it('carries an empty fact sheet when none was given, and reads back a packet stored before facts existed', () => {
    const p = buildHandoffPacket(facts());
    expect(p.facts).toEqual([]);
    const { facts: _dropped, ...older } = p;
    expect(handoffPacketSchema.parse(older).facts).toEqual([]);
  });

  it('lists bot answers with text, with their intent, and nothing the customer or the system wrote', () => {
    const p = buildHandoffPacket(facts());
    expect(p.answered).toEqual([
      { intent: 'order_status', text: 'Order number bataiye', at: NOW - 98_000 },
      { intent: 'order_status', text: 'Order SG-482913: aap ise My Orders mein track kar sakte hain.', at: NOW - 96_000 },
    ]);
  });

  it('keeps only the last 10 bot answers, oldest first', () => {
    const messages = Array.from({ length: 14 }, (_, i) => message(i, { text: `answer ${i}` })).reverse();
    const p = buildHandoffPacket(facts({ messages }));
    expect(p.answered.map((a) => a.text)).toEqual(Array.from({ length: 10 }, (_, i) => `answer ${i + 4}`));
  });

  it('keeps at most 10 earlier conversations, the newest', () => {
    const history = Array.from({ length: 12 }, (_, i) => ({ conversationId: `h${i}`, channel: 'whatsapp', status: 'resolved', startedAt: NOW - i * 1000 }));
    expect(buildHandoffPacket(facts({ history })).history.map((h) => h.conversationId)).toEqual(history.slice(0, 10).map((h) => h.conversationId));
  });

  it('lists the other conversations newest first, without the current one', () => {
    const p = buildHandoffPacket(facts());
    expect(p.history).toEqual([
      { conversationId: 'c-old', channel: 'messenger', status: 'resolved', startedAt: NOW - 86_400_000 * 9, preview: 'refund?' },
      { conversationId: 'c-older', channel: 'messenger', status: 'resolved', startedAt: NOW - 86_400_000 * 30 },
    ]);
  });

  it('keeps the sentiment without the matched words', () => {
    expect(buildHandoffPacket(facts()).sentiment).toEqual({ score: -0.7, label: 'negative', anger: 0.7 });
  });

  it("falls back to the conversation's customer name when the customer record has none", () => {
    const p = buildHandoffPacket(facts({ customer: { id: 'cust-1', vip: false, addresses: [] } }));
    expect(p.customer.name).toBe('Asha K');
  });

  it('refuses to build a packet that does not match the schema', () => {
    const bad = facts({ conversation: conversation({ channel: 'telegram' as never }) });
    expect(() => buildHandoffPacket(bad)).toThrow();
  });

  it('writes the one-line summary from the facts', () => {
    const p = buildHandoffPacket(
      facts({
        decision: {
          escalate: true,
          reason: 'negative_sentiment',
          reasons: ['negative_sentiment', 'customer_requested', 'intent_flagged'],
          team: 'care',
          priority: 'high',
        },
      }),
    );
    expect(p.summary).toBe('Asha (WhatsApp, Hinglish) asked for a person after order status; order SG-482913 given; angry; 2 earlier conversations (Messenger).');
  });
});

describe('summarise', () => {
  const base = () => {
    const { summary: _summary, ...rest } = buildHandoffPacket(facts());
    return rest;
  };

  it('names a VIP, the channel and the language', () => {
    expect(summarise({ ...base(), customer: { ...base().customer, vip: true } })).toMatch(/^Asha \(VIP, WhatsApp, Hinglish\) /);
  });

  it('says "Customer" when the name is unknown', () => {
    expect(summarise({ ...base(), customer: { id: 'x', vip: false, addresses: [] } })).toMatch(/^Customer \(WhatsApp, Hinglish\) /);
  });

  it('describes a flagged intent by its id in words', () => {
    const s = summarise({ ...base(), reason: 'intent_flagged', reasons: ['intent_flagged'], intents: [{ intent: 'bulk_order', confidence: 0.9, at: NOW }] });
    expect(s).toContain('needs a person for bulk order');
  });

  it('describes repeated misunderstanding and a first conversation without history', () => {
    const s = summarise({ ...base(), reason: 'repeated_misunderstanding', reasons: ['repeated_misunderstanding'], history: [], answered: [], slots: {} });
    expect(s).toBe('Asha (WhatsApp, Hinglish) was not understood by the bot twice or more; unhappy.');
  });

  it('puts abuse first when it is the only story', () => {
    const s = summarise({ ...base(), reason: 'abuse', reasons: ['abuse'], sentiment: { label: 'negative', score: -0.8, anger: 0.6 } });
    expect(s).toMatch(/^Asha \(WhatsApp, Hinglish\) used abusive language after order status;/);
  });

  it('stays within 200 characters, dropping details before cutting', () => {
    const slots = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`reference_${i}`, `REF-${'9'.repeat(20)}-${i}`]));
    const s = summarise({ ...base(), customer: { ...base().customer, name: 'A'.repeat(60) }, slots });
    expect(s.length).toBeLessThanOrEqual(200);
    expect(s).toContain('reference 0 REF-');
    expect(s).not.toContain('reference 1 REF-');
  });

  it('cuts with an ellipsis only when even the shortest line is too long', () => {
    const s = summarise({ ...base(), customer: { ...base().customer, name: 'B'.repeat(250) } });
    expect(s).toHaveLength(200);
    expect(s.endsWith('…')).toBe(true);
  });
});
