import { pickOffered } from '../../../../src/bot/dialogue/readChoice';

/** A pick among the options offered last turn: by number, by title, or by words of one title only. */
const menu = (titles: string[]) => titles.map((title, i) => ({ title, payload: `intent:t${i + 1}` }));
const hi = menu(['ऑर्डर की स्थिति', 'डिलीवरी का समय', 'रिटर्न नीति', 'पेमेंट के तरीके', 'स्टोर का समय']);
const en = menu(['Order status', 'Delivery time', 'Return policy', 'Payment options', 'Store hours']);

describe('pickOffered', () => {
  it('picks an option by its number, in Urdu digits too', () => {
    expect(pickOffered('۵', en)?.title).toBe('Store hours');
  });

  it('picks "पेमेंट वाला" as the one option whose title has पेमेंट', () => {
    expect(pickOffered('पेमेंट वाला', hi)?.title).toBe('पेमेंट के तरीके');
  });

  it('picks "the one about returns" as the return policy', () => {
    expect(pickOffered('the one about returns', en)?.title).toBe('Return policy');
  });

  it('picks "order wala" as the order status', () => {
    expect(pickOffered('order wala', en)?.title).toBe('Order status');
  });

  it('picks nothing when the words fit two titles', () => {
    expect(pickOffered('समय वाला', hi)).toBeNull();
  });

  it('picks nothing when the message says more than a title holds', () => {
    expect(pickOffered('cancel my order', en)).toBeNull();
  });

  it('picks nothing for a longer message that only shares a word with a title', () => {
    expect(pickOffered('when will my order be delivered to pune', en)).toBeNull();
  });
});
