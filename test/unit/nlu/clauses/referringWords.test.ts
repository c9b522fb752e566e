import { findReferringWord, MAX_REFERENTS, referentCandidates, resolveReference } from '../../../../src/nlu/clauses';

describe('resolveReference', () => {
  test.each([
    ['en', 'how much does it cost', 'delivery', 'how much does delivery cost'],
    ['hi', 'इसके कितने पैसे लगते हैं', 'डिलीवरी', 'डिलीवरी के कितने पैसे लगते हैं'],
    ['hi-Latn', 'iske kitne paise lagte hain', 'delivery', 'delivery ke kitne paise lagte hain'],
    ['ur', 'اس کے کتنے پیسے لگتے ہیں', 'ڈیلیوری', 'ڈیلیوری کے کتنے پیسے لگتے ہیں'],
    ['ne', 'यसको कति पैसा लाग्छ', 'डेलिभरी', 'डेलिभरीको कति पैसा लाग्छ'],
  ])('writes the thing a %s referring word points at in its place', (_lang, text, referent, resolved) =>
    expect(resolveReference(text, referent)).toBe(resolved),
  );

  test('replaces only the first referring word', () => {
    expect(resolveReference('can I return it if I opened it', 'the blender')).toBe('can I return the blender if I opened it');
  });

  test('is undefined for a text that points at nothing', () => {
    expect(resolveReference('how much is delivery', 'order')).toBeUndefined();
  });

  test('does not take the English verb "use" for the Hinglish pronoun', () => {
    expect(findReferringWord('how do i use the app')).toBeUndefined();
  });
});

describe('referentCandidates', () => {
  test('are the longest words of the clause, without question words, numbers and referring words', () => {
    expect(referentCandidates('how long does delivery take to 3 cities, and is it free')).toEqual(['delivery', 'cities', 'free', 'take']);
  });

  test(`are at most ${MAX_REFERENTS}`, () => {
    expect(referentCandidates('one two three four five six seven eight nine ten eleven')).toHaveLength(MAX_REFERENTS);
  });
});

describe('resolveReference: the thing pointed at in place of the pointer', () => {
  it('drops the words that only joined the message to the one before ("aur uska kya hua")', () => {
    expect(resolveReference('aur uska kya hua?', 'order')).toBe('order ka kya hua?');
  });

  it('keeps a Nepali postposition a word of its own after a thing in Latin letters', () => {
    expect(resolveReference('यसको के भयो?', 'order')).toBe('order को के भयो?');
  });

  it('joins a Nepali postposition to a thing in Devanagari as before', () => {
    expect(resolveReference('यसको के भयो?', 'अर्डर')).toBe('अर्डरको के भयो?');
  });

  it('keeps words before the pointer that say something ("refund of it")', () => {
    expect(resolveReference('when will the refund of it come', 'order')).toBe('when will the refund of order come');
  });
});
