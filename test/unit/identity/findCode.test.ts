import { findCode } from '../../../src/identity/findCode';

describe('findCode', () => {
  it('reads a bare 6-digit code', () => {
    expect(findCode('482913')).toBe('482913');
  });

  it('reads a code inside a short sentence', () => {
    expect(findCode('my code is 482913')).toBe('482913');
  });

  it('reads a code split in two groups of three', () => {
    expect(findCode('482 913')).toBe('482913');
    expect(findCode('482-913')).toBe('482913');
  });

  it('reads a code typed in Devanagari or Urdu digits', () => {
    expect(findCode('कोड ४८२९१३')).toBe('482913');
    expect(findCode('۴۸۲۹۱۳')).toBe('482913');
  });

  it('ignores a message with another number beside the six digits', () => {
    expect(findCode('order 12, code 482913')).toBeNull();
  });

  it('ignores runs of five or seven digits', () => {
    expect(findCode('48291')).toBeNull();
    expect(findCode('4829130')).toBeNull();
  });

  it('ignores long messages that happen to hold six digits', () => {
    expect(findCode(`I ordered on Monday and the parcel 482913 has still not arrived at my address in Lahore`)).toBeNull();
  });
});
