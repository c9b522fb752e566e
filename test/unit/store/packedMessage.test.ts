import { clipBytes, PREVIEW_MAX_BYTES } from '../../../src/conversations/redisConversationStore';
import { packCsat, packedMessageId, packMessage, parsePackedId, unpackCsat, unpackMessage } from '../../../src/conversations/packedMessage';
import type { NewMessage } from '../../../src/conversations/types';

const CONV = 'c_mxbwl5uy_fa9b56a559';

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
    const entry = packMessage(m, 1_796_565_290_193);
    expect(unpackMessage(packedMessageId(3, CONV), CONV, entry)).toEqual({ ...m, id: `m3.${CONV}`, conversationId: CONV, createdAt: 1_796_565_290_193, updatedAt: 1_796_565_290_193 });
  });

  test('keeps a platform id and an error message holding | and % exactly', () => {
    const m: NewMessage = { direction: 'outbound', author: 'bot', text: 'hi', media: [], status: 'failed', platformMessageId: 'id|with%7Cpipe', errorCode: '63016', errorMessage: 'Outside window | 100% sure' };
    const back = unpackMessage(`m0.${CONV}`, CONV, packMessage(m, 1000));
    expect(back).toMatchObject({ platformMessageId: 'id|with%7Cpipe', errorMessage: 'Outside window | 100% sure', errorCode: '63016', status: 'failed' });
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
