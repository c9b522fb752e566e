import { withoutTrailingValueNames } from '../../../../src/bot/dialogue/dialogueEngine';
import type { DialogueEngine, TurnResult } from '../../../../src/bot/dialogue';
import type { Catalog } from '../../../../src/nlu/types';
import { makeDemoEngine, playWithFacts } from './engineHarness';

/** "order", "order no", "آرڈر نمبر": what is left where an order number was cut out. */
const namesOrder = (piece: string) => /^(order( no| number)?|آرڈر نمبر)$/u.test(piece);

describe('withoutTrailingValueNames', () => {
  test('drops the words that named a value cut from the end of a question', () => {
    expect(withoutTrailingValueNames('can i exchange? order ', namesOrder)).toBe('can i exchange?');
  });

  test('drops them after an Urdu question mark', () => {
    expect(withoutTrailingValueNames('میرا ریفنڈ کب آئے گا؟ آرڈر نمبر ', namesOrder)).toBe('میرا ریفنڈ کب آئے گا؟');
  });

  test('keeps a last piece that says something else', () => {
    expect(withoutTrailingValueNames('where is my refund? order never came', namesOrder)).toBe('where is my refund? order never came');
  });

  test('keeps the words naming a value at the start of a message', () => {
    expect(withoutTrailingValueNames('order no , where is it?', namesOrder)).toBe('order no , where is it?');
  });

  test('keeps a message that is only the words naming a value', () => {
    expect(withoutTrailingValueNames('order no.', namesOrder)).toBe('order no.');
  });
});

describe('DialogueEngine with the demo catalog: an order number handed over after the question', () => {
  let catalog: Catalog;
  let engine: DialogueEngine;
  beforeAll(async () => {
    ({ engine, catalog } = await makeDemoEngine());
  });
  const answered = (result: TurnResult) => result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent);

  it('answers "where is my refund? order no SG-771204" as the refund alone, not also the order status', async () => {
    const result = await playWithFacts(engine, catalog, ['where is my refund? order no SG-771204']);
    expect(answered(result)).toEqual(['refund_status']);
  });

  it('answers "can i exchange? order SG-448812" as a return question, not a cancellation', async () => {
    const result = await playWithFacts(engine, catalog, ['can i exchange? order SG-448812']);
    expect(answered(result)).toEqual(['return_policy']);
  });
});
