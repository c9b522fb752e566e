import { answeredIntents, useDemoEngine } from './engineHarness';

/**
 * A value the catalog's bareFacts names (an order number), offered with words that only name it or
 * offer it in passing ("ok and the order number is SG-208417 if that helps"), means what the bare
 * value means (order status), as "SG-208417" alone does.
 */
const { play } = useDemoEngine();

describe('DialogueEngine: a bare value offered with chatter around it', () => {
  it.each([
    ['en', 'ok and the order number is SG-208417 if that helps'],
    ['en', 'my order number is SG-208417, in case you need it'],
    ['hi-Latn', 'aur order number SG-208417 hai agar kaam aaye'],
    ['ur', 'اور آرڈر نمبر SG-208417 ہے اگر کام آئے'],
  ])('reads the %s "%s" as the order status', async (_lang, text) => {
    const result = await play(text);
    expect(answeredIntents(result)).toEqual(['order_status']);
    expect(result.signals.some((s) => s.type === 'misunderstood')).toBe(false);
  });

  it('still reads a request beside the value as that request', async () => {
    expect(answeredIntents(await play('please cancel SG-208417 if that helps'))).toEqual(['cancel_order']);
  });
});
