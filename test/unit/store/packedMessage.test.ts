import { clipBytes, PREVIEW_MAX_BYTES } from '../../../src/conversations/redisConversationStore';
import { headerPid, packCsat, packedMessageId, packHeaderTime, packMessage, parsePackedId, unpackCsat, unpackMessage } from '../../../src/conversations/packedMessage';
import type { NewMessage } from '../../../src/conversations/types';

const CONV = 'c_mxbwl5uy_fa9b56a559';
/** The time in CONV. */
const CONV_TIME = parseInt('mxbwl5uy', 36);

describe('a message packed as a transcript entry', () => {
  test('reads back as it was written, media, location, quick replies and meta included', () => {
    const m: NewMessage = {
      direction: 'outbound',
      author: 'agent',
      agentId: 'ag_mxbwl01u_7481d4982d',
      text: 'मेरा ऑर्डर SG-482913 कल आएगा',
      media: [{ url: 'https://api.twilio.com/x/Media/ME1', contentType: 'image/jpeg', kind: 'image' }],
      location: { latitude: 28.6, longitude: 77.2, label: 'Home' },
      quickReplies: [{ title: 'Yes', payload: 'intent:yes' }],
      status: 'pending',
      meta: { sendKey: 'turn:m0:0', refused: false, confidence: 0.93 },
    };
    const entry = packMessage(m, 1_796_565_290_193, CONV);
    expect(unpackMessage(packedMessageId(3, CONV), CONV, entry)).toEqual({ ...m, id: `m3.${CONV}`, conversationId: CONV, createdAt: 1_796_565_290_193, updatedAt: 1_796_565_290_193 });
  });

  test('keeps a platform id and an error message holding | and % exactly', () => {
    const m: NewMessage = { direction: 'outbound', author: 'bot', text: 'hi', media: [], status: 'failed', platformMessageId: 'id|with%7Cpipe', errorCode: '63016', errorMessage: 'Outside window | 100% sure' };
    const back = unpackMessage(`m0.${CONV}`, CONV, packMessage(m, 1000, CONV));
    expect(back).toMatchObject({ platformMessageId: 'id|with%7Cpipe', errorMessage: 'Outside window | 100% sure', errorCode: '63016', status: 'failed' });
  });

  test("a bot reply's send key (a reply to a message of the same conversation) is kept as its index and number, and reads back whole", () => {
    const m: NewMessage = { direction: 'outbound', author: 'bot', text: 'Open 10 to 8', media: [], status: 'pending', meta: { sendKey: `turn:m12.${CONV}:1` } };
    const entry = packMessage(m, 1000, CONV);
    expect(entry).toContain('"k":"12:1"');
    expect(entry).not.toContain(CONV);
    expect(unpackMessage(`m13.${CONV}`, CONV, entry)?.meta).toEqual({ sendKey: `turn:m12.${CONV}:1` });
  });

  test("a send key naming another conversation's message, or of another form, is kept as it is", () => {
    for (const sendKey of ['turn:m3.c_other_1234567890:0', 'agent-reply-7f3a', 'turn:m0:0']) {
      const entry = packMessage({ direction: 'outbound', author: 'agent', text: 'x', media: [], status: 'pending', meta: { sendKey } }, 1000, CONV);
      expect(unpackMessage(`m1.${CONV}`, CONV, entry)?.meta).toEqual({ sendKey });
    }
  });

  test("leaves out a customer's, a bot's and an agent's usual direction and an empty meta, and keeps a system message's direction", () => {
    const customer = packMessage({ direction: 'inbound', author: 'customer', text: 'hi', media: [], status: 'received', meta: {} }, CONV_TIME + 1000, CONV);
    expect(customer).toBe('i|||||{"t":"hi","c":1000}');
    expect(unpackMessage(`m0.${CONV}`, CONV, customer)).toMatchObject({ direction: 'inbound', author: 'customer' });
    const note = packMessage({ direction: 'internal', author: 'system', text: 'Assigned', media: [], status: 'received' }, 1000, CONV);
    expect(unpackMessage(`m1.${CONV}`, CONV, note)).toMatchObject({ direction: 'internal', author: 'system' });
    const odd = packMessage({ direction: 'internal', author: 'agent', text: 'a note', media: [], status: 'received' }, 1000, CONV);
    expect(unpackMessage(`m2.${CONV}`, CONV, odd)).toMatchObject({ direction: 'internal', author: 'agent' });
  });

  test('an entry written by the previous version (direction, empty meta and the whole send key in it) reads the same', () => {
    const old = `delivered|mxc2yyzq|SMa9|||{"d":"o","a":"b","t":"Sure","c":"mxc2yyzf","x":{"sendKey":"turn:m0.${CONV}:0"}}`;
    expect(unpackMessage(`m1.${CONV}`, CONV, old)).toMatchObject({ direction: 'outbound', author: 'bot', status: 'delivered', platformMessageId: 'SMa9', meta: { sendKey: `turn:m0.${CONV}:0` } });
    const inbound = 'received|mxc2yyy1|SM9e|||{"d":"i","a":"c","t":"where is my order","c":"mxc2yyy1","x":{}}';
    expect(unpackMessage(`m0.${CONV}`, CONV, inbound)).toMatchObject({ direction: 'inbound', author: 'customer', meta: {} });
  });

  test('keeps the status as one letter, and updatedAt only once the entry changed', () => {
    const sent = packMessage({ direction: 'outbound', author: 'bot', text: 'hi', media: [], status: 'delivered', platformMessageId: 'SM1' }, 1000, CONV);
    expect(sent.startsWith('d||SM1||')).toBe(true);
    expect(unpackMessage(`m0.${CONV}`, CONV, sent)).toMatchObject({ status: 'delivered', createdAt: 1000, updatedAt: 1000 });
    expect(unpackMessage(`m0.${CONV}`, CONV, `r|${(5000).toString(36)}${sent.slice(2)}`)).toMatchObject({ status: 'read', createdAt: 1000, updatedAt: 5000 });
  });

  test('an entry of the version before (the status by name, updatedAt always there, the author of a customer message) reads the same', () => {
    const customer = 'received|mxc8cljq|SMc4440424d270fe908159b17eff4950db|||{"a":"c","t":"where is my order","c":"mxc8cljq"}';
    expect(unpackMessage(`m0.${CONV}`, CONV, customer)).toEqual({
      id: `m0.${CONV}`,
      conversationId: CONV,
      direction: 'inbound',
      author: 'customer',
      text: 'where is my order',
      media: [],
      platformMessageId: 'SMc4440424d270fe908159b17eff4950db',
      status: 'received',
      createdAt: parseInt('mxc8cljq', 36),
      updatedAt: parseInt('mxc8cljq', 36),
    });
    const reply = 'delivered|mxc8cllm|SMff6e14f12f79a00abf77c9a2f5ff4538|||{"a":"b","t":"Sure","c":"mxc8clkq","k":"0:0"}';
    expect(unpackMessage(`m1.${CONV}`, CONV, reply)).toMatchObject({ author: 'bot', status: 'delivered', createdAt: parseInt('mxc8clkq', 36), updatedAt: parseInt('mxc8cllm', 36) });
  });

  test("keeps createdAt and updatedAt as ms after the time in the conversation's id", () => {
    const at = CONV_TIME + 65_000;
    const entry = packMessage({ direction: 'outbound', author: 'bot', text: 'hi', media: [], status: 'sent' }, at, CONV);
    expect(entry).toContain('"c":65000');
    const changed = `d|${packHeaderTime(at + 2500, CONV)}${entry.slice(2)}`;
    expect(changed.startsWith(`d|+${(67_500).toString(36)}|`)).toBe(true);
    expect(unpackMessage(`m0.${CONV}`, CONV, changed)).toMatchObject({ status: 'delivered', createdAt: at, updatedAt: at + 2500 });
  });

  test('a message older than its conversation id keeps its time', () => {
    const entry = packMessage({ direction: 'inbound', author: 'customer', text: 'hi', media: [], status: 'received' }, CONV_TIME - 86_400_000, CONV);
    expect(unpackMessage(`m0.${CONV}`, CONV, entry)).toMatchObject({ createdAt: CONV_TIME - 86_400_000 });
  });

  test('with a conversation id without a time, createdAt and updatedAt are kept whole in base 36', () => {
    const entry = packMessage({ direction: 'inbound', author: 'customer', text: 'hi', media: [], status: 'received' }, 1_796_565_290_193, 'c1');
    expect(entry).toContain(`"c":"${(1_796_565_290_193).toString(36)}"`);
    expect(packHeaderTime(1_796_565_290_200, 'c1')).toBe((1_796_565_290_200).toString(36));
    expect(unpackMessage('m0.c1', 'c1', entry)).toMatchObject({ createdAt: 1_796_565_290_193 });
  });

  test('a Twilio sid is kept in 24 characters and reads back whole', () => {
    for (const sid of ['SMc4440424d270fe908159b17eff4950db', 'MM0123456789abcdef0123456789abcdef']) {
      const entry = packMessage({ direction: 'inbound', author: 'customer', text: 'hi', media: [], status: 'received', platformMessageId: sid }, CONV_TIME, CONV);
      expect(entry.split('|')[2]).toHaveLength(24);
      expect(entry.split('|')[2]).toBe(headerPid(sid));
      expect(unpackMessage(`m0.${CONV}`, CONV, entry)?.platformMessageId).toBe(sid);
    }
  });

  test('any other platform id is kept as it is, one starting with ~ or holding upper-case hex included', () => {
    for (const pid of ['~SABCDEFGHIJKLMNOPQRSTUV', 'SMC4440424D270FE908159B17EFF4950DB', 'wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhggQ0Y=', 'm_abc~1', '%7E']) {
      const entry = packMessage({ direction: 'inbound', author: 'customer', text: 'hi', media: [], status: 'received', platformMessageId: pid }, CONV_TIME, CONV);
      expect(unpackMessage(`m0.${CONV}`, CONV, entry)?.platformMessageId).toBe(pid);
    }
  });

  test('a system entry without its direction is damaged, and reads as no message', () => {
    expect(unpackMessage(`m0.${CONV}`, CONV, 'received|rs||||{"a":"s","t":"x","c":"rs"}')).toBeNull();
  });

  test('an entry that is not of this format reads as no message', () => {
    expect(unpackMessage(`m0.${CONV}`, CONV, 'm_lq2x9b_0a1b2c3d4e.c_1')).toBeNull();
    expect(unpackMessage(`m0.${CONV}`, CONV, 'exploded|1|||x|{"d":"o"}')).toBeNull();
  });

  test("a packed id names its list index and conversation; an id of the previous format is not packed", () => {
    expect(parsePackedId(`m12.${CONV}`)).toEqual({ index: 12, conversationId: CONV });
    expect(parsePackedId(`m_lq2x9b_0a1b2c3d4e.${CONV}`)).toBeNull();
  });
});

