import { splitMessageBody, TWILIO_MAX_BODY_CHARS } from '../../../src/channels/splitText';

describe('splitMessageBody', () => {
  it('returns a text within the limit as one part, unchanged', () => {
    const text = 'x'.repeat(TWILIO_MAX_BODY_CHARS);
    expect(splitMessageBody(text)).toEqual([text]);
  });

  it('returns no part for an empty text', () => {
    expect(splitMessageBody('')).toEqual([]);
  });

  it('splits at a line break rather than mid-line', () => {
    const first = 'a'.repeat(1200);
    const second = 'b'.repeat(1000);
    expect(splitMessageBody(`${first}\n${second}`)).toEqual([first, second]);
  });

  it('splits after a sentence end when there is no line break', () => {
    const s1 = `${'word '.repeat(250).trim()}.`; // 1,250 chars
    const s2 = `${'more '.repeat(150).trim()}.`;
    expect(splitMessageBody(`${s1} ${s2}`)).toEqual([s1, s2]);
  });

  it('recognises the Devanagari danda as a sentence end', () => {
    const s1 = `${'शब्द '.repeat(200).trim()}।`;
    const s2 = `${'और '.repeat(200).trim()}।`;
    expect(splitMessageBody(`${s1} ${s2}`)).toEqual([s1, s2]);
  });

  it('keeps every part within the limit and loses no words', () => {
    const words = Array.from({ length: 1200 }, (_, i) => `w${i}`);
    const parts = splitMessageBody(words.join(' '));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(TWILIO_MAX_BODY_CHARS);
    expect(parts.join(' ').split(' ')).toEqual(words);
  });

  it('cuts a text without spaces hard at the limit, without splitting an emoji', () => {
    const text = 'a'.repeat(TWILIO_MAX_BODY_CHARS - 1) + '😀' + 'b'.repeat(10);
    const parts = splitMessageBody(text);
    expect(parts).toEqual(['a'.repeat(TWILIO_MAX_BODY_CHARS - 1), '😀' + 'b'.repeat(10)]);
  });

  it('honours a smaller limit', () => {
    expect(splitMessageBody('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
});
