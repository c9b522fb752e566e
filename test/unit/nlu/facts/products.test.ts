import { compileProductIndex, extractFacts } from '../../../../src/nlu/facts';
import type { ProductCatalog } from '../../../../src/nlu/types';
import { demoProducts, flood } from './helpers';

async function productsIn(text: string): Promise<string[]> {
  const products = await demoProducts();
  return extractFacts(text, { products })
    .filter((f) => f.kind === 'product')
    .map((f) => f.value);
}

describe('products of the demo catalog', () => {
  test('does not read "ghar" (home), which the examples of many intents use, as a typo of "ghari" (watch)', async () => {
    expect(await productsIn('aur lagane wala banda ghar aata hai kya?')).toEqual([]);
  });

  test.each([
    ['मेरो टिभीको अर्डर अझै आएन', 'TV'],
    ['कुरा ल्यापटपको बारेमा हो', 'Laptop'],
    ['मेरो वासिङ मेसिनको अर्डरमा गडबड छ', 'Washing machine'],
  ])('finds a product with a Nepali postposition written onto it: %s', async (text, product) => {
    expect(await productsIn(text)).toEqual([product]);
  });

  test.each([
    ['en', 'sorry, i meant the 43 inch one'],
    ['hi', 'नहीं, 43 इंच वाला'],
    ['ur', 'معاف کیجیے، 43 انچ والا'],
  ])('finds a TV named by its screen size alone in a %s message', async (_lang, text) => {
    expect(await productsIn(text)).toEqual(['Sargam Vision 43-inch Full HD TV']);
  });

  test.each([
    ['luga dhune machine 2 din mai bigryo', 'Washing machine'],
    ['dhulai machine kharab hai', 'Washing machine'],
    ['mero tibhi bigryo', 'TV'],
  ])('finds a product named in romanised Nepali or Hindi words: %s', async (text, product) => {
    expect(await productsIn(text)).toEqual([product]);
  });

  test('does not take a word that only ends like a postposition for a product', async () => {
    expect(await productsIn('मलाई सहयोग चाहियो')).toEqual([]);
  });

  test.each([
    ['en', 'my washing machine is leaking'],
    ['hi', 'मेरी वाशिंग मशीन से पानी टपक रहा है'],
    ['hi-Latn', 'meri washing mashin kharab ho gayi'],
    ['ur', 'میری واشنگ مشین خراب ہے'],
    ['ne', 'मेरो वासिङ मेसिन बिग्रियो'],
  ])('finds a category in a %s message', async (_lang, text) => {
    expect(await productsIn(text)).toEqual(['Washing machine']);
  });

  test.each([
    ['en', 'the 55-inch TV I bought has no sound'],
    ['hi', 'मेरा ५५ इंच टीवी बंद हो गया'],
    ['hi-Latn', 'mera 55 inch wala tv chal nahi raha'],
    ['ur', 'میرا 55 انچ ٹی وی خراب ہے'],
    ['ne', 'मेरो ५५ इन्च टिभी चलेन'],
  ])('finds the 55-inch TV in a %s message, by its longest name', async (_lang, text) => {
    expect(await productsIn(text)).toEqual(['Sargam Vision 55-inch 4K TV']);
  });

  test.each([
    ['upper case', 'MY FRIDGE IS NOT COOLING', 'Refrigerator'],
    ['a Hinglish spelling', 'mera naya fridj band hai', 'Refrigerator'],
    ['a letter missing', 'my calculatr is broken', 'Calculator'],
    ['a letter too many', 'the guittar strings snapped', 'Guitar'],
    ['a nukta in Devanagari', 'मेरा फ़्रिज ठंडा नहीं करता', 'Refrigerator'],
    ['dots between letters', 'my T.V. remote', 'TV'],
  ])('tolerates %s', async (_what, text, value) => {
    expect(await productsIn(text)).toEqual([value]);
  });

  test('finds several products, in the order written, each once', async () => {
    expect(await productsIn('the gaming laptop and the soundbar, and the gaming laptop again')).toEqual([
      'Sargam Blaze 15 gaming laptop',
      'Sargam Cinema soundbar',
    ]);
  });

  test('does not take "mobile number" for a phone the customer bought', async () => {
    expect(await productsIn('my mobile number changed')).toEqual([]);
  });

  test.each([
    ['en', 'my email ravi.k@example.com, phone 98765 43210'],
    ['en', 'call me on my mobile: +91 98765 43210'],
    ['hi-Latn', 'mera phone no 9876543210 hai'],
    ['hi', 'मेरा फ़ोन है 9876543210'],
    ['ur', 'میرا موبائل 03001234567 ہے'],
  ])('does not take a device word right before a phone number for a product (%s: %s)', async (_lang, text) => {
    expect(await productsIn(text)).toEqual([]);
  });

  test.each([
    ['en', 'nobody picks up the phone at your helpline'],
    ['en', 'i already told your agent on the phone'],
    ['hi-Latn', 'koi phone nahi uthata'],
    ['hi', 'कोई फ़ोन नहीं उठाता'],
    ['ur', 'کوئی فون نہیں اٹھاتا'],
    ['ne', 'कसैले फोन उठाउँदैन'],
  ])('does not take a phone that nobody answers for a product (%s: %s)', async (_lang, text) => {
    expect(await productsIn(text)).toEqual([]);
  });

  test.each([
    ['en', 'is there emi on the airbook 14?', 'Sargam AirBook 14'],
    ['en', 'there are scratches on the tv', 'TV'],
    ['en', 'my tv no longer turns on', 'TV'],
  ])('takes a product that is not a telephone after "on the" or before "no" (%s: %s)', async (_lang, text, value) => {
    expect(await productsIn(text)).toEqual([value]);
  });

  test.each([
    ['en', 'my phone screen is cracked'],
    ['hi', 'मेरा फ़ोन खराब है'],
    ['en', 'the app crashes on my phone'],
  ])('still takes a phone the customer speaks of as a device (%s: %s)', async (_lang, text) => {
    expect(await productsIn(text)).toEqual(['Smartphone']);
  });

  test('still takes a device the customer bought when a phone number comes later in the message', async () => {
    expect(await productsIn('my phone screen cracked, call me at 98765 43210')).toEqual(['Smartphone']);
  });

  test('does not add the category of a product the message names', async () => {
    expect(await productsIn('I ordered a Sargam Vision 55 inch TV and the TV arrived broken')).toEqual(['Sargam Vision 55-inch 4K TV']);
  });

  test('keeps a category when the product named is of another category', async () => {
    expect(await productsIn('the Vision 55 inch TV and my fridge')).toEqual(['Sargam Vision 55-inch 4K TV', 'Refrigerator']);
  });

  test('does not take the verb "watch" for a wristwatch', async () => {
    expect(await productsIn('I watch the news every night')).toEqual([]);
  });

  test('stays bounded on a flood of product names', async () => {
    const products = await demoProducts();
    expect(extractFacts(flood('tv fridge laptop guitar ac '), { products }).length).toBeLessThanOrEqual(20);
  });
});

