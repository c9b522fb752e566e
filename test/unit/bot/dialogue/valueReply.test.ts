import { valueWordsBySlot, withoutValueWords } from '../../../../src/bot/dialogue/valueReply';
import { testCatalog } from './testCatalog';

const words = valueWordsBySlot(testCatalog()).get('order_number');

describe('valueReply: words around a value the bot asked for', () => {
  it('takes the words of the slot prompts in every language from the catalog', () => {
    expect(words).toBeDefined();
    expect(words!.has('order')).toBe(true);
    expect(words!.has('number')).toBe(true);
    expect(words!.has('نمبر')).toBe(true);
  });

  it('leaves nothing of "order number" around the value', () => {
    expect(withoutValueWords('order number ', words)).toBe('');
  });

  it('leaves the words that make a request of their own', () => {
    expect(withoutValueWords('where is my refund for ', words)).toBe('where refund');
    expect(withoutValueWords('cancel my order ', words)).toBe('cancel');
  });

  it('matches Devanagari with or without the nukta', () => {
    expect(withoutValueWords('आर्डर नंबर है', new Set(['आर्डर', 'नंबर', 'है']))).toBe('');
    expect(withoutValueWords('फ़ोन', new Set(['फोन']))).toBe('');
  });

  it('sets aside the words that hand a value over, in every language', () => {
    expect(withoutValueWords('here it is', undefined)).toBe('');
    expect(withoutValueWords('ye lo mera wala', undefined)).toBe('');
    expect(withoutValueWords('یہ لیں میرا', undefined)).toBe('');
  });

  it('sets aside the past tense of "to be" that hands a value over, in every language', () => {
    expect(withoutValueWords('it was', undefined)).toBe('');
    expect(withoutValueWords('था', undefined)).toBe('');
    expect(withoutValueWords('tha', undefined)).toBe('');
    expect(withoutValueWords('تھا', undefined)).toBe('');
    expect(withoutValueWords('थियो', undefined)).toBe('');
  });

  it('sets aside the words that offer a value in passing and the "and" that adds it, in every language', () => {
    expect(withoutValueWords('and the order number is if that helps', words)).toBe('');
    expect(withoutValueWords('order number in case you need it', words)).toBe('');
    expect(withoutValueWords('aur order number agar kaam aaye', words)).toBe('');
    expect(withoutValueWords('اور آرڈر نمبر اگر کام آئے', words)).toBe('');
  });

  it('keeps a word of an offering phrase that stands alone ("if", "need")', () => {
    expect(withoutValueWords('what if it is late', undefined)).toBe('what if late');
    expect(withoutValueWords('i need a refund for', words)).toContain('need refund');
  });

  it('keeps every other word when the slot has no known words', () => {
    expect(withoutValueWords('cancel karo', undefined)).toBe('cancel karo');
  });
});
