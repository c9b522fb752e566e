import { parseCatalogFiles } from '../../../src/nlu/catalog';
import { mergeOverlay } from '../../../src/training/mergeOverlay';
import type { OverlayExample, OverlayIntent } from '../../../src/training/types';

const SETTINGS = { path: 'intents/_catalog.yaml', content: 'languages: [en, hi]\ndefaultLanguage: en\n' };
const ORDERS = {
  path: 'intents/orders.yaml',
  content: [
    '# Orders: kept as written.',
    'intents:',
    '  - id: order_status',
    '    examples:',
    '      en:',
    '        - "where is my order"',
    '    answers:',
    '      en: "It is on its way."',
    '  - id: cancel_order',
    '    examples:',
    '      en: ["cancel my order"]',
    '    answers: { en: "Cancelled." }',
    '',
  ].join('\n'),
};

const example = (intent: string, lang: string, text: string): OverlayExample => ({ id: `ex_${text}`, intent, lang, text, acceptedBy: 'ag_1', acceptedAt: 1 });

describe('mergeOverlay', () => {
  it('appends an accepted example to its intent in its language, keeping the file\'s comments', () => {
    const merged = mergeOverlay([SETTINGS, ORDERS], { examples: [example('order_status', 'en', 'any news on my stuff')], intents: [] }, 'en');
    expect(merged.changed).toEqual(['intents/orders.yaml']);
    expect(merged.files[1]!.content).toContain('# Orders: kept as written.');
    const catalog = parseCatalogFiles(merged.files, {});
    expect(catalog.intents.find((i) => i.id === 'order_status')!.examples.en).toEqual(['where is my order', 'any news on my stuff']);
  });

  it('starts the list of a language the intent had no example in', () => {
    const merged = mergeOverlay([SETTINGS, ORDERS], { examples: [example('cancel_order', 'hi', 'ऑर्डर रद्द करो')], intents: [] }, 'en');
    const catalog = parseCatalogFiles(merged.files, {});
    expect(catalog.intents.find((i) => i.id === 'cancel_order')!.examples).toEqual({ en: ['cancel my order'], hi: ['ऑर्डर रद्द करो'] });
  });

  it('keeps a text YAML would read as another type a string ("yes", "123", "null")', () => {
    const merged = mergeOverlay([SETTINGS, ORDERS], { examples: ['yes', '123', 'null'].map((t) => example('order_status', 'en', t)), intents: [] }, 'en');
    expect(parseCatalogFiles(merged.files, {}).intents[0]!.examples.en).toEqual(['where is my order', 'yes', '123', 'null']);
  });

  it('writes proposed intents, and examples accepted for them, to trained.yaml', () => {
    const intent: OverlayIntent = { id: 'gift_wrap', answer: 'Yes, at checkout.', examples: { en: ['gift wrap please'] }, createdBy: 'ag_1', createdAt: 1 };
    const merged = mergeOverlay([SETTINGS, ORDERS], { examples: [example('gift_wrap', 'hi', 'गिफ्ट पैक')], intents: [intent] }, 'en');
    expect(merged.changed).toEqual(['intents/trained.yaml']);
    const gift = parseCatalogFiles(merged.files, {}).intents.find((i) => i.id === 'gift_wrap')!;
    expect(gift.examples).toEqual({ en: ['gift wrap please'], hi: ['गिफ्ट पैक'] });
    expect(gift.answers.en![0]!.text).toBe('Yes, at checkout.');
  });

  it('leaves the files as they were when the overlay is empty', () => {
    const merged = mergeOverlay([SETTINGS, ORDERS], { examples: [], intents: [] }, 'en');
    expect(merged.changed).toEqual([]);
    expect(merged.files.map((f) => f.content)).toEqual([SETTINGS.content, ORDERS.content]);
  });
});
