import type { Conversation } from '../../../../src/conversations/types';
import { buildHandoffPacket, type PacketFacts } from '../../../../src/handoff/packet';

const NOW = Date.UTC(2026, 11, 6, 9, 0);

function facts(conversation: Partial<Conversation>, extra: Partial<PacketFacts> = {}): PacketFacts {
  return {
    conversation: {
      id: 'c1',
      ownerToken: 1,
      channel: 'whatsapp',
      customerAddress: 'whatsapp:+919800000001',
      status: 'queued',
      createdAt: NOW - 60_000,
      updatedAt: NOW,
      messageCount: 3,
      ...conversation,
    },
    decision: { escalate: true, reason: 'customer_requested', reasons: ['customer_requested'], team: 'care', priority: 'normal' },
    state: { slots: {}, recognised: [] },
    messages: [],
    sentiment: { score: 0, label: 'neutral', anger: 0, abusive: false, matched: [] },
    customer: { id: 'cu1', vip: false, addresses: [] },
    history: [],
    now: NOW,
    ...extra,
  };
}

test('a conversation that came from a phone call says when and where the caller was sent', () => {
  const packet = buildHandoffPacket(facts({ callDeflection: { at: NOW - 120_000, via: 'whatsapp', callSid: `CA${'0'.repeat(32)}` } }));
  expect(packet.cameFromCall).toEqual({ at: NOW - 120_000, via: 'whatsapp' });
});

test('without a call or a CRM answer the packet has neither field', () => {
  const packet = buildHandoffPacket(facts({}));
  expect(packet.cameFromCall).toBeUndefined();
  expect(packet.crm).toBeUndefined();
});

test("the CRM's record is carried into the packet with when it was fetched", () => {
  const crm = { name: 'Asha Kapoor', tier: 'Platinum', vip: true, lifetimeValue: { amount: 184500, currency: 'INR' }, fetchedAt: NOW - 5_000 };
  expect(buildHandoffPacket(facts({}, { crm })).crm).toEqual(crm);
});
