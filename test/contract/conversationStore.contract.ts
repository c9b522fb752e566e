import type { ConversationStore } from '../../src/conversations/conversationStore';
import type { NewMessage } from '../../src/conversations/types';

export interface StoreHarness {
  store: ConversationStore;
  /** A second store on the same backing data (another server instance). */
  sibling: ConversationStore;
  close(): Promise<void>;
}

const inbound = (text: string, pid: string): NewMessage => ({
  direction: 'inbound',
  author: 'customer',
  text,
  media: [],
  platformMessageId: pid,
  status: 'received',
});

const outbound = (text: string): NewMessage => ({ direction: 'outbound', author: 'bot', text, media: [], status: 'pending' });

/** The behaviour every ConversationStore must show, whatever holds the data. */
export function conversationStoreContract(makeHarness: () => Promise<StoreHarness>): void {
  let h: StoreHarness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const open = (address = 'whatsapp:+919812345678') =>
    h.store.findOrOpen({ channel: 'whatsapp', customerAddress: address, customerName: 'Asha' });

  test('opens a conversation for a new customer address in bot status', async () => {
    const { conversation, opened } = await open();
    expect(opened).toBe(true);
    expect(conversation).toMatchObject({ channel: 'whatsapp', customerAddress: 'whatsapp:+919812345678', status: 'bot', messageCount: 0, customerName: 'Asha' });
  });

  test('finds the same conversation again for the same channel and address', async () => {
    const a = await open();
    const b = await open();
    expect(b.opened).toBe(false);
    expect(b.conversation.id).toBe(a.conversation.id);
  });

  test('opens one conversation when two instances race for the same new address', async () => {
    const results = await Promise.all([
      h.store.findOrOpen({ channel: 'messenger', customerAddress: 'psid-1' }),
      h.sibling.findOrOpen({ channel: 'messenger', customerAddress: 'psid-1' }),
      h.store.findOrOpen({ channel: 'messenger', customerAddress: 'psid-1' }),
    ]);
    expect(new Set(results.map((r) => r.conversation.id)).size).toBe(1);
    expect(results.filter((r) => r.opened)).toHaveLength(1);
  });

  test('keeps different channels apart for the same address string', async () => {
    const a = await h.store.findOrOpen({ channel: 'whatsapp', customerAddress: 'x' });
    const b = await h.store.findOrOpen({ channel: 'messenger', customerAddress: 'x' });
    expect(a.conversation.id).not.toBe(b.conversation.id);
  });

  test('appends messages to the transcript in order with their authors and directions', async () => {
    const { conversation } = await open();
    await h.store.appendMessage(conversation, inbound('hello', 'SM1'));
    await h.store.appendMessage(conversation, outbound('hi, how can I help?'));
    await h.store.appendMessage(conversation, inbound('where is my order', 'SM2'));
    const msgs = await h.store.listMessages(conversation.id);
    expect(msgs.map((m) => [m.direction, m.author, m.text])).toEqual([
      ['inbound', 'customer', 'hello'],
      ['outbound', 'bot', 'hi, how can I help?'],
      ['inbound', 'customer', 'where is my order'],
    ]);
  });

  test('records a platform message id once even when appended twice', async () => {
    const { conversation } = await open();
    const first = await h.store.appendMessage(conversation, inbound('hello', 'SM1'));
    const again = await h.sibling.appendMessage(conversation, inbound('hello', 'SM1'));
    expect(again.duplicate).toBe(true);
    expect(again.message.id).toBe(first.message.id);
    expect(await h.store.listMessages(conversation.id)).toHaveLength(1);
  });

  test('keeps media, location and quick replies on a message', async () => {
    const { conversation } = await open();
    await h.store.appendMessage(conversation, {
      ...inbound('', 'MM1'),
      text: undefined,
      media: [{ url: 'https://api.twilio.com/x/Media/ME1', contentType: 'image/jpeg', kind: 'image' }],
      location: { latitude: 28.6, longitude: 77.2, label: 'Home' },
    });
    await h.store.appendMessage(conversation, { ...outbound('pick one'), quickReplies: [{ title: 'A', payload: 'intent:a' }] });
    const [m1, m2] = await h.store.listMessages(conversation.id);
    expect(m1!.media[0]).toEqual({ url: 'https://api.twilio.com/x/Media/ME1', contentType: 'image/jpeg', kind: 'image' });
    expect(m1!.location).toEqual({ latitude: 28.6, longitude: 77.2, label: 'Home' });
    expect(m2!.quickReplies).toEqual([{ title: 'A', payload: 'intent:a' }]);
  });

  test("keeps the customer's last words apart from the messages Baton or an agent sent after them", async () => {
    const { conversation } = await open();
    await h.store.appendMessage(conversation, inbound('my parcel never came', 'SM1'));
    await h.store.appendMessage(conversation, outbound('A person from our team will be with you shortly'));
    const c = (await h.store.get(conversation.id))!;
    expect(c.lastInboundPreview).toBe('my parcel never came');
    expect(c.lastMessagePreview).toBe('A person from our team will be with you shortly');
  });

  test('updates the conversation summary when a message is appended', async () => {
    const { conversation } = await open();
    await h.store.appendMessage(conversation, { ...inbound('where is my order', 'SM1'), createdAt: 1_700_000_000_000 });
    const c = (await h.store.get(conversation.id))!;
    expect(c.messageCount).toBe(1);
    expect(c.lastInboundAt).toBe(1_700_000_000_000);
    expect(c.lastMessagePreview).toBe('where is my order');
  });

  test('finds a message by its platform id once the send attached it', async () => {
    const { conversation } = await open();
    const { message } = await h.store.appendMessage(conversation, outbound('hi'));
    await h.store.attachPlatformId(message.id, 'whatsapp', 'SMout1', 'queued');
    const found = await h.sibling.findMessageByPlatformId('whatsapp', 'SMout1');
    expect(found).toMatchObject({ id: message.id, status: 'queued', platformMessageId: 'SMout1' });
  });

  test('moves a delivery status only forward, whatever order callbacks arrive in', async () => {
    const { conversation } = await open();
    const { message } = await h.store.appendMessage(conversation, outbound('hi'));
    await h.store.attachPlatformId(message.id, 'whatsapp', 'SMout2', 'queued');
    expect((await h.store.updateStatusByPlatformId('whatsapp', 'SMout2', 'read')).outcome).toBe('applied');
    expect((await h.store.updateStatusByPlatformId('whatsapp', 'SMout2', 'delivered')).outcome).toBe('stale');
    expect((await h.store.updateStatusByPlatformId('whatsapp', 'SMout2', 'sent')).outcome).toBe('stale');
    expect((await h.store.getMessage(message.id))!.status).toBe('read');
  });

  test('records failure with the platform error code', async () => {
    const { conversation } = await open();
    const { message } = await h.store.appendMessage(conversation, outbound('hi'));
    await h.store.attachPlatformId(message.id, 'whatsapp', 'SMout3', 'queued');
    await h.store.updateStatusByPlatformId('whatsapp', 'SMout3', 'failed', { code: '63016', message: 'Outside window' });
    const m = (await h.store.getMessage(message.id))!;
    expect(m).toMatchObject({ status: 'failed', errorCode: '63016', errorMessage: 'Outside window' });
  });

  test('applies a status that arrived before the send was recorded, once it is', async () => {
    const { conversation } = await open();
    expect((await h.store.updateStatusByPlatformId('whatsapp', 'SMearly', 'delivered')).outcome).toBe('parked');
    const { message } = await h.store.appendMessage(conversation, outbound('hi'));
    await h.store.attachPlatformId(message.id, 'whatsapp', 'SMearly', 'queued');
    expect((await h.store.getMessage(message.id))!.status).toBe('delivered');
  });

  test('a receipt that names the message moves it forward without a platform id index', async () => {
    const { conversation } = await open();
    const { message } = await h.store.appendMessage(conversation, outbound('hi'));
    await h.store.attachPlatformId(message.id, 'whatsapp', 'SMnamed1', 'queued', { index: false });
    expect(await h.sibling.findMessageByPlatformId('whatsapp', 'SMnamed1')).toBeNull();
    expect(await h.sibling.updateStatusByPlatformId('whatsapp', 'SMnamed1', 'delivered', undefined, message.id)).toMatchObject({ outcome: 'applied', message: { id: message.id, status: 'delivered' } });
    expect((await h.store.updateStatusByPlatformId('whatsapp', 'SMnamed1', 'sent', undefined, message.id)).outcome).toBe('stale');
  });

  test('a receipt that names the message before its send was recorded is applied once it is', async () => {
    const { conversation } = await open();
    const { message } = await h.store.appendMessage(conversation, outbound('hi'));
    expect((await h.store.updateStatusByPlatformId('whatsapp', 'SMnamed2', 'failed', { code: '63016', message: 'Outside | window' }, message.id)).outcome).toBe('parked');
    expect((await h.store.getMessage(message.id))!.status).toBe('pending');
    const attached = await h.sibling.attachPlatformId(message.id, 'whatsapp', 'SMnamed2', 'queued', { index: false });
    expect(attached).toMatchObject({ status: 'failed', errorCode: '63016', errorMessage: 'Outside / window', platformMessageId: 'SMnamed2' });
  });

  test("a receipt that names the message but another platform id (an earlier part, another copy) leaves the message alone", async () => {
    const { conversation } = await open();
    const { message } = await h.store.appendMessage(conversation, outbound('hi'));
    await h.store.attachPlatformId(message.id, 'whatsapp', 'SMnamed3', 'sent', { index: false });
    expect((await h.store.updateStatusByPlatformId('whatsapp', 'SMother3', 'undelivered', { code: '63024' }, message.id)).outcome).toBe('parked');
    expect(await h.store.getMessage(message.id)).toMatchObject({ status: 'sent', platformMessageId: 'SMnamed3' });
  });

  test('recognises a platform id appended again after the replies that followed it (a replayed turn)', async () => {
    const { conversation } = await open();
    const first = await h.store.appendMessage(conversation, inbound('hello', 'SMreplay'));
    for (let i = 0; i < 5; i++) await h.store.appendMessage(conversation, outbound(`reply ${i}`));
    const again = await h.sibling.appendMessage(conversation, inbound('hello', 'SMreplay'));
    expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id, text: 'hello' } });
    expect(await h.store.listMessages(conversation.id)).toHaveLength(6);
  });

  test('marks sent messages up to a watermark as read and leaves later ones alone', async () => {
    const { conversation } = await open();
    const early = await h.store.appendMessage(conversation, { ...outbound('one'), createdAt: 1000 });
    const late = await h.store.appendMessage(conversation, { ...outbound('two'), createdAt: 3000 });
    await h.store.attachPlatformId(early.message.id, 'whatsapp', 'mid1', 'sent');
    await h.store.attachPlatformId(late.message.id, 'whatsapp', 'mid2', 'sent');
    expect(await h.store.applyWatermark(conversation.id, 'read', 2000)).toBe(1);
    expect((await h.store.getMessage(early.message.id))!.status).toBe('read');
    expect((await h.store.getMessage(late.message.id))!.status).toBe('sent');
  });

  test('updates conversation fields and lists by status, newest first', async () => {
    const a = (await open('whatsapp:+911111111111')).conversation;
    const b = (await open('whatsapp:+912222222222')).conversation;
    await h.store.transition(a.id, { from: ['bot'], to: 'queued', set: { team: 'care' } });
    await h.store.update(a.id, { language: 'ur' });
    const queued = await h.sibling.list({ status: 'queued' });
    expect(queued.map((c) => c.id)).toEqual([a.id]);
    expect(queued[0]!.language).toBe('ur');
    const all = await h.store.list();
    expect(all.map((c) => c.id)).toEqual([a.id, b.id]);
  });

  test('refuses to update a conversation that does not exist', async () => {
    await expect(h.store.update('c_missing', { language: 'hi' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('keeps the bot state of a conversation', async () => {
    const { conversation } = await open();
    expect(await h.store.getBotState(conversation.id)).toBeNull();
    await h.store.setBotState(conversation.id, '{"language":"hi"}');
    expect(await h.sibling.getBotState(conversation.id)).toBe('{"language":"hi"}');
  });

  test('returns only the newest messages when a limit is given', async () => {
    const { conversation } = await open();
    for (let i = 0; i < 5; i++) await h.store.appendMessage(conversation, inbound(`m${i}`, `SM${i}`));
    const last2 = await h.store.listMessages(conversation.id, { limit: 2 });
    expect(last2.map((m) => m.text)).toEqual(['m3', 'm4']);
  });

  describe('what writes return', () => {
    test('opening returns the conversation as it is stored', async () => {
      const { conversation } = await open();
      expect(conversation).toEqual(await h.sibling.get(conversation.id));
    });

    test('finding again returns the conversation as another instance last left it', async () => {
      const { conversation } = await open();
      await open();
      await h.sibling.update(conversation.id, { language: 'ur' });
      await h.sibling.appendMessage(conversation, inbound('salaam', 'SM1'));
      const again = await open();
      expect(again.conversation).toMatchObject({ language: 'ur', messageCount: 1, lastMessagePreview: 'salaam' });
      expect(again.conversation).toEqual(await h.store.get(conversation.id));
    });

    test('finding a conversation another instance opened returns it as it is stored', async () => {
      const { conversation } = await h.sibling.findOrOpen({ channel: 'whatsapp', customerAddress: 'whatsapp:+919800000001' });
      await h.sibling.update(conversation.id, { language: 'hi' });
      const found = await h.store.findOrOpen({ channel: 'whatsapp', customerAddress: 'whatsapp:+919800000001' });
      expect(found.opened).toBe(false);
      expect(found.conversation).toEqual(await h.sibling.get(conversation.id));
    });

    test('a new customer name given when finding again is kept', async () => {
      const { conversation } = await open();
      const again = await h.store.findOrOpen({ channel: 'whatsapp', customerAddress: conversation.customerAddress, customerName: 'Asha K' });
      expect(again.conversation.customerName).toBe('Asha K');
      expect((await h.sibling.get(conversation.id))!.customerName).toBe('Asha K');
    });

    test('appending returns the message as it is stored', async () => {
      const { conversation } = await open();
      const { message } = await h.store.appendMessage(conversation, {
        ...inbound('see this', 'MM9'),
        media: [{ url: 'https://example.com/a.jpg', contentType: 'image/jpeg', kind: 'image' }],
        location: { latitude: 28.6, longitude: 77.2 },
        meta: { recordedOnly: true, messageType: 'image' },
        createdAt: 1_700_000_000_000,
      });
      const { message: reply } = await h.store.appendMessage(conversation, { ...outbound('pick one'), quickReplies: [{ title: 'A', payload: 'a' }] });
      expect(message).toEqual(await h.sibling.getMessage(message.id));
      expect(reply).toEqual(await h.sibling.getMessage(reply.id));
    });

    test('appending returns the conversation as the append left it when asked', async () => {
      const { conversation } = await open();
      const first = await h.store.appendMessage(conversation, inbound('hello', 'SM1'), { returnConversation: true });
      expect(first.conversation).toMatchObject({ messageCount: 1, lastMessagePreview: 'hello' });
      expect(first.conversation).toEqual(await h.sibling.get(conversation.id));
      const again = await h.sibling.appendMessage(conversation, inbound('hello', 'SM1'), { returnConversation: true });
      expect(again.duplicate).toBe(true);
      expect(again.conversation).toEqual(first.conversation);
    });

    test('appending leaves the conversation out of the result unless asked', async () => {
      const { conversation } = await open();
      const r = await h.store.appendMessage(conversation, inbound('hello', 'SM1'));
      expect(r.conversation).toBeUndefined();
    });

    test('updating returns the conversation as it is stored', async () => {
      const { conversation } = await open();
      const updated = await h.store.update(conversation.id, { language: 'ne', customerId: 'cu_1' });
      expect(updated).toMatchObject({ language: 'ne', customerId: 'cu_1' });
      expect(updated).toEqual(await h.sibling.get(conversation.id));
    });

    test('attaching a platform id returns the message with a status parked for it applied', async () => {
      const { conversation } = await open();
      await h.store.updateStatusByPlatformId('whatsapp', 'SMearly2', 'read');
      const { message } = await h.store.appendMessage(conversation, outbound('hi'));
      const attached = await h.store.attachPlatformId(message.id, 'whatsapp', 'SMearly2', 'queued');
      expect(attached).toMatchObject({ status: 'read', platformMessageId: 'SMearly2' });
      expect(attached).toEqual(await h.sibling.getMessage(message.id));
    });

    test('a status update returns the message as it now is', async () => {
      const { conversation } = await open();
      const { message } = await h.store.appendMessage(conversation, outbound('hi'));
      await h.store.attachPlatformId(message.id, 'whatsapp', 'SMout9', 'queued');
      const applied = await h.store.updateStatusByPlatformId('whatsapp', 'SMout9', 'delivered');
      expect(applied.outcome === 'applied' && applied.message).toEqual(await h.sibling.getMessage(message.id));
      const stale = await h.store.updateStatusByPlatformId('whatsapp', 'SMout9', 'sent');
      expect(stale.outcome === 'stale' && stale.message.status).toBe('delivered');
    });

    test('a change of owner returns the conversation as it is stored, refused or not', async () => {
      const { conversation } = await open();
      const moved = await h.store.transition(conversation.id, { from: ['bot'], to: 'queued', set: { team: 'care' } });
      expect(moved.conversation).toEqual(await h.sibling.get(conversation.id));
      const refused = await h.store.transition(conversation.id, { from: ['bot'], to: 'resolved' });
      expect(refused).toMatchObject({ ok: false, why: 'status' });
      expect(refused.conversation).toEqual(await h.sibling.get(conversation.id));
    });
  });

  describe('ownership', () => {
    const queue = (id: string, team = 'care', priority = 'normal', at = Date.now()) =>
      h.store.transition(id, { from: ['bot'], to: 'queued', set: { team, priority, queuedAt: at, escalatedAt: at } });

    test('a new conversation is owned by the bot with token 0', async () => {
      const { conversation } = await open();
      expect(conversation).toMatchObject({ status: 'bot', ownerToken: 0 });
    });

    test('every change of owner grows the token', async () => {
      const { conversation } = await open();
      const q = await queue(conversation.id);
      expect(q.ok && q.conversation.ownerToken).toBe(1);
      const a = await h.store.transition(conversation.id, { from: ['queued'], to: 'assigned', set: { assigneeId: 'ag1' } });
      expect(a.ok && a.conversation.ownerToken).toBe(2);
    });

    test('refuses a change from a status it does not expect and changes nothing', async () => {
      const { conversation } = await open();
      const r = await h.store.transition(conversation.id, { from: ['queued'], to: 'assigned', set: { assigneeId: 'ag1' } });
      expect(r).toMatchObject({ ok: false, why: 'status' });
      expect((await h.store.get(conversation.id))!).toMatchObject({ status: 'bot', ownerToken: 0 });
    });

    test('refuses a change decided under an older token', async () => {
      const { conversation } = await open();
      await queue(conversation.id);
      const r = await h.sibling.transition(conversation.id, { from: ['queued'], expectToken: 0, to: 'assigned', set: { assigneeId: 'ag1' } });
      expect(r).toMatchObject({ ok: false, why: 'token' });
    });

    test('only one of two agents claiming at once gets the conversation', async () => {
      const { conversation } = await open();
      await queue(conversation.id);
      const [a, b] = await Promise.all([
        h.store.transition(conversation.id, { from: ['queued'], to: 'assigned', set: { assigneeId: 'ag1' } }),
        h.sibling.transition(conversation.id, { from: ['queued'], to: 'assigned', set: { assigneeId: 'ag2' } }),
      ]);
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
      const winner = a.ok ? 'ag1' : 'ag2';
      expect(await h.store.agentLoad(winner)).toEqual([conversation.id]);
      expect(await h.store.agentLoad(winner === 'ag1' ? 'ag2' : 'ag1')).toEqual([]);
    });

    test('orders a queue by priority, then by waiting time', async () => {
      const ids: string[] = [];
      for (const [addr, prio, at] of [
        ['a', 'normal', 1000],
        ['b', 'high', 3000],
        ['c', 'normal', 500],
        ['d', 'urgent', 9000],
        ['e', 'low', 100],
      ] as const) {
        const { conversation } = await open(`whatsapp:+91${addr}`);
        ids.push(conversation.id);
        await queue(conversation.id, 'care', prio, at);
      }
      const [a, b, c, d, e] = ids;
      expect(await h.sibling.queue('care')).toEqual([d, b, c, a, e]);
      expect(await h.store.queuePosition(c!, 'care')).toBe(3);
    });

    test('keeps queues and agent loads in step through claim, transfer and resolve', async () => {
      const { conversation } = await open();
      await queue(conversation.id, 'care');
      await h.store.transition(conversation.id, { from: ['queued'], to: 'assigned', set: { assigneeId: 'ag1' } });
      expect(await h.store.queue('care')).toEqual([]);
      await h.store.transition(conversation.id, { from: ['assigned'], to: 'queued', set: { team: 'sales', assigneeId: null, queuedAt: 5 } });
      expect(await h.store.agentLoad('ag1')).toEqual([]);
      expect(await h.store.queue('sales')).toEqual([conversation.id]);
      const done = await h.store.transition(conversation.id, { from: ['queued', 'assigned'], to: 'resolved', set: { resolvedAt: 9 } });
      expect(done.ok && done.conversation).toMatchObject({ status: 'resolved', resolvedAt: 9, team: 'sales' });
      expect(await h.store.queue('sales')).toEqual([]);
    });

    test('counts a reopening', async () => {
      const { conversation } = await open();
      await h.store.transition(conversation.id, { from: ['bot'], to: 'resolved' });
      const r = await h.store.transition(conversation.id, { from: ['resolved'], to: 'bot', reopen: true });
      expect(r.ok && r.conversation.reopenCount).toBe(1);
    });

    test('refuses a fenced message once the owner changed, and records nothing', async () => {
      const { conversation } = await open();
      const decidedUnder = conversation.ownerToken;
      await queue(conversation.id);
      await expect(
        h.sibling.appendMessage(conversation, outbound('bot answer'), { fence: decidedUnder }),
      ).rejects.toMatchObject({ code: 'OWNERSHIP_CHANGED' });
      expect(await h.store.listMessages(conversation.id)).toEqual([]);
    });

    test('accepts a fenced message while the owner is unchanged', async () => {
      const { conversation } = await open();
      const { message } = await h.store.appendMessage(conversation, outbound('hi'), { fence: 0 });
      expect(message.text).toBe('hi');
    });

    test('keeps the CSAT result as structured data', async () => {
      const { conversation } = await open();
      await h.store.update(conversation.id, { csat: { status: 'answered', scale: 'csat5', score: 5, comment: 'great' } });
      expect((await h.sibling.get(conversation.id))!.csat).toEqual({ status: 'answered', scale: 'csat5', score: 5, comment: 'great' });
    });
  });
}
