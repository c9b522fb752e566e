import { jsonDictionary, packJson, unpackJson } from '../../../src/store/packedJson';

const DICT = jsonDictionary(7, ['"answered":["', '{"language":"en","misunderstandings":0,"slots":{},"recognised":[["']);
const STATE = '{"language":"en","misunderstandings":0,"slots":{},"recognised":[["store_hours",0.999,1796586941876],["delivery_time",0.995,1796586942228]],"answered":["store_hours","delivery_time"]}';

describe('JSON kept deflated with a dictionary', () => {
  test('reads back exactly the JSON written, non-Latin text included', () => {
    for (const json of [STATE, '{"language":"hi","slots":{"name":"आशा वर्मा"}}', '{}']) expect(unpackJson(packJson(json, DICT), [DICT])).toBe(json);
  });

  test('keeps a small state in well under half its bytes', () => {
    expect(packJson(STATE, DICT).length).toBeLessThan(Buffer.byteLength(STATE) / 2);
  });

  test('starts with the id of its dictionary', () => {
    expect(packJson(STATE, DICT)[0]).toBe(7);
  });

  test('reads plain JSON written before as it is', () => {
    expect(unpackJson(Buffer.from(STATE), [DICT])).toBe(STATE);
  });

  test('reads nothing for no value, an unknown dictionary or damaged bytes', () => {
    expect(unpackJson(null, [DICT])).toBeNull();
    expect(unpackJson(packJson(STATE, DICT), [jsonDictionary(8, ['x'])])).toBeNull();
    expect(unpackJson(Buffer.from([7, 0xff, 0xff, 0x00]), [DICT])).toBeNull();
  });

  test('refuses a dictionary id that could start plain JSON', () => {
    expect(() => jsonDictionary(123, ['x'])).toThrow(/1…31/);
  });
});
