import { createIdentityPort } from '../../../src/identity/identityPort';
import type { ConversationSummary } from '../../../src/identity/types';
import type { Logger } from '../../../src/logger';
import { identityOn, mockRedisPair, PSID, WA, wrongCodeFor, type RedisPair } from './support';

const quietLogger = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined } as unknown as Logger;

describe('createIdentityPort (what the handoff core calls)', () => {
  let pair: RedisPair;
  let id: ReturnType<typeof identityOn>;
  const conversations = new Map<string, ConversationSummary>();
  let port: ReturnType<typeof createIdentityPort>;

  beforeEach(async () => {
    pair = await mockRedisPair();
    id = identityOn(pair.a);
    conversations.clear();
    port = createIdentityPort({
      store: id.store,
      verification: id.verification,
      conversationLookup: async (cid) => conversations.get(cid) ?? null,
      vipList: () => [WA],
      logger: quietLogger,
    });
  });
  afterEach(async () => {
    await pair.close();
  });

  it('answers a wrong code in the conversation’s language and marks the message handled', async () => {
    const c = await port.customerFor({ channel: 'messenger', address: PSID });
    await id.verification.start({ customerId: c.id, fromChannel: 'messenger', fromAddress: PSID, targetChannel: 'whatsapp', targetAddress: WA, actor: 'ag_1' });
    const r = await port.tryConfirm({ channel: 'messenger', address: PSID, text: wrongCodeFor(id.sent[0]!.code), language: 'hi-Latn' });
    expect(r).toEqual({ handled: true, reply: 'Yeh code sahi nahi hai. 4 koshishein baaki hain.' });
  });

  it('leaves ordinary messages to the bot', async () => {
    await port.customerFor({ channel: 'messenger', address: PSID });
    expect(await port.tryConfirm({ channel: 'messenger', address: PSID, text: 'where is my order?', language: 'en' })).toEqual({ handled: false });
  });

  it('reads VIP from the configured list', async () => {
    const c = await port.customerFor({ channel: 'whatsapp', address: WA });
    expect(await port.isVip(c.id)).toBe(true);
  });

  it('gives the packet the customer and their other conversations, not the current one', async () => {
    const c = await port.customerFor({ channel: 'whatsapp', address: WA, name: 'Asha' });
    await port.attachConversation(c.id, 'c_old', 'whatsapp', 1000);
    await port.attachConversation(c.id, 'c_now', 'whatsapp', 5000);
    conversations.set('c_old', { id: 'c_old', channel: 'whatsapp', status: 'resolved', createdAt: 1000, customerAddress: WA, lastMessageAt: 1500, lastMessagePreview: 'thanks' });
    const packet = await port.packetCustomer(c.id, 'c_now');
    expect(packet).toEqual({
      customer: { id: c.id, name: 'Asha', vip: true, addresses: [{ channel: 'whatsapp', address: WA, verified: true }] },
      history: [{ conversationId: 'c_old', channel: 'whatsapp', status: 'resolved', startedAt: 1000, lastMessageAt: 1500, preview: 'thanks' }],
    });
  });
});
