import { extractFacts, factKey, MAX_FACT_TEXT_LENGTH, MAX_FACTS_PER_KIND, MAX_FACTS_PER_MESSAGE } from '../../../../src/nlu/facts';
import { demoProducts, flood, NOW } from './helpers';

describe('extractFacts', () => {
  test.each([
    ['en', 'My order SG-482913 (the 43-inch TV, ₹32,999) is late, call 98765 43210 or mail asha@example.com'],
    ['hi', 'मेरा ऑर्डर SG-482913 (43 इंच टीवी, ₹32,999) लेट है, 98765 43210 पर फ़ोन करें या asha@example.com पर मेल करें'],
    ['hi-Latn', 'mera order SG-482913 (43 inch wala tv, ₹32,999) late hai, 98765 43210 pe call karo ya asha@example.com pe mail'],
    ['ur', 'میرا آرڈر SG-482913 (43 انچ ٹی وی، ₹32,999) لیٹ ہے، 98765 43210 پر کال کریں یا asha@example.com پر میل کریں'],
    ['ne', 'मेरो अर्डर SG-482913 (43 इन्च टिभी, ₹32,999) ढिलो भयो, 98765 43210 मा फोन गर्नुहोस् वा asha@example.com मा मेल'],
  ])('reads every kind of fact from one %s message, in message order', async (_lang, text) => {
    const facts = extractFacts(text, { now: NOW, products: await demoProducts() });
    expect(facts.map((f) => [f.kind, f.value, f.verified])).toEqual([
      ['order_number', 'SG-482913', true],
      ['product', 'Sargam Vision 43-inch Full HD TV', true],
      ['money', 'INR 32999', true],
      ['phone', '+919876543210', true],
      ['email', 'asha@example.com', true],
    ]);
  });

  test('gives spans that point at the value in the message as given, digits in any script', () => {
    const text = 'ऑर्डर ४८२९१३, फ़ोन ९८७६५४३२१०';
    const spans = extractFacts(text).map((f) => text.slice(f.span.start, f.span.end));
    expect(spans).toEqual(['४८२९१३', '९८७६५४३२१०']);
  });

  test('returns nothing for an empty message or one without facts', () => {
    expect(extractFacts('')).toEqual([]);
    expect(extractFacts('ok thanks 👍')).toEqual([]);
  });

  describe('on hostile messages', () => {
    test.each([
      ['a long run of digits', flood('1234567890', 20000)],
      ['digits separated by spaces', flood('9 ')],
      ['digits separated by dashes and dots', flood('9-8.')],
      ['thousands of e-mail addresses', flood('asha@example.com ')],
      ['an emoji flood', flood('😡🙏👍🏽')],
      ['mixed scripts in one word', flood('ऑर्डرorder۴८2٩')],
      ['Devanagari and Urdu digits mixed with letters', flood('SG-४८٢۹१३x ')],
      ['zero-width characters between digits', flood('9\u200B8\u200B7\u200B')],
      ['a flood of hashes and prefixes', flood('#SG-#sg ')],
    ])('stays bounded on %s', async (_what, text) => {
      const facts = extractFacts(text, { now: NOW, products: await demoProducts() });
      expect(facts.length).toBeLessThanOrEqual(MAX_FACTS_PER_MESSAGE);
      const perKind = new Map<string, number>();
      for (const f of facts) perKind.set(f.kind, (perKind.get(f.kind) ?? 0) + 1);
      for (const n of perKind.values()) expect(n).toBeLessThanOrEqual(MAX_FACTS_PER_KIND);
    });

    test('reads only the first MAX_FACT_TEXT_LENGTH characters', () => {
      const text = `${' '.repeat(MAX_FACT_TEXT_LENGTH)} SG-482913`;
      expect(extractFacts(text)).toEqual([]);
    });
  });
});

describe('factKey', () => {
  test('treats values that differ only in case and spacing as the same fact', () => {
    expect(factKey({ kind: 'email', value: 'Asha@Example.com' })).toBe(factKey({ kind: 'email', value: 'asha@example.com' }));
    expect(factKey({ kind: 'product', value: 'Washing  machine' })).toBe(factKey({ kind: 'product', value: 'washing machine' }));
  });

  test('treats phone numbers with the same last ten digits as the same fact', () => {
    expect(factKey({ kind: 'phone', value: '03001234567' })).toBe(factKey({ kind: 'phone', value: '+923001234567' }));
    expect(factKey({ kind: 'phone', value: '+919841234567' })).toBe(factKey({ kind: 'phone', value: '+9779841234567' }));
    expect(factKey({ kind: 'phone', value: '+919841234567' })).not.toBe(factKey({ kind: 'phone', value: '+919841234568' }));
  });

  test('keeps the same value of two kinds apart', () => {
    expect(factKey({ kind: 'order_number', value: '482913' })).not.toBe(factKey({ kind: 'phone', value: '482913' }));
  });
});
