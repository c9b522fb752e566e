import { LabelClamp, OTHER } from '../../../src/metrics/labelClamp';

describe('LabelClamp', () => {
  test('keeps known values', () => {
    expect(new LabelClamp({ known: ['whatsapp'], maxDistinct: 0 }).value('whatsapp')).toBe('whatsapp');
  });

  test('turns unknown values into other when no dynamic values are allowed', () => {
    expect(new LabelClamp({ known: ['whatsapp'], maxDistinct: 0 }).value('telegram')).toBe(OTHER);
  });

  test('accepts the first N distinct values and reports later new ones as other', () => {
    const clamp = new LabelClamp({ maxDistinct: 2 });
    expect(['a', 'b', 'c', 'a', 'b'].map((v) => clamp.value(v))).toEqual(['a', 'b', OTHER, 'a', 'b']);
  });

  test('reports malformed values as other without spending the budget', () => {
    const clamp = new LabelClamp({ maxDistinct: 1 });
    expect(clamp.value('has space')).toBe(OTHER);
    expect(clamp.value('x'.repeat(65))).toBe(OTHER);
    expect(clamp.value('')).toBe(OTHER);
    expect(clamp.value(undefined)).toBe(OTHER);
    expect(clamp.value('order_status')).toBe('order_status');
  });
});
