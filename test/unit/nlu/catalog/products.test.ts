import { BatonError } from '../../../../src/errors';
import { parseCatalogFiles, type CatalogFile } from '../../../../src/nlu/catalog/loadCatalog';
import type { CatalogIssue } from '../../../../src/nlu/catalog/issues';

const file = (path: string, content: string): CatalogFile => ({ path, content });

const INTENTS = file(
  'intents/faq.yaml',
  `
languages: [en, hi]
intents:
  - id: greeting
    examples:
      en: [hello]
    answers:
      en: Hello!
`,
);

const PRODUCTS = `
categories:
  - id: tv
    name: { en: TV, hi: टीवी }
    aliases:
      en: [television, telly]
products:
  - id: tv_55
    category: tv
    name: { en: Vision 55-inch TV, hi: विज़न 55 इंच टीवी }
    aliases:
      en: [55 inch tv]
      hi: [55 इंच वाला टीवी]
`;

function problemsOf(files: CatalogFile[]): CatalogIssue[] {
  try {
    parseCatalogFiles(files, {});
  } catch (err) {
    expect(err).toBeInstanceOf(BatonError);
    expect((err as BatonError).code).toBe('CATALOG_INVALID');
    return (err as BatonError & { details: CatalogIssue[] }).details;
  }
  throw new Error('expected the catalog to be rejected');
}

describe('parseCatalogFiles: products and categories', () => {
  it('reads categories and products from a file of their own', () => {
    const catalog = parseCatalogFiles([INTENTS, file('intents/_products.yaml', PRODUCTS)], {});
    expect(catalog.products).toEqual({
      categories: [{ id: 'tv', name: { en: 'TV', hi: 'टीवी' }, aliases: { en: ['television', 'telly'] } }],
      products: [
        { id: 'tv_55', category: 'tv', name: { en: 'Vision 55-inch TV', hi: 'विज़न 55 इंच टीवी' }, aliases: { en: ['55 inch tv'], hi: ['55 इंच वाला टीवी'] } },
      ],
    });
  });

  it('has no products when the catalog lists none', () => {
    expect(parseCatalogFiles([INTENTS], {}).products).toBeUndefined();
  });

  it('refuses a product whose category is not defined, naming the file and path', () => {
    const problems = problemsOf([INTENTS, file('p.yaml', 'products:\n  - id: x1\n    category: fridge\n    name: Cool 200\n')]);
    expect(problems).toEqual([expect.objectContaining({ file: 'p.yaml', path: 'products[0].category', message: expect.stringMatching(/category "fridge" is not defined/) })]);
  });

  it('refuses an alias that already names another product, after folding case and spelling', () => {
    const problems = problemsOf([
      INTENTS,
      file('p.yaml', `${PRODUCTS}  - id: tv_55b\n    category: tv\n    name: Other TV\n    aliases:\n      en: [55-Inch TV]\n`),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'p.yaml', path: 'products[1].aliases.en[0]', message: expect.stringMatching(/already names product "tv_55"/) }),
    ]);
  });

  it('refuses duplicate ids across files', () => {
    const problems = problemsOf([INTENTS, file('a.yaml', PRODUCTS), file('b.yaml', PRODUCTS)]);
    expect(problems.map((p) => [p.file, p.path])).toEqual([
      ['b.yaml', 'categories[0].id'],
      ['b.yaml', 'products[0].id'],
    ]);
  });

  it('refuses an alias in a language the catalog does not declare', () => {
    const problems = problemsOf([INTENTS, file('p.yaml', 'categories:\n  - id: tv\n    name: TV\n    aliases:\n      ur: [ٹی وی]\n')]);
    expect(problems).toEqual([expect.objectContaining({ path: 'categories[0].aliases.ur', message: expect.stringMatching(/language "ur" is not in languages/) })]);
  });

  it('refuses an unknown key with a suggestion, like the rest of the catalog', () => {
    const problems = problemsOf([INTENTS, file('p.yaml', 'categories:\n  - id: tv\n    name: TV\n    aliasses: [telly]\n')]);
    expect(problems[0]).toEqual(expect.objectContaining({ file: 'p.yaml', path: 'categories[0].aliasses', message: expect.stringMatching(/did you mean "aliases"/) }));
  });
});