describe('a CSAT result in the conversation hash', () => {
  test('a rated survey packs into 64 bytes and reads back the same', () => {
    const csat = { status: 'answered' as const, scale: 'csat5' as const, score: 5, askedAt: 1_796_565_291_850, answeredAt: 1_796_565_291_974 };
    expect(Buffer.byteLength(packCsat(csat))).toBeLessThanOrEqual(64);
    expect(unpackCsat(packCsat(csat))).toEqual(csat);
  });

  test('the full JSON the previous version wrote still reads', () => {
    expect(unpackCsat('{"status":"skipped","scale":"nps10","skippedReason":"no_answer","askedAt":1796565291850}')).toEqual({ status: 'skipped', scale: 'nps10', skippedReason: 'no_answer', askedAt: 1_796_565_291_850 });
  });
});

describe('a preview', () => {
  test('keeps at most PREVIEW_MAX_BYTES of UTF-8 and never cuts a character in two', () => {
    const hindi = 'मेरा ऑर्डर अभी तक नहीं आया, कृपया जल्दी बताइए कि कब आएगा';
    const clipped = clipBytes(hindi, PREVIEW_MAX_BYTES);
    expect(Buffer.byteLength(clipped)).toBeLessThanOrEqual(PREVIEW_MAX_BYTES);
    expect(clipped.endsWith('...')).toBe(true);
    expect(hindi.startsWith(clipped.slice(0, -3))).toBe(true);
  });

  test('a short text is kept whole', () => {
    expect(clipBytes('where is my order', PREVIEW_MAX_BYTES)).toBe('where is my order');
  });
});
