import { withdrawsRequest } from '../../../../src/nlu/clauses';

describe('withdrawsRequest', () => {
  it.each([
    ['en', "no wait, don't cancel it"],
    ['en', 'pls do not cancel'],
    ['en', 'no need to cancel'],
    ['hi', 'रद्द मत कीजिए'],
    ['hi', 'कैंसिल न करें'],
    ['hi-Latn', 'cancel mat karo'],
    ['hi-Latn', 'cancel karna tha par ab mat karo'],
    ['ur', 'کینسل نہ کریں'],
    ['ur', 'آرڈر کینسل مت کرو'],
    ['ne', 'क्यान्सिल नगर्नुस्'],
    ['ne-Latn', 'cancel nagarnus hai'],
  ])('reads the %s clause "%s" as taking a request back', (_lang, text) => {
    expect(withdrawsRequest(text)).toBe(true);
  });

  it.each([
    ['hi-Latn', 'rehne do'],
    ['hi', 'रहने दीजिए'],
    ['ur', 'رہنے دیں'],
    ['en', 'no wait, leave it'],
  ])('reads letting a request drop as a whole %s clause ("%s") as taking it back', (_lang, text) => {
    expect(withdrawsRequest(text)).toBe(true);
  });

  it('does not read "leave it" inside a longer request as taking one back', () => {
    expect(withdrawsRequest('leave it at the door please')).toBe(false);
  });

  it.each([
    ['a state, not a prohibition', 'i dont know my order number'],
    ['a negated fact in Urdu', 'پیسے نہ ملے'],
    ['a question', "don't cancel, when will it come?"],
    ['a long clause that says more than the withdrawal', 'dont cancel the order because my brother will pick it up from the store'],
    ['a request', 'cancel my order'],
  ])('does not read %s as taking a request back ("%s")', (_what, text) => {
    expect(withdrawsRequest(text)).toBe(false);
  });
});
