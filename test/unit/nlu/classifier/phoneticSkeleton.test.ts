import { normalizeText } from '../../../../src/nlu/classifier';
import { skeletonHash } from '../../../../src/nlu/classifier/phoneticSkeleton';

/** [hash, consonant count] of a word's skeleton, after the classifier's normalisation. */
function skeleton(word: string): [number, number] {
  const text = normalizeText(word);
  const length = new Int32Array(1);
  const hash = skeletonHash(text, 0, text.length, 0x811c9dc5, length);
  return [hash, length[0] as number];
}

describe('skeletonHash', () => {
  it.each([
    ['order', 'ऑर्डर', 'آرڈر'],
    ['refund', 'रिफंड', 'ریفنڈ'],
    ['warranty', 'वारंटी', 'وارنٹی'],
    ['install', 'इंस्टॉल', 'انسٹال'],
    ['printer', 'प्रिंटर', 'پرنٹر'],
    ['delivery', 'डिलीवरी', 'ڈیلیوری'],
  ])('gives %s the same skeleton in Devanagari (%s) and Urdu script (%s)', (latin, devanagari, urdu) => {
    expect(skeleton(devanagari)).toEqual(skeleton(latin));
    expect(skeleton(urdu)).toEqual(skeleton(latin));
  });

  it('drops aspiration and merges near sounds in Latin spelling', () => {
    expect(skeleton('khareed')).toEqual(skeleton('kareed'));
    expect(skeleton('phone')).toEqual(skeleton('fone'));
    expect(skeleton('warranty')).toEqual(skeleton('varanty'));
  });

  it('counts a repeated consonant once', () => {
    expect(skeleton('install')[1]).toBe(4);
  });

  it('keeps different consonants apart', () => {
    expect(skeleton('refund')).not.toEqual(skeleton('order'));
    expect(skeleton('रिफंड')).not.toEqual(skeleton('ऑर्डर'));
  });

  it('feeds nothing for a word of vowels, digits or emoji only', () => {
    expect(skeleton('aaa')[1]).toBe(0);
    expect(skeleton('12345')[1]).toBe(0);
  });
});
