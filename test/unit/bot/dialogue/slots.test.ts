import { DEFAULT_MESSAGES } from '../../../../src/nlu/catalog';
import { conversation, makeEngine, say, textsOf } from './engineHarness';

const ASK_ORDER_EN = '[en] What is your order number? It looks like SG-123456.';
/** The question asked again after a reply that neither answered it nor asked something else (the default `promptAgain`). */
const ASK_ORDER_AGAIN_EN = DEFAULT_MESSAGES.promptAgain.en!.replace('{prompt}', ASK_ORDER_EN);

describe('DialogueEngine: slot filling', () => {
  it('asks for a missing required slot in the customer language and waits for it', async () => {
    const result = await say(makeEngine(), 'میرا آرڈر کہاں ہے');
    expect(textsOf(result)).toEqual(['[ur] آپ کا آرڈر نمبر کیا ہے؟']);
    expect(result.state.pending).toEqual({ intent: 'order_status', slot: 'order_number' });
    expect(result.signals).toEqual([]);
  });

  it('fills the pending slot from a bare number and answers with the value', async () => {
    const result = await say(makeEngine(), 'where is my order', '482913');
    expect(textsOf(result)).toEqual(['[en] Order SG-482913 is on its way.']);
    expect(result.state.pending).toBeUndefined();
    expect(result.state.slots).toEqual({ order_number: 'SG-482913' });
    expect(result.signals).toEqual([{ type: 'answered', intent: 'order_status', confidence: expect.any(Number) }]);
  });

  it('fills the pending slot from a number typed in Urdu digits', async () => {
    const result = await say(makeEngine(), 'میرا آرڈر کہاں ہے', '۴۸۲۹۱۳');
    expect(textsOf(result)).toEqual(['[ur] آرڈر SG-482913 راستے میں ہے۔']);
  });

  it('fills the pending slot from a sentence holding the value', async () => {
    const result = await say(makeEngine(), 'where is my order', 'it is sg 482913 i think');
    expect(textsOf(result)).toEqual(['[en] Order SG-482913 is on its way.']);
  });

  it('fills the pending slot from the value and words that describe it, without reading them as a new question', async () => {
    // "my order number is" alone reads as an order-status question; here it answers the refund question.
    const result = await say(makeEngine(), 'where is my refund', 'my order number is SG-482913');
    expect(textsOf(result)).toEqual(['[en] Refunds take 5 to 7 days.']);
  });

  it('fills the pending slot from the value described in Hindi', async () => {
    const result = await say(makeEngine(), 'where is my refund', 'ऑर्डर नंबर SG-482913 है');
    expect(textsOf(result)).toEqual(['[en] Refunds take 5 to 7 days.']);
  });

  it('answers another request made in a word or two beside the value instead of the pending question', async () => {
    const result = await say(makeEngine(), 'where is my refund', 'track SG-482913');
    expect(textsOf(result)).toEqual(['[en] Order SG-482913 is on its way.']);
  });

  it('uses an order number given before the intent was known, without asking for it', async () => {
    const [first, second] = await conversation(makeEngine(), ['hello, SG-482913', 'where is my order']);
    expect(first!.state.slots).toEqual({ order_number: 'SG-482913' });
    expect(textsOf(second!)).toEqual(['[en] Order SG-482913 is on its way.']);
  });

  it('does not ask again for a slot another intent already collected', async () => {
    const results = await conversation(makeEngine(), ['where is my order', '482913', 'where is my refund']);
    expect(textsOf(results[2]!)).toEqual(['[en] Refunds take 5 to 7 days.']);
  });

  it('asks for the slots one after another, skipping those already known', async () => {
    const results = await conversation(makeEngine(), ['my order is SG-482913', 'ask the courier to call me', '98765 43210']);
    expect(textsOf(results[1]!)).toEqual(['[en] What phone number should the courier call?']);
    expect(results[1]!.state.pending).toEqual({ intent: 'delivery_callback', slot: 'phone' });
    expect(textsOf(results[2]!)).toEqual(['[en] The courier will call 9876543210 for order SG-482913.']);
  });

  it('drops the pending question when the customer clearly asks something else', async () => {
    const result = await say(makeEngine(), 'where is my order', 'what time do you open');
    expect(textsOf(result)).toEqual(['[en] We are open 10 am to 8 pm, every day.']);
    expect(result.state.pending).toBeUndefined();
  });

  it('handles the new question even when the message also carries the value', async () => {
    const result = await say(makeEngine(), 'where is my order', 'where is my refund for SG-482913');
    expect(textsOf(result)).toEqual(['[en] Refunds take 5 to 7 days.']);
    expect(result.state.slots.order_number).toBe('SG-482913');
  });

  it('asks again, not word for word, and counts a misunderstanding when the answer is neither the value nor a clear question', async () => {
    const result = await say(makeEngine(), 'where is my order', 'purple elephant dancing');
    expect(textsOf(result)).toEqual([ASK_ORDER_AGAIN_EN]);
    expect(result.state.pending).toEqual({ intent: 'order_status', slot: 'order_number' });
    expect(result.signals).toEqual([{ type: 'misunderstood', consecutive: 1 }]);
  });

  it('keeps a phone number given instead of the order number, and asks for the order number again', async () => {
    const result = await say(makeEngine(), 'where is my order', '98765 43210');
    expect(textsOf(result)).toEqual([ASK_ORDER_AGAIN_EN]);
    expect(result.state.slots).toEqual({ phone: '9876543210' });
  });

  it('lets a later value replace an earlier one', async () => {
    const result = await say(makeEngine(), 'SG-111111 hello', 'sorry, it is SG-222222 hello', 'where is my order');
    expect(textsOf(result)).toEqual(['[en] Order SG-222222 is on its way.']);
  });

  it('leaves an optional slot that was not given out of the answer', async () => {
    const result = await say(makeEngine(), 'SG-482913 hello', 'ask the courier to call me on 7012345678');
    expect(textsOf(result)).toEqual(['[en] The courier will call +917012345678 for order SG-482913.']);
  });
});
