import { idemField, idemValue, messageIdOfIdemValue } from '../../../src/outbound/outboundService';

const CONV = 'c_mxbwl5uy_fa9b56a559';

describe("the idempotency hash's fields and values", () => {
  test("a bot reply's key to a message of the conversation is its index and number after a #", () => {
    expect(idemField(CONV, `turn:m12.${CONV}:1`)).toBe('#12:1');
  });

  test('any other key is kept as it is, with a # before it when it starts with one, so no two keys share a field', () => {
    const keys = [`turn:m12.${CONV}:1`, '#12:1', '##12:1', '12:1', 'agent-reply-7f3a', `turn:m12.c_other_0000000000:1`];
    const fields = keys.map((k) => idemField(CONV, k));
    expect(fields).toEqual(['#12:1', '##12:1', '###12:1', '12:1', 'agent-reply-7f3a', `turn:m12.c_other_0000000000:1`]);
    expect(new Set(fields).size).toBe(keys.length);
  });

  test("a transcript entry of the conversation is kept as m<index> and read back whole; another id as it is", () => {
    expect(idemValue(CONV, `m7.${CONV}`)).toBe('m7');
    expect(messageIdOfIdemValue(CONV, 'm7')).toBe(`m7.${CONV}`);
    for (const id of [`m7.c_other_0000000000`, `m_lq2x9b_0a1b2c3d4e.${CONV}`]) {
      expect(messageIdOfIdemValue(CONV, idemValue(CONV, id))).toBe(id);
    }
  });
});
