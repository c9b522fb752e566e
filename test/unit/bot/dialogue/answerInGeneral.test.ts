import type { TurnResult } from '../../../../src/bot/dialogue';
import { useDemoEngine } from './engineHarness';

/**
 * A question about the rule ("how long does a refund usually take?") to an intent that needs an
 * order number: the catalog's answer in general, not a request for a number the customer may not have.
 */
const { play } = useDemoEngine();
const answered = (result: TurnResult) => result.signals.flatMap((s) => (s.type === 'answered' ? [s.intent] : []));
const text = (result: TurnResult) => result.replies.map((r) => r.text).join('\n');

describe('DialogueEngine with the demo catalog: a question asked in general', () => {
  it.each([
    ['en', 'how long does a refund usually take?', 'within 5–7 working days'],
    ['hi', 'रिफंड आम तौर पर कितने दिन में आता है?', '5–7 कामकाजी दिनों'],
    ['ur', 'ریفنڈ عام طور پر کتنے دن میں آتا ہے؟', '5 سے 7 ورکنگ دن'],
    ['ne', 'रिफन्ड सामान्यतया कति दिनमा आउँछ?', '5–7 कार्यदिनभित्र'],
  ])('answers a %s refund question about the rule without asking for the order number', async (_lang, message, rule) => {
    const result = await play(message);
    expect(answered(result)).toEqual(['refund_status']);
    expect(text(result)).toContain(rule);
    expect(result.state.pending).toBeUndefined();
  });

  it('answers in general when the customer says, after the prompt, that they have no order yet', async () => {
    const result = await play('kitne din me refund aata hai card me', 'abhi order nahi kiya, bas general pooch raha hu');
    expect(answered(result)).toEqual(['refund_status']);
    expect(text(result)).toContain('5–7 working days');
    expect(result.state.pending).toBeUndefined();
  });

  it('keeps the intent asked about when "no order yet" alone would read as another order question', async () => {
    const result = await play('how long do refunds take', 'just asking in general, no order yet');
    expect(answered(result)).toEqual(['refund_status']);
  });

  it('still asks for the order number when the customer talks about their own order', async () => {
    const result = await play('my refund usually comes in a week but its been 12 days');
    expect(result.state.pending).toEqual({ intent: 'refund_status', slot: 'order_number' });
  });

  it('gives the order\'s own answer to an order number sent alone right after the answer in general', async () => {
    const result = await play('how long does a refund usually take?', 'SG-551234');
    expect(answered(result)).toEqual(['refund_status']);
    expect(text(result)).toContain('SG-551234');
  });

  it('takes "ok" after the answer in general as an acknowledgement, asking nothing again', async () => {
    const result = await play('can i cancel an order once it ships? just asking before i order', 'ok');
    expect(result.signals.map((s) => s.type)).toEqual(['act']);
    expect(result.state.pending).toBeUndefined();
  });
});