describe('parseCatalogFiles: format hints', () => {
  it('fills built-in hints for every kind and language, overridden by the catalog', () => {
    const settings = file(
      '_catalog.yaml',
      'languages: [en, hi]\nmessages:\n  formatHints:\n    order_number:\n      en: "Ours look like SG-482913, not {value}."\n',
    );
    const catalog = parseCatalogFiles([settings, INTENTS].map((f, i) => (i === 1 ? { ...f, content: f.content.replace('languages: [en, hi]\n', '') } : f)), {});
    expect(catalog.messages.formatHints?.order_number?.en).toBe('Ours look like SG-482913, not {value}.');
    expect(catalog.messages.formatHints?.order_number?.hi).toMatch(/ऑर्डर नंबर/);
    expect(Object.keys(catalog.messages.formatHints ?? {})).toEqual(['order_number', 'email', 'phone', 'date']);
  });

  it('refuses a hint for a kind that has none', () => {
    const problems = problemsOf([file('_catalog.yaml', 'messages:\n  formatHints:\n    shoe_size:\n      en: "…"\n'), file('i.yaml', INTENTS.content.replace('languages: [en, hi]\n', ''))]);
    expect(problems[0]?.path).toMatch(/^messages\.formatHints/);
  });
});

const WARRANTY_INTENT = (answersFor: string) =>
  file(
    'intents/warranty.yaml',
    `
intents:
  - id: warranty
    examples:
      en: [how long is the warranty]
    answers:
      en: Most products have 1 year.
    answersFor:
${answersFor}`,
  );

describe('parseCatalogFiles: answers for some products only', () => {
  it('reads each set with its products and its answers per language', () => {
    const catalog = parseCatalogFiles(
      [INTENTS, file('intents/_products.yaml', PRODUCTS), WARRANTY_INTENT('      - products: [tv_55, tv]\n        answers: { en: TVs have 3 years., hi: टीवी पर 3 साल। }\n')],
      {},
    );
    const warranty = catalog.intents.find((i) => i.id === 'warranty');
    expect(warranty?.answersFor).toEqual([
      { products: ['tv_55', 'tv'], answers: { en: [{ text: 'TVs have 3 years.' }], hi: [{ text: 'टीवी पर 3 साल।' }] } },
    ]);
  });

  it('refuses a set that names a product the catalog does not list', () => {
    const problems = problemsOf([INTENTS, file('intents/_products.yaml', PRODUCTS), WARRANTY_INTENT('      - products: [fridge]\n        answers: { en: Fridges have 10 years. }\n')]);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'intents/warranty.yaml', path: 'intents[0].answersFor[0].products[0]', message: expect.stringContaining('"fridge" names no product or category') }),
    ]);
  });

  it('refuses a set without an answer in the default language', () => {
    const problems = problemsOf([INTENTS, file('intents/_products.yaml', PRODUCTS), WARRANTY_INTENT('      - products: [tv]\n        answers: { hi: टीवी पर 3 साल। }\n')]);
    expect(problems).toEqual([expect.objectContaining({ path: 'intents[0].answersFor[0].answers', message: expect.stringContaining('needs an answer in "en"') })]);
  });

  it('refuses an answer in a language the catalog does not declare', () => {
    const problems = problemsOf([INTENTS, file('intents/_products.yaml', PRODUCTS), WARRANTY_INTENT('      - products: [tv]\n        answers: { en: TVs have 3 years., ur: ٹی وی پر 3 سال۔ }\n')]);
    expect(problems).toEqual([expect.objectContaining({ path: 'intents[0].answersFor[0].answers.ur', message: expect.stringContaining('language "ur" is not in languages') })]);
  });
});

describe('the demo catalog', () => {
  it('lists about forty products in fourteen categories, each named in all five languages', async () => {
    const { loadCatalog } = await import('../../../../src/nlu/catalog');
    const catalog = await loadCatalog(require('node:path').join(__dirname, '../../../../intents'));
    const products = catalog.products!;
    expect(products.products.length).toBeGreaterThanOrEqual(40);
    expect(products.categories).toHaveLength(14);
    for (const entry of [...products.categories, ...products.products]) {
      expect(Object.keys(entry.name).sort()).toEqual(['en', 'hi', 'hi-Latn', 'ne', 'ur']);
      expect(Object.keys(entry.aliases).sort()).toEqual(['en', 'hi', 'hi-Latn', 'ne', 'ur']);
    }
  });
});
