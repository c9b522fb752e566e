import Redis from 'ioredis';
import { RedisConversationStore } from '../../../src/conversations/redisConversationStore';
import { PacketStore } from '../../../src/handoff/packetStore';
import { handoffPacketSchema } from '../../../src/handoff/types';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';

/**
 * Conversations written by the previous version (a hash per message, `msg:{conv}:<id>`, and a list of
 * ids, `conv:{id}:msgs`) keep working after the upgrade: their messages are read first, new ones are
 * appended in the packed format after them, and a receipt for an old message still applies. Bot
 * states and handoff packets written as plain JSON read as they were.
 */

describeWithRedis('messages of the previous format on a real Redis', () => {
  let prefix: string;
  let redis: Redis;
  let store: RedisConversationStore;

  beforeEach(() => {
    prefix = uniquePrefix('oldfmt');
    redis = new Redis(testRedisUrl, { keyPrefix: prefix });
    store = new RedisConversationStore(redis);
  });
  afterEach(async () => {
    await deletePrefix(testRedisUrl, prefix);
    redis.disconnect();
  });

  /** A conversation with one customer message and one sent reply, as the previous version stored them. */
  async function previousVersionConversation(): Promise<{ id: string; replyId: string }> {
    const { conversation } = await store.findOrOpen({ channel: 'whatsapp', customerAddress: 'whatsapp:+919812345678' });
    const id = conversation.id;
    const askId = `m_mxbwl5uy_0a1b2c3d4e.${id}`;
    const replyId = `m_mxbwl5vz_5f6a7b8c9d.${id}`;
    await redis.hset(`msg:{${id}}:${askId}`, { conversationId: id, direction: 'inbound', author: 'customer', text: 'where is my order', platformMessageId: 'SMold0000000000000000000000000000001', status: 'received', createdAt: '1796565290193', updatedAt: '1796565290193' });
    await redis.hset(`msg:{${id}}:${replyId}`, { conversationId: id, direction: 'outbound', author: 'bot', text: 'What is your order number?', platformMessageId: 'SMold0000000000000000000000000000002', status: 'sent', createdAt: '1796565290331', updatedAt: '1796565290462', meta: '{"sendKey":"turn:x:0"}' });
    await redis.rpush(`conv:{${id}}:msgs`, askId, replyId);
    await redis.hset(`conv:{${id}}:pids`, 'SMold0000000000000000000000000000001', askId, 'SMold0000000000000000000000000000002', replyId);
    await redis.set('msg:pid:{whatsapp:SMold0000000000000000000000000000002}', replyId);
    return { id, replyId };
  }

  test('the transcript lists the old messages first, then the ones appended since', async () => {
    const { id } = await previousVersionConversation();
    const c = (await store.get(id))!;
    await store.appendMessage(c, { direction: 'inbound', author: 'customer', text: 'SG-482913', media: [], platformMessageId: 'SMnew0000000000000000000000000000003', status: 'received' });
    expect((await store.listMessages(id)).map((m) => m.text)).toEqual(['where is my order', 'What is your order number?', 'SG-482913']);
    expect((await store.listMessages(id, { limit: 2 })).map((m) => m.text)).toEqual(['What is your order number?', 'SG-482913']);
  });

  test('a receipt for an old message moves its status forward', async () => {
    const { replyId } = await previousVersionConversation();
    expect(await store.updateStatusByPlatformId('whatsapp', 'SMold0000000000000000000000000000002', 'read')).toMatchObject({ outcome: 'applied', message: { id: replyId, status: 'read' } });
  });

  test("a packed message's platform id in the pids hash of the version before is recognised after many later messages", async () => {
    const { conversation } = await store.findOrOpen({ channel: 'whatsapp', customerAddress: 'whatsapp:+919812345679' });
    const first = await store.appendMessage(conversation, { direction: 'inbound', author: 'customer', text: 'hello', media: [], platformMessageId: 'SMprev000000000000000000000000000001', status: 'received' });
    // The version before wrote a customer's platform id → list index in the conversation's pids hash.
    await redis.hset(`conv:{${conversation.id}}:pids`, 'SMprev000000000000000000000000000001', '0');
    // 70 later entries: beyond what an append looks through (RECENT_PIDS), so only the hash finds it.
    for (let i = 0; i < 70; i++) await store.appendMessage(conversation, { direction: 'outbound', author: 'bot', text: `reply ${i}`, media: [], status: 'queued' });
    const again = await store.appendMessage(conversation, { direction: 'inbound', author: 'customer', text: 'hello', media: [], platformMessageId: 'SMprev000000000000000000000000000001', status: 'received' });
    expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id, text: 'hello' } });
  });

  test("a customer's sid on an entry of the version before (whole, the status by name) is recognised as a duplicate", async () => {
    const { conversation } = await store.findOrOpen({ channel: 'whatsapp', customerAddress: 'whatsapp:+919812345670' });
    const sid = 'SMc4440424d270fe908159b17eff4950db';
    await redis.rpush(`conv:{${conversation.id}}:log`, `received|mxc8cljq|${sid}|||{"a":"c","t":"where is my order","c":"mxc8cljq"}`);
    const again = await store.appendMessage(conversation, { direction: 'inbound', author: 'customer', text: 'where is my order', media: [], platformMessageId: sid, status: 'received' });
    expect(again).toMatchObject({ duplicate: true, message: { id: `m0.${conversation.id}`, platformMessageId: sid, status: 'received' } });
  });

  test("a receipt naming a sent message whose sid the version before kept whole on its entry applies to it", async () => {
    const { conversation } = await store.findOrOpen({ channel: 'whatsapp', customerAddress: 'whatsapp:+919812345672' });
    const sid = 'SMff6e14f12f79a00abf77c9a2f5ff4538';
    await redis.rpush(`conv:{${conversation.id}}:log`, `s|mxc8cllm|${sid}|||{"a":"b","t":"Sure","c":"mxc8clkq"}`);
    expect(await store.updateStatusByPlatformId('whatsapp', sid, 'delivered', undefined, `m0.${conversation.id}`)).toMatchObject({
      outcome: 'applied',
      message: { id: `m0.${conversation.id}`, platformMessageId: sid, status: 'delivered' },
    });
  });

  test('a bot state written as plain JSON before reads as it was, and is written back deflated', async () => {
    const { conversation } = await store.findOrOpen({ channel: 'whatsapp', customerAddress: 'whatsapp:+919812345671' });
    const state = '{"language":"en","misunderstandings":0,"slots":{},"recognised":[["store_hours",0.999,1796586941876]],"answered":["store_hours"]}';
    await redis.set(`conv:{${conversation.id}}:bot`, state);
    expect(await store.getBotState(conversation.id)).toBe(state);
    await store.setBotState(conversation.id, state);
    expect((await redis.strlen(`conv:{${conversation.id}}:bot`)) < state.length).toBe(true);
    expect(await store.getBotState(conversation.id)).toBe(state);
  });

  test('a handoff packet written as plain JSON before reads as it was, and is written back deflated', async () => {
    const packets = new PacketStore(redis);
    const packet = handoffPacketSchema.parse({
      conversationId: 'c_mxc9h9ox_fa02663119', channel: 'whatsapp', reason: 'customer_requested', reasons: ['customer_requested'], team: 'care', priority: 'normal', language: 'en',
      intents: [{ intent: 'order_status', confidence: 0.999, at: 1796586943609 }], slots: { order_number: 'SG-480002' }, answered: [{ text: 'Sure — what is your order number?', at: 1796586943581 }],
      sentiment: { label: 'neutral', score: 0, anger: 0 }, customer: { id: 'cu_1', name: 'Asha Verma', vip: false, addresses: [] }, history: [], summary: 'Asha Verma asked for a person.', createdAt: 1796586943644,
    });
    await redis.set(`conv:{${packet.conversationId}}:packet`, JSON.stringify(packet));
    expect(await packets.get(packet.conversationId)).toEqual(packet);
    await packets.save(packet);
    expect((await redis.strlen(`conv:{${packet.conversationId}}:packet`)) < JSON.stringify(packet).length / 2).toBe(true);
    expect(await packets.get(packet.conversationId)).toEqual(packet);
  });

  test('an old platform id redelivered is still recognised as a duplicate', async () => {
    const { id } = await previousVersionConversation();
    const c = (await store.get(id))!;
    const again = await store.appendMessage(c, { direction: 'inbound', author: 'customer', text: 'where is my order', media: [], platformMessageId: 'SMold0000000000000000000000000000001', status: 'received' });
    expect(again).toMatchObject({ duplicate: true, message: { text: 'where is my order' } });
  });
});
