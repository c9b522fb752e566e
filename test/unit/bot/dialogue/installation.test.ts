import { type DialogueEngine, initialDialogueState, type TurnResult } from '../../../../src/bot/dialogue';
import { extractFacts, productIndexOf } from '../../../../src/nlu/facts';
import type { Catalog } from '../../../../src/nlu/types';
import { makeDemoEngine } from './engineHarness';

/** "Who will come to install it?" about a TV or an AC gets that product's setup answer: a technician installs it free. */
let catalog: Catalog;
let engine: DialogueEngine;

beforeAll(async () => {
  ({ engine, catalog } = await makeDemoEngine());
});

/** One message with the fact sheet the runtime would hold for it. */
async function ask(text: string): Promise<TurnResult> {
  const facts = extractFacts(text, { products: productIndexOf(catalog) }).reverse();
  return engine.turn({ text, state: initialDialogueState(), facts, customerRef: 'c', channel: 'sandbox', conversationId: 'c' });
}

const setupAnswer = (product: string, lang: string) =>
  catalog.intents.find((i) => i.id === 'product_setup')!.answersFor!.find((s) => s.products.includes(product))!.answers[lang]![0]!.text;

describe('DialogueEngine with the demo catalog: installation', () => {
  it.each([
    ['en', 'tv', 'who installs the tv once it is delivered'],
    ['hi', 'tv', 'टीवी की डिलीवरी के बाद उसे लगाने कौन आएगा'],
    ['hi-Latn', 'ac', 'ac delivery ke baad lagane kaun aayega'],
    ['ur', 'tv', 'ٹی وی ڈیلیور ہونے کے بعد لگانے کون آئے گا'],
    ['ne', 'tv', 'टिभी डेलिभरी भएपछि जडान गर्न को आउनुहुन्छ'],
  ])('gives the %s installation answer for the product named', async (lang, product, text) => {
    const result = await ask(text);
    expect(result.replies.map((r) => r.text)).toEqual([setupAnswer(product, lang)]);
  });

  it('answers "will your team come and fit it, or should i call my own electrician" about the AC named before with the AC installation answer', async () => {
    const result = await ask('the new AC is still packed in its box. will your team come and fit it or should i call a local electrician');
    expect(result.replies.map((r) => r.text).join('\n\n')).toContain(setupAnswer('ac', 'en'));
  });
  it.each([
    ['hi', 'tv', 'टीवी अब तक पैक पड़ा है। आपकी टीम लगाने आएगी या मैं खुद मिस्त्री बुला लूँ?'],
    ['ur', 'ac', 'اے سی ابھی تک پیک پڑا ہے۔ کیا آپ کی ٹیم لگانے آئے گی یا میں خود مستری بلا لوں؟'],
  ])('answers an either-or installation question with the customer\'s own way out (%s)', async (lang, product, text) => {
    const result = await ask(text);
    expect(result.replies.map((r) => r.text)).toEqual([setupAnswer(product, lang)]);
  });
});
