import type { DialogueEngine, TurnResult } from '../../../../src/bot/dialogue';
import type { Catalog } from '../../../../src/nlu/types';
import { makeDemoEngine, playWithFacts } from './engineHarness';

/**
 * A customer who changes their mind ("don't cancel, just tell me when it comes") and a question that
 * leaves out what it is about once the conversation holds an order number ("कब तक पहुँचेगा?").
 */
let catalog: Catalog;
let engine: DialogueEngine;

beforeAll(async () => {
  ({ engine, catalog } = await makeDemoEngine());
});

const play = (...messages: string[]): Promise<TurnResult> => playWithFacts(engine, catalog, messages);
const answered = (result: TurnResult) => result.signals.flatMap((s) => (s.type === 'answered' ? [s.intent] : []));

describe('DialogueEngine with the demo catalog: a request taken back', () => {
  it.each([
    ['hi', 'ऑर्डर SG-552190 कैंसिल कर दो', 'नहीं नहीं, कैंसिल न करें, बस इतना बताइए कब तक आएगा'],
    ['hi-Latn', 'order SG-552190 cancel karna hai', 'ruko, cancel mat karo, bas ye batao kab tak aayega'],
    ['ur', 'آرڈر SG-552190 کینسل کر دیں', 'رکیں، کینسل نہ کریں، بس یہ بتا دیں کب تک آئے گا'],
  ])('answers the %s question beside a cancellation taken back, not the cancellation', async (_lang, first, second) => {
    expect(answered(await play(first, second))).toEqual(['order_status']);
  });

  it('acknowledges a message that only takes the request back', async () => {
    const result = await play('cancel order SG-552190', 'no wait, dont cancel it');
    expect(result.signals.map((s) => s.type)).toEqual(['act']);
  });
});

describe('DialogueEngine with the demo catalog: a question about the order the conversation holds', () => {
  it.each([
    ['hi', 'SG-664120 का जीएसटी बिल चाहिए', 'अच्छा, और कब तक पहुँचेगा?'],
    ['ne', 'SG-664120 को बिल चाहियो', 'अनि कहिले आइपुग्छ?'],
  ])('reads a %s "when does it come" that leaves out the order as the order status', async (_lang, first, second) => {
    expect(answered(await play(first, second))).toEqual(['order_status']);
  });

  it('reads "when will it arrive?" once the conversation holds an order number as that order\'s status', async () => {
    expect(answered(await play('I want to cancel my order SG-123456', 'wait dont cancel, when will it arrive?'))).toEqual(['order_status']);
  });

  it('answers a delivery-time question that points at no held order with the delivery times', async () => {
    expect(answered(await play('where is my order SG-123456', 'and how many days does delivery usually take to pune?'))).toEqual(['delivery_time']);
  });

  it('answers "when will it arrive if I order today" with the delivery times when no order is held', async () => {
    expect(answered(await play('if i order a tv today, when will it arrive?'))).toEqual(['delivery_time']);
  });
});
