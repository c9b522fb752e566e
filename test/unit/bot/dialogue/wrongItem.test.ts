import { namesWrongItem } from '../../../../src/bot/dialogue/namesWrongItem';
import { useDemoEngine } from './engineHarness';

/**
 * "ordered black earphones but got white ones": a delivery that held something other than what was
 * ordered is the catalog's wrongItem intent (a complaint, handed to care, in the demo), unless the
 * message asks a question understood on its own.
 */
const { play } = useDemoEngine();

const signals = async (...messages: string[]) =>
  (await play(...messages)).signals.map((s) => `${s.type}:${(s as { intent?: string }).intent ?? ''}`);

describe('namesWrongItem', () => {
  test.each([
    ['en', 'you sent me the wrong product'],
    ['en', 'ordered black earphones but got white ones'],
    ['hi-Latn', 'black manga tha white aaya'],
    ['hi', 'मैंने काला फोन मंगाया था, सफेद आ गया'],
    ['hi', 'गलत सामान भेज दिया आपने'],
    ['ur', 'غلط سامان آ گیا ہے'],
    ['ur', 'میں نے کالا فون منگوایا تھا، سفید آ گیا'],
    ['ne', 'मैले कालो मगाएको थिएँ, सेतो आयो'],
    ['ne-Latn', 'arkai saman aayo'],
    ['en', 'i ordered a tv and you sent a different model'],
  ])('hears a wrong delivery in (%s: %s)', (_lang, text) => {
    expect(namesWrongItem(text)).toBe(true);
  });

  test.each([
    ['i ordered on monday and got a message that it shipped'],
    ['maine black phone order kiya tha abhi tak nahi aaya'],
    ['ordered a black tv, not received yet'],
    ['मैंने काला फोन मंगाया था'],
    ['is the white one in stock'],
    ['pls cancel my order, i picked the wrong colour'],
    ['galti se galat size order ho gaya'],
    ['ordered the wrong colour can i exchange it'],
    ['picked wrong size, pls help'],
  ])('hears no wrong delivery in "%s"', (text) => {
    expect(namesWrongItem(text)).toBe(false);
  });
});

describe('DialogueEngine with the demo catalog: a wrong item delivered', () => {
  test.each([
    ['en', 'ordered black earphones but got white ones'],
    ['en', 'i ordered a black phone cover and you sent a blue one'],
    ['hi-Latn', 'mera order galat aaya hai, black manga tha white aaya'],
    ['hi', 'मैंने काला फोन मंगाया था, सफेद आ गया'],
    ['ur', 'غلط سامان آ گیا ہے'],
    ['ne', 'मैले कालो मगाएको थिएँ, सेतो आयो'],
    ['ne-Latn', 'namaste, arkai saman aayo'],
  ])('in %s, a wrong delivery told is handed to care as a complaint', async (_lang, text) => {
    expect(await signals(text)).toEqual(['handoff_intent:complaint']);
  });

  test.each([
    ['hi-Latn', 'wrong colour aaya, exchange kaise karun?'],
    ['en', 'got the wrong item, how do i return it?'],
  ])('in %s, a wrong delivery with a question understood gets that answer', async (_lang, text) => {
    expect(await signals(text)).toEqual(['answered:return_policy']);
  });

  test('a question understood beside a wrong delivery is answered, and the wrong delivery still goes to care', async () => {
    expect(await signals('you sent the wrong colour, please tell me your store hours')).toEqual(['answered:store_hours', 'handoff_intent:complaint']);
  });

  test('"ordered the wrong colour can i exchange it" (the customer\'s own choice, "I" left out) gets the return rules, not care', async () => {
    expect(await signals('ordered the wrong colour can i exchange it')).toEqual(['answered:return_policy']);
  });

  test('an order that has not come yet is not a wrong delivery', async () => {
    expect(await signals('maine black phone order kiya tha abhi tak nahi aaya')).not.toContain('handoff_intent:complaint');
  });
});
