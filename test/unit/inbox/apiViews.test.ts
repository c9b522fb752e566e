import type { z } from 'zod';
import type { Conversation, Message } from '../../../src/conversations/types';
import type { Agent, HandoffPacket, WindowVerdict } from '../../../src/handoff/types';
import type { ConversationListItem, CustomerView } from '../../../src/inbox/contracts';
import { agentView } from '../../../src/inbox/api/schemas';
import {
  conversationListItemView,
  conversationView,
  handoffPacketView,
  messageView,
  windowVerdictView,
} from '../../../src/inbox/api/views';
import type { customerViewSchema } from '../../../src/identity/customerViewSchema';

/**
 * Compile-time: every field of the stored shape is in its API view and nothing else is (a field
 * missing from a view would be silently dropped from the answers, since answers go through it).
 */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : { onlyInStored: Exclude<keyof A, keyof B>; onlyInView: Exclude<keyof B, keyof A> };
const sameKeys: [
  SameKeys<Conversation, z.input<typeof conversationView>>,
  SameKeys<Message, z.input<typeof messageView>>,
  SameKeys<HandoffPacket, z.input<typeof handoffPacketView>>,
  SameKeys<WindowVerdict, z.input<typeof windowVerdictView>>,
  SameKeys<ConversationListItem, z.input<typeof conversationListItemView>>,
  SameKeys<Agent, z.input<typeof agentView>>,
  SameKeys<CustomerView, z.input<typeof customerViewSchema>>,
] = [true, true, true, true, true, true, true];
// …and every stored value is accepted by its view.
const accepts: [
  (c: Conversation) => z.input<typeof conversationView>,
  (m: Message) => z.input<typeof messageView>,
  (p: HandoffPacket) => z.input<typeof handoffPacketView>,
  (i: ConversationListItem) => z.input<typeof conversationListItemView>,
] = [(c) => c, (m) => m, (p) => p, (i) => i];

const AT = Date.parse('2025-03-01T09:30:00.000Z');

describe('the API shows times as ISO 8601 strings', () => {
  test('the views cover every stored field (checked by the compiler)', () => {
    expect(sameKeys.every((x) => x === true)).toBe(true);
    expect(accepts).toHaveLength(4);
  });

  test('a conversation\'s epoch-millisecond times become ISO strings, everything else unchanged', () => {
    const stored: Conversation = {
      id: 'c_1',
      ownerToken: 2,
      channel: 'whatsapp',
      customerAddress: 'whatsapp:+919812345678',
      status: 'queued',
      team: 'care',
      queuedAt: AT + 1000,
      csat: { status: 'answered', scale: 'csat5', score: 4, askedAt: AT, answeredAt: AT + 60_000 },
      createdAt: AT,
      updatedAt: AT + 2000,
      messageCount: 3,
    };
    expect(conversationView.parse(stored)).toEqual({
      ...stored,
      queuedAt: '2025-03-01T09:30:01.000Z',
      csat: { status: 'answered', scale: 'csat5', score: 4, askedAt: '2025-03-01T09:30:00.000Z', answeredAt: '2025-03-01T09:31:00.000Z' },
      createdAt: '2025-03-01T09:30:00.000Z',
      updatedAt: '2025-03-01T09:30:02.000Z',
    });
  });

  test('a message keeps its media, meta and status, with ISO times', () => {
    const stored: Message = {
      id: 'm_1',
      conversationId: 'c_1',
      direction: 'inbound',
      author: 'customer',
      text: 'mera order kab aayega',
      media: [{ url: 'https://api.twilio.com/x/Media/ME1', contentType: 'image/jpeg', kind: 'image' }],
      status: 'received',
      createdAt: AT,
      updatedAt: AT,
      meta: { intent: 'order_status', confidence: 0.91, note: false },
    };
    expect(messageView.parse(stored)).toEqual({ ...stored, createdAt: '2025-03-01T09:30:00.000Z', updatedAt: '2025-03-01T09:30:00.000Z' });
  });

  test('a window verdict\'s closing times become ISO strings', () => {
    expect(windowVerdictView.parse({ allowed: true, humanAgentTag: true, closesAt: AT, humanAgentClosesAt: AT + 7 * 86_400_000 })).toEqual({
      allowed: true,
      humanAgentTag: true,
      closesAt: '2025-03-01T09:30:00.000Z',
      humanAgentClosesAt: '2025-03-08T09:30:00.000Z',
    });
  });

  test('an agent is sent without anything the view does not list (no password hash can leak)', () => {
    const stored = { id: 'ag_1', email: 'a@b.c', name: 'A', role: 'agent', teams: ['care'], capacity: 3, presence: 'online', disabled: false, createdAt: AT, passwordHash: 'scrypt$…' };
    expect(agentView.parse(stored)).not.toHaveProperty('passwordHash');
  });
});
