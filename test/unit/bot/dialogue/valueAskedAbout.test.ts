import type { TurnResult } from '../../../../src/bot/dialogue';
import { useDemoEngine } from './engineHarness';

/**
 * A value asked about with nothing but question words around it ("where is SG-305117?") means what
 * the value sent alone means (DEV12 conversations).
 */
const { play } = useDemoEngine();

const answered = (result: TurnResult) => result.signals.flatMap((s) => (s.type === 'answered' ? [s.intent] : []));

describe('DialogueEngine: a value asked about with question words only', () => {
  it.each([
    ['en', 'where is SG-305117 ?'],
    ['hi-Latn', 'SG-305117 kahan hai?'],
    ['ur', 'SG-305117 کہاں ہے؟'],
  ])('answers a %s "where is <order number>" with the order status', async (_lang, text) => {
    expect(answered(await play(text))).toEqual(['order_status']);
  });

  it('still answers the question the customer asks about a value in words of its own', async () => {
    expect(answered(await play('cancel SG-305117 please'))).toEqual(['cancel_order']);
  });

  it('does not read question words without a value as a question about an order', async () => {
    expect(answered(await play('where is ?'))).toEqual([]);
  });
});
