import type { TurnResult } from '../../../../src/bot/dialogue';
import { answeredIntents, signalTypes, useDemoEngine } from './engineHarness';

/**
 * What the customer paid, or when they bought, told after an answer (DEV12 conversations): the
 * case an answer that invites them to tell more here hands to a colleague; otherwise acknowledged,
 * never "sorry, I didn't get that", and never answered as a question it did not ask.
 */
const { play } = useDemoEngine();

const handedOver = (result: TurnResult) => result.signals.flatMap((s) => (s.type === 'handoff_intent' ? [s.intent] : []));

describe('DialogueEngine: the facts of a purchase told after an answer', () => {
  it.each([
    ['en', 'its a front load washing machine, paid 32,490 on 28 nov'],
    ['hi', 'फ्रिज मंगवाया था, 24,990 रुपये दिए थे'],
    ['ur', 'فریج منگوایا تھا، 45,000 روپے دیے تھے'],
    ['ne', 'ल्यापटप हो, २२ नोभेम्बरमा अर्डर गरेको'],
  ])('hands a %s purchase told after the order status (which invites it) to a colleague', async (_lang, told) => {
    expect(handedOver(await play('SG-482913', told))).toEqual(['order_status']);
  });

  it('hands the amount deducted told after the failed-payment answer to a colleague', async () => {
    expect(handedOver(await play('پیسے کٹ گئے لیکن آرڈر نہیں ہوا', '12,500 روپے کٹے ہیں'))).toEqual(['payment_failed']);
  });

  it('answers a failed payment reported with its amount after the login answer, instead of handing the amount to the login colleague', async () => {
    const result = await play('i cant login, otp not coming', 'ok got in finally. but the payment failed and Rs 32,490 still got deducted from my account!!');
    expect(handedOver(result)).toEqual([]);
    expect(answeredIntents(result)).toEqual(['payment_failed']);
  });

  it('acknowledges an amount told with no answer inviting it, instead of not understanding it', async () => {
    const result = await play('12,500 روپے کٹے ہیں');
    expect(signalTypes(result)).toEqual(['act']);
  });

  it('answers a question about an amount as a question, not as a purchase told', async () => {
    const result = await play('SG-482913', 'why was 1,499 deducted twice?');
    expect(handedOver(result)).toEqual([]);
  });

  it('does not take a date of what the customer will do for a purchase told', async () => {
    const result = await play('SG-482913', 'ok i will wait till monday');
    expect(handedOver(result)).toEqual([]);
  });
});
