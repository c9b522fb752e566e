import { allBuckets, BUCKETS, bucketOf, bucketTag, taggedKey } from '../../../src/store/keys';

/** Redis Cluster's slot of a key: CRC16 (XMODEM) of its hash tag, or of the whole key, modulo 16384. */
function slotOf(key: string): number {
  const open = key.indexOf('{');
  const close = open >= 0 ? key.indexOf('}', open + 1) : -1;
  const hashed = open >= 0 && close > open + 1 ? key.slice(open + 1, close) : key;
  let crc = 0;
  for (const byte of Buffer.from(hashed, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}

describe('Redis key naming', () => {
  test('keys of one entity share a slot whatever the connection prefix, and the slot is the hash of the tag', () => {
    const keys = [taggedKey('conv', 'c_lq2x9a1b_3f9a1c2d'), taggedKey('conv', 'c_lq2x9a1b_3f9a1c2d', 'msgs'), taggedKey('msg', 'c_lq2x9a1b_3f9a1c2d', 'm_1.c_lq2x9a1b_3f9a1c2d')];
    const slots = new Set(keys.flatMap((k) => [slotOf(k), slotOf(`baton:${k}`), slotOf(`other-prefix:${k}`)]));
    expect(slots).toEqual(new Set([slotOf('c_lq2x9a1b_3f9a1c2d')]));
    // Checks the CRC against a value Redis gives: CLUSTER KEYSLOT foo = 12182.
    expect(slotOf('foo')).toBe(12182);
  });

  test('refuses an empty tag, which Redis would ignore (it would hash the whole key)', () => {
    expect(() => taggedKey('conv', '')).toThrow(/empty hash tag/);
  });

  test('puts an id in the same bucket every time, within 0…BUCKETS-1', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `whatsapp:+91980000${i}`);
    for (const id of ids) {
      expect(bucketOf(id)).toBe(bucketOf(id));
      expect(bucketOf(id)).toBeGreaterThanOrEqual(0);
      expect(bucketOf(id)).toBeLessThan(BUCKETS);
    }
    expect(new Set(ids.map(bucketOf)).size).toBe(BUCKETS);
  });

  test.each(['lane', 'out'])('spreads the %s buckets over the three masters of a cluster made by redis-cli --cluster create', (index) => {
    // redis-cli gives 3 masters the ranges 0–5460, 5461–10922 and 10923–16383.
    const master = (slot: number) => (slot <= 5460 ? 0 : slot <= 10922 ? 1 : 2);
    const perMaster = [0, 0, 0];
    for (const b of allBuckets()) perMaster[master(slotOf(taggedKey('x', bucketTag(index, b))))]!++;
    for (const n of perMaster) expect(n).toBeGreaterThanOrEqual(3);
  });
});
