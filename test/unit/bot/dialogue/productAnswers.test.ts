import { initialDialogueState } from '../../../../src/bot/dialogue';
import { answersForProduct, newestProduct } from '../../../../src/bot/dialogue/productAnswers';
import type { Catalog, Intent } from '../../../../src/nlu/types';
import { makeEngine, textsOf } from './engineHarness';
import { testCatalog } from './testCatalog';

const GENERAL_EN = '[en] Most products have a 1-year warranty. Which product is it?';
const TV_EN = '[en] TVs: 1 year on the set, 3 years on the panel.';
const OLED_EN = '[en] The OLED 75: 5 years on the panel.';
const WATCH_EN = '[en] Watches: 1 year, battery not covered.';
const TV_HI = '[hi] टीवी: सेट पर 1 साल, पैनल पर 3 साल।';

const WARRANTY: Intent = {
  id: 'warranty',
  title: { en: 'Warranty' },
  examples: {
    en: ['how long is the warranty', 'is it under warranty', 'warranty period', 'does the guarantee cover this', 'is my purchase covered by warranty'],
    hi: ['वारंटी कितने साल की है', 'क्या यह वारंटी में है', 'गारंटी कितनी है'],
  },
  answers: { en: [{ text: GENERAL_EN }] },
  answersFor: [
    { products: ['tv_oled_75'], answers: { en: [{ text: OLED_EN }] } },
    { products: ['tv'], answers: { en: [{ text: TV_EN }], hi: [{ text: TV_HI }] } },
    { products: ['watch', 'calculator'], answers: { en: [{ text: WATCH_EN }] } },
  ],
  handoff: false,
  slots: [],
  followUps: [],
  source: 'productAnswers.test.ts',
};

function catalogWithProducts(): Catalog {
  const catalog = testCatalog();
  return {
    ...catalog,
    intents: [...catalog.intents, WARRANTY],
    products: {
      categories: [
        { id: 'tv', name: { en: 'TV', hi: 'टीवी' }, aliases: {} },
        { id: 'watch', name: { en: 'Watch' }, aliases: {} },
        { id: 'phone', name: { en: 'Smartphone' }, aliases: {} },
      ],
      products: [
        { id: 'tv_oled_75', category: 'tv', name: { en: 'OLED 75-inch TV' }, aliases: {} },
        { id: 'tv_vision_55', category: 'tv', name: { en: 'Vision 55-inch TV' }, aliases: {} },
      ],
    },
  };
}

const product = (value: string) => ({ kind: 'product', value, verified: true });

describe('answersForProduct', () => {
  it("gives the product's own answers over its category's", () => {
    expect(answersForProduct(WARRANTY, { id: 'tv_oled_75', category: 'tv' }).en?.[0]?.text).toBe(OLED_EN);
  });

  it("gives the category's answers for a product without a set of its own", () => {
    expect(answersForProduct(WARRANTY, { id: 'tv_vision_55', category: 'tv' }).en?.[0]?.text).toBe(TV_EN);
  });

  it('gives the general answers for a product no set names', () => {
    expect(answersForProduct(WARRANTY, { id: 'phone', category: 'phone' }).en?.[0]?.text).toBe(GENERAL_EN);
  });

  it('gives the general answers when no product is known', () => {
    expect(answersForProduct(WARRANTY, undefined).en?.[0]?.text).toBe(GENERAL_EN);
  });
});

describe('newestProduct', () => {
  it('reads the newest product fact back to its product and category', () => {
    const facts = [{ kind: 'order_number', value: 'SG-123456', verified: true }, product('OLED 75-inch TV'), product('Watch')];
    expect(newestProduct(catalogWithProducts(), facts)).toEqual({ id: 'tv_oled_75', category: 'tv' });
  });

  it('reads a category name to the category itself', () => {
    expect(newestProduct(catalogWithProducts(), [product('Watch')])).toEqual({ id: 'watch', category: 'watch' });
  });

  it('knows no product the catalog does not list', () => {
    expect(newestProduct(catalogWithProducts(), [product('Toaster')])).toBeUndefined();
  });

  it('knows no product in a catalog without products', () => {
    expect(newestProduct(testCatalog(), [product('TV')])).toBeUndefined();
  });
});

describe('DialogueEngine: answers about the customer’s product', () => {
  async function ask(text: string, facts: { kind: string; value: string; verified: boolean }[]) {
    return makeEngine({ catalog: catalogWithProducts() }).turn({
      text,
      facts,
      state: initialDialogueState(),
      customerRef: 'whatsapp:+919876543210',
      channel: 'whatsapp',
      conversationId: 'conv-1',
    });
  }

  it('answers the warranty of the TV the customer wrote about', async () => {
    expect(textsOf(await ask('is it under warranty', [product('Vision 55-inch TV')]))).toEqual([TV_EN]);
  });

  it("answers in the customer's language from the product's set", async () => {
    expect(textsOf(await ask('क्या यह वारंटी में है', [product('TV')]))).toEqual([TV_HI]);
  });

  it('answers the general warranty when the customer named no product', async () => {
    expect(textsOf(await ask('is it under warranty', []))).toEqual([GENERAL_EN]);
  });

  it('answers about the product named last when several were', async () => {
    expect(textsOf(await ask('how long is the warranty', [product('Watch'), product('TV')]))).toEqual([WATCH_EN]);
  });
});
