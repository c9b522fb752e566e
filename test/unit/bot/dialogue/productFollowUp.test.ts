import { describesProductOnly, isProductFollowUp, MAX_OPENED_FOLLOW_UP_WORDS, namesWithoutAsking, opensProductFollowUp } from '../../../../src/bot/dialogue/productFollowUp';
import { makeDemoEngine, playWithFacts } from './engineHarness';

/** The span of `phrase` in `text`, as the product matcher reports it. */
const at = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  return [{ start, end: start + phrase.length }];
};

describe('isProductFollowUp', () => {
  it.each([
    ['en', 'what about the fridge?', 'fridge'],
    ['en', 'and for laptops', 'laptops'],
    ['hi-Latn', 'aur washing machine ka?', 'washing machine'],
    ['hi', 'और टीवी का क्या?', 'टीवी'],
    ['ur', 'اور فریج کا؟', 'فریج'],
    ['ne', 'अनि फ्रिजको नि?', 'फ्रिज'],
    ['ne-Latn', 'ani laptop ko?', 'laptop'],
  ])('reads a message that only names another product as a follow-up (%s: "%s")', (_lang, text, phrase) => {
    expect(isProductFollowUp(text, at(text, phrase))).toBe(true);
  });

  it('reads a bare product name as a follow-up', () => {
    expect(isProductFollowUp('fridge?', at('fridge?', 'fridge'))).toBe(true);
  });

  it('is not a follow-up without a product', () => {
    expect(isProductFollowUp('what about it?', [])).toBe(false);
  });

  it('is not a follow-up when other words ask something of their own', () => {
    const text = 'and the fridge, do you deliver to Pune?';
    expect(isProductFollowUp(text, at(text, 'fridge'))).toBe(false);
  });

  it('is not a follow-up when the words around the product are too many, even if each is a follow-up word', () => {
    const text = 'and what about the fridge then is it also the same';
    expect(isProductFollowUp(text, at(text, 'fridge'))).toBe(false);
  });

  it('is not a follow-up when a flood of follow-up words surrounds the product', () => {
    const text = `${'and '.repeat(2000)}fridge`;
    expect(isProductFollowUp(text, at(text, 'fridge'))).toBe(false);
  });
});

describe('opensProductFollowUp', () => {
  it.each([
    ['en', 'and what about the ac i bought last summer?', 'ac'],
    ['hi', 'और जो फ्रिज पिछले साल लिया था उसका?', 'फ्रिज'],
    ['hi-Latn', 'aur jo ac pichhle saal liya tha uska kya?', 'ac'],
    ['ur', 'اور جو لیپ ٹاپ پچھلے سال لیا تھا اس کی؟', 'لیپ ٹاپ'],
    ['ne', 'अनि गत वर्ष किनेको फ्रिजमा नि?', 'फ्रिज'],
  ])('reads a %s message that opens like a follow-up and names a product as one, whatever describes the product', (_lang, text, phrase) => {
    expect(opensProductFollowUp(text, at(text, phrase))).toBe(true);
  });

  it('is not a follow-up when the message does not open like one', () => {
    const text = 'the ac i bought last summer makes a noise';
    expect(opensProductFollowUp(text, at(text, 'ac'))).toBe(false);
  });

  it('is not a follow-up without a product', () => {
    expect(opensProductFollowUp('and what about the one i bought last summer?', [])).toBe(false);
  });

  it(`is not a follow-up past ${MAX_OPENED_FOLLOW_UP_WORDS} words`, () => {
    const text = `and what about the ac ${'really '.repeat(MAX_OPENED_FOLLOW_UP_WORDS)}`;
    expect(opensProductFollowUp(text, at(text, 'ac'))).toBe(false);
  });
});

describe('describesProductOnly', () => {
  it.each([
    ['en', 'and what about the fridge we got from your delhi store?', 'fridge'],
    ['en', 'what about the ac i bought last summer?', 'ac'],
    ['hi', 'और जो फ्रिज पिछले साल लिया था उसका?', 'फ्रिज'],
    ['ur', 'اور جو فریج پچھلے سال لیا تھا اس کا؟', 'فریج'],
  ])('reads an opened follow-up whose other words only describe the product as the same question (%s: "%s")', (_lang, text, phrase) => {
    expect(describesProductOnly(text, at(text, phrase))).toBe(true);
  });

  it('is not the same question when the rest asks something of its own', () => {
    const text = 'and what about the fridge, can i return it?';
    expect(describesProductOnly(text, at(text, 'fridge'))).toBe(false);
  });

  it('is not a follow-up without an opener', () => {
    const text = 'the fridge we got from your delhi store';
    expect(describesProductOnly(text, at(text, 'fridge'))).toBe(false);
  });
});

describe('namesWithoutAsking', () => {
  it('reads a part that only names and describes a product, without an opener', () => {
    const text = 'the inverter ac we bought last year';
    expect(namesWithoutAsking(text, at(text, 'inverter ac'))).toBe(true);
  });

  it('is not such a part when it asks something of its own', () => {
    const text = 'the fridge, can i return it?';
    expect(namesWithoutAsking(text, at(text, 'fridge'))).toBe(false);
  });

  it('is not such a part without a product', () => {
    expect(namesWithoutAsking('the one we bought last year', [])).toBe(false);
  });
});

describe('DialogueEngine with the demo catalog: a part that only names the product of the question beside it', () => {
  it('answers "and the inverter ac we bought last year? is it still in warranty" without asking about the first part', async () => {
    const { engine, catalog } = await makeDemoEngine();
    const result = await playWithFacts(engine, catalog, ['and the inverter ac we bought last year? is it still in warranty']);
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]?.text).toMatch(/^ACs have a 1-year warranty/);
  });
});