describe('a product catalog', () => {
  const catalog: ProductCatalog = {
    categories: [{ id: 'tv', name: { en: 'TV' }, aliases: { hi: ['टीवी'] } }],
    products: [{ id: 'tv55', category: 'tv', name: { en: 'Vision 55' }, aliases: { en: ['55 inch tv'], ur: ['55 انچ ٹی وی'] } }],
  };

  test('names a fact by the default-language name, whatever language matched', () => {
    const products = compileProductIndex(catalog, 'en');
    expect(extractFacts('میرا 55 انچ ٹی وی', { products }).map((f) => f.value)).toEqual(['Vision 55']);
    expect(extractFacts('मेरा टीवी', { products }).map((f) => f.value)).toEqual(['TV']);
  });

  test('finds a product by its name without the brand every product name starts with', () => {
    const branded: ProductCatalog = {
      categories: [{ id: 'phone', name: { en: 'Phone' }, aliases: {} }],
      products: [
        { id: 'p1', category: 'phone', name: { en: 'Acme Nova 5G', hi: 'एक्मे नोवा 5G' }, aliases: {} },
        { id: 'p2', category: 'phone', name: { en: 'Acme Lite 4G', hi: 'एक्मे लाइट 4G' }, aliases: {} },
      ],
    };
    const products = compileProductIndex(branded, 'en');
    expect(extractFacts('मेरा नोवा 5G गरम होता है', { products }).map((f) => f.value)).toEqual(['Acme Nova 5G']);
    expect(extractFacts('the lite 4g one', { products }).map((f) => f.value)).toEqual(['Acme Lite 4G']);
  });

  test('does not take a first word that not every product name shares for a brand', () => {
    const mixed: ProductCatalog = {
      categories: [{ id: 'tv', name: { en: 'TV' }, aliases: {} }],
      products: [
        { id: 't1', category: 'tv', name: { en: 'Vision 55 inch TV' }, aliases: {} },
        { id: 't2', category: 'tv', name: { en: 'Cinema 65 inch TV' }, aliases: {} },
      ],
    };
    const products = compileProductIndex(mixed, 'en');
    expect(extractFacts('my 55 inch TV', { products }).map((f) => f.value)).toEqual(['TV']);
  });

  test('does not take a word the catalog\'s examples use in their own right for a typo of an alias', () => {
    const watches: ProductCatalog = { categories: [{ id: 'watch', name: { en: 'Watch' }, aliases: { 'hi-Latn': ['ghari'] } }], products: [] };
    expect(extractFacts('ghar pe kab aayega', { products: compileProductIndex(watches, 'en', ['ghar']) })).toEqual([]);
    expect(extractFacts('meri ghar band ho gayi', { products: compileProductIndex(watches, 'en') }).map((f) => f.value)).toEqual(['Watch']);
  });

  test('gives the span of the words that matched', () => {
    const products = compileProductIndex(catalog, 'en');
    const text = 'my 55 inch tv broke';
    const [fact] = extractFacts(text, { products });
    expect(text.slice(fact!.span.start, fact!.span.end)).toBe('55 inch tv');
  });
});
