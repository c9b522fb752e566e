import { signalTypes, useDemoEngine } from './engineHarness';

/**
 * A message read just short of sure as an intent that takes the value it gives, with no other
 * reading near it: the value settles it, instead of "did you mean…?" with an option nobody meant.
 */
const { play } = useDemoEngine();

const answered = (result: Awaited<ReturnType<typeof play>>) =>
  result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent);

describe('DialogueEngine with the demo catalog: a value given settles a reading just short of sure', () => {
  it('answers "اور میرے پرانے آرڈر SG-406713 کا کیا بنا؟" with the order status, not a clarification', async () => {
    const result = await play('اکاؤنٹ میں لاگ ان نہیں ہو پا رہا', 'ٹھیک ہے کوشش کرتا ہوں', 'اور میرے پرانے آرڈر SG-406713 کا کیا بنا؟');
    expect(answered(result)).toEqual(['order_status']);
    expect(signalTypes(result)).not.toContain('clarifying');
  });

  it('answers "and what happened to my old order SG-406713?" with the order status', async () => {
    const result = await play('and what happened to my old order SG-406713?');
    expect(answered(result)).toEqual(['order_status']);
  });

  it('does not answer the order status for the same words without an order number', async () => {
    const result = await play('and what happened to my old one?');
    expect(answered(result)).toEqual([]);
  });
});

describe('DialogueEngine with the demo catalog: a new value after an answer asks the same question about it', () => {
  it('answers "and the other one SG-771204?" after the refund status with the refund status again', async () => {
    const result = await play('refund status?', 'SG-482913', 'ok 👍', 'and the other one SG-771204?');
    expect(answered(result)).toEqual(['refund_status']);
    expect(result.state.slots.order_number).toBe('SG-771204');
  });

  it('does not carry a new value over to an answer that takes no such value', async () => {
    const result = await play('what are your store timings', 'and the other one SG-771204?');
    expect(answered(result)).not.toContain('store_hours');
  });
});
