import { peelPoliteWrappers } from '../../../../src/nlu/clauses';

describe('peelPoliteWrappers', () => {
  test.each([
    ['en', 'Could you please tell me your store timings', 'tell me your store timings'],
    ['hi', 'क्या ऐसा हो सकता है कि मैं इसे वापस कर दूँ?', 'मैं इसे वापस कर दूँ?'],
    ['hi-Latn', 'kya aap bata sakte hain ki dukaan kab khulti hai', 'batao dukaan kab khulti hai'],
    ['ur', 'کیا یہ ممکن ہے کہ میں اسے واپس کر دوں؟', 'میں اسے واپس کر دوں؟'],
    ['ne', 'के यस्तो हुन सक्छ कि म यो फिर्ता गरूँ?', 'म यो फिर्ता गरूँ?'],
  ])('writes a %s polite wrapper as the plain request', (_lang, text, plain) => expect(peelPoliteWrappers(text)).toBe(plain));

  test('a wrapper that asks whether something may be done becomes "can i"', () => {
    expect(peelPoliteWrappers('would it be possible to send them back?')).toBe('can i send them back?');
    expect(peelPoliteWrappers('I was wondering if I could return them')).toBe('can i return them');
  });

  test('keeps the words before a wrapper in the middle of a message', () => {
    expect(peelPoliteWrappers('I already have a pair, is it ok to return them')).toBe('I already have a pair, can i return them');
  });

  test('reads Urdu written with Arabic letter forms', () => {
    expect(peelPoliteWrappers('مہربانی کر کے میرا آرڈر دیکھیں')).toBe('میرا آرڈر دیکھیں');
    expect(peelPoliteWrappers('مهربانی کر کے میرا آرڈر دیکھیں')).toBe('میرا آرڈر دیکھیں');
  });

  test('does not take a word that only starts like a wrapper', () => {
    expect(peelPoliteWrappers('is it okayish to wait')).toBe('is it okayish to wait');
  });

  test('returns the text unchanged when it has no wrapper', () => {
    expect(peelPoliteWrappers('can I pay by UPI?')).toBe('can I pay by UPI?');
  });
});

describe('peelPoliteWrappers: Indian English office wording', () => {
  test.each([
    ['kindly do the needful and tell me the status of my order', 'and tell me the status of my order'],
    ['my parcel is late, please look into the matter', 'my parcel is late,'],
    ['refund not received, pls revert asap', 'refund not received,'],
    ['kindly tell me the store timings', 'tell me the store timings'],
  ])('drops the wrapper of "%s"', (text, plain) => expect(peelPoliteWrappers(text)).toBe(plain));

  test('leaves nothing of a message that is only such a wrapper', () => {
    expect(peelPoliteWrappers('Kindly do the needful')).toBe('');
  });

  test('keeps "revert" that is not asked for ("how do i revert the update")', () => {
    expect(peelPoliteWrappers('how do i revert the update')).toBe('how do i revert the update');
  });
});
