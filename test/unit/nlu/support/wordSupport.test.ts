import { wordSupportFor } from '../../../../src/nlu/support';
import type { TrainingExample } from '../../../../src/nlu/types';

const ex = (intent: string, ...texts: string[]): TrainingExample[] => texts.map((text) => ({ intent, text, lang: 'en' }));
const examples = [
  ...ex('order_status', 'where is my order', 'my parcel has not been delivered', 'मेरा ऑर्डर कहाँ है', 'mera parcel kab aayega', 'میرا پارسل کب آئے گا', 'मेरो अर्डर कहाँ छ'),
  ...ex('shipping_cost', 'how much is my delivery', 'is delivery free', 'डिलीवरी कितने की है', 'delivery kitne ki hai', 'ڈیلیوری کتنے کی ہے', 'डेलिभरी कति हो'),
  ...ex('store_hours', 'when is my store open', 'दुकान कब खुलती है', 'dukaan kab khulti hai', 'دکان کب کھلتی ہے', 'पसल कहिले खुल्छ'),
  ...ex('refund', 'where is my refund'),
  ...ex('warranty', 'is my tv in warranty'),
];
const support = wordSupportFor(examples);

describe('wordSupport', () => {
  test("counts the content words an intent's examples use", () => {
    expect(support.count('when will my parcel come', ['order_status'])).toEqual({ content: 2, shared: 1, unknown: 1 });
  });

  test.each([
    ['en', 'which'],
    ['hi', 'कौन सा'],
    ['hi-Latn', 'kaun sa'],
    ['ur', 'کون سا'],
    ['ne', 'के कसरी'],
  ])('does not count %s question words', (_lang, text) => {
    expect(support.count(text, ['order_status'])).toEqual({ content: 0, shared: 0, unknown: 0 });
  });

  test('counts the content words no example of any intent uses', () => {
    expect(support.count('sing a song', ['order_status'])).toEqual({ content: 3, shared: 0, unknown: 3 });
  });

  test('compares words on their first letters (delivered is delivery)', () => {
    expect(support.count('delivered', ['order_status'])).toMatchObject({ shared: 1, unknown: 0 });
  });

  test('does not count a word the examples of more than a quarter of the intents use', () => {
    expect(support.count('my', ['order_status'])).toEqual({ content: 0, shared: 0, unknown: 0 });
  });

  test('does not count numbers', () => {
    expect(support.count('SG 220981', ['order_status'])).toEqual({ content: 1, shared: 0, unknown: 1 });
  });

  test.each([
    ['en', 'ok'],
    ['hi', 'अच्छा'],
    ['hi-Latn', 'chalo'],
    ['ur', 'اچھا'],
    ['ne', 'हुन्छ'],
  ])('does not count a %s particle the act lexicon knows', (_lang, particle) => {
    expect(support.count(particle, ['order_status'])).toEqual({ content: 0, shared: 0, unknown: 0 });
  });

  test.each([
    ['en', 'parcel missing'],
    ['hi', 'ऑर्डर गायब'],
    ['hi-Latn', 'parcel gayab'],
    ['ur', 'پارسل غائب'],
    ['ne', 'अर्डर हरायो'],
  ])("tells a %s word of the intent's examples from a word new to the catalog", (_lang, text) => {
    expect(support.count(text, ['order_status'])).toEqual({ content: 2, shared: 1, unknown: 1 });
  });

  test.each([
    ['en', 'what do i do now?'],
    ['hi', 'अब क्या करूँ'],
    ['hi-Latn', 'ab kya karun'],
    ['hi-Latn', 'ab kya karne'],
    ['ur', 'اب کیا کروں؟'],
    ['ne', 'अब के गर्ने'],
  ])('finds that a %s message of question words, pronouns and "do" asks nothing', (_lang, text) => {
    expect(support.asksNothing(text)).toBe(true);
  });

  test('finds that a word the examples of more than three quarters of the intents use asks nothing', () => {
    expect(support.asksNothing('my')).toBe(true);
  });

  test('finds that a brand word most intents share, like "order", still says what a message is about', () => {
    const orderEverywhere = wordSupportFor([
      ...ex('order_status', 'where is my order'),
      ...ex('cancel_order', 'cancel my order'),
      ...ex('invoice', 'invoice for my order'),
      ...ex('store_hours', 'when do you open'),
    ]);
    expect(orderEverywhere.asksNothing('where is my order')).toBe(false);
  });

  test.each([
    ['en', 'what do i do with the parcel'],
    ['hi', 'पार्सल का क्या करूँ'],
    ['hi-Latn', 'parcel ka kya karun'],
    ['ur', 'پارسل کا کیا کروں'],
    ['ne', 'पार्सलको के गर्ने'],
  ])('finds that a %s message naming a thing asks something', (_lang, text) => {
    expect(support.asksNothing(text)).toBe(false);
  });

  test('leaves numbers out when it reads what a message asks', () => {
    expect(support.asksNothing('how 220981')).toBe(true);
  });
});

describe('wordSupport.leansAway', () => {
  const paying = wordSupportFor([
    ...ex('payment_methods', 'can i pay cash', 'do you take cash', 'cash on delivery', 'is cash ok', 'cash or card'),
    ...ex('shipping_cost', 'is cash on delivery also free shipping', 'how much is shipping'),
    ...ex('refund', 'where is my money', 'how long for my money'),
    ...ex('delivery_time', 'how long does delivery take', 'how long will it take', 'how long to my city'),
  ]);

  test('leans to the topic whose examples use a few-topic word far more often ("cash" after the shipping cost)', () => {
    expect(paying.leansAway('and can i pay cash', 'shipping_cost', 'payment_methods')).toBe(true);
  });

  test('does not lean on a word both topics use about as often', () => {
    expect(paying.leansAway('how long', 'refund', 'delivery_time')).toBe(false);
  });

  test('leans on a word only the other topic uses', () => {
    expect(paying.leansAway('how long does delivery take', 'refund', 'delivery_time')).toBe(true);
  });
});

describe('wordSupport.examplesUsing', () => {
  test('counts the examples that use the word', () => {
    expect(support.examplesUsing('parcel')).toBe(2);
  });

  test('counts a word on its stem across every intent: "delivered" with "delivery"', () => {
    expect(support.examplesUsing('delivered')).toBe(4);
  });

  test('is 0 for a word no example uses', () => {
    expect(support.examplesUsing('pokhara')).toBe(0);
  });
});
