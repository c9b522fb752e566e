import { MAX_OTHER_WORDS, onlyDescribesValue, valueWordsBySlot } from '../../../../src/bot/dialogue/valueReply';
import { testCatalog } from './testCatalog';

const words = valueWordsBySlot(testCatalog()).get('order_number');

describe('valueReply: words around a value the bot asked for', () => {
  it('takes the words of the slot prompts in every language from the catalog', () => {
    expect(words).toBeDefined();
    expect(words!.has('order')).toBe(true);
    expect(words!.has('number')).toBe(true);
    expect(words!.has('نمبر')).toBe(true);
  });

  it('reads "my order number is" as only describing the value', () => {
    expect(onlyDescribesValue('my order number is ', words)).toBe(true);
  });

  it('reads a question of its own as more than a description', () => {
    expect(onlyDescribesValue('where is my refund for ', words)).toBe(false);
  });

  it(`allows at most ${MAX_OTHER_WORDS} words the prompts do not use`, () => {
    expect(onlyDescribesValue('here you go', words)).toBe(false);
    expect(onlyDescribesValue('ye lo', words)).toBe(true);
  });

  it('matches Devanagari with or without the nukta', () => {
    const hindi = new Set(['ऑर्डर', 'नंबर', 'है']);
    expect(onlyDescribesValue('ऑर्डर नंबर है', hindi)).toBe(true);
    expect(onlyDescribesValue('आर्डर नम्बर ज़रा देखो जल्दी', hindi)).toBe(false);
  });

  it('counts words only when no words are known for the slot', () => {
    expect(onlyDescribesValue('mera wala', undefined)).toBe(true);
    expect(onlyDescribesValue('kab tak aayega yeh', undefined)).toBe(false);
  });
});
