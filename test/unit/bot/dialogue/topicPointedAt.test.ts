import type { TurnResult } from '../../../../src/bot/dialogue';
import { useDemoEngine } from './engineHarness';

/**
 * "it" may point at the topic answered last, named by its title ("Refund status"): a customer who
 * carries on after a person handed the conversation back (DEV12 conversations) is not asked "did
 * you mean…?" between the topic they were on and one a word of theirs leans to.
 */
const { play } = useDemoEngine();

const answered = (result: TurnResult) => result.signals.flatMap((s) => (s.type === 'answered' ? [s.intent] : []));

describe('DialogueEngine: "it" pointing at the topic answered last', () => {
  it('reads "how long till it shows in my bank account" after a refund and a request for a person (the state a handback returns to) as the refund', async () => {
    const result = await play(
      'refund for SG-771204 still not received, i returned the headphones on 2 dec',
      "i'd like to speak to an agent",
      'ok thanks. how long till it shows in my bank account',
    );
    expect(answered(result)).toEqual(['refund_status']);
  });

  it('does not point "it" at a thanks answered since: "and do you also put it on the wall?" after the order status and a thanks is no thanks', async () => {
    const result = await play('میں نے ایک ٹی وی آرڈر کیا تھا، آرڈر نمبر SG-640217 ہے، کب تک پہنچے گا؟', 'ٹھیک ہے شکریہ', 'اور کیا آپ لوگ اسے دیوار پر لگا کر بھی دیتے ہیں؟');
    expect(answered(result)).not.toContain('thanks');
  });

  it('points "it" at the product the customer wrote about earlier: "will someone come to fit it" after ordering a washing machine is its setup', async () => {
    const result = await play('i ordered a washing machine, order SG-640217, when will it arrive?', 'ok thanks', 'will someone come to fit it');
    expect(answered(result)).toEqual(['product_setup']);
  });

  it('does not read it as a refund when no refund was talked about', async () => {
    const result = await play('how long till it shows in my bank account');
    expect(answered(result)).not.toContain('refund_status');
  });
});
