import { type DialogueEngine, type TurnResult } from '../../../../src/bot/dialogue';
import { makeDemoEngine, say } from './engineHarness';

/**
 * Questions customers ask in their own words that the demo catalog had no examples for (DEV4
 * conversations): the brand's phone number, exchanges, prices, part of an order delivered, cash on
 * delivery for a big order.
 */
let engine: DialogueEngine;

beforeAll(async () => {
  ({ engine } = await makeDemoEngine());
});

/** The intents a turn answered or handed off for, in order. */
const intents = (result: TurnResult) =>
  result.signals.flatMap((s) => (s.type === 'answered' || s.type === 'handoff_intent' ? [s.intent] : []));

describe('DialogueEngine with the demo catalog: customers in their own words', () => {
  it.each([
    ['en', 'whats the customer care no? i want to call'],
    ['hi', 'कस्टमर केयर का नंबर क्या है, फ़ोन करना है'],
    ['hi-Latn', 'helpline number kya hai aapka, call karna hai'],
    ['ur', 'آپ کی ہیلپ لائن کا نمبر کیا ہے؟ فون کرنا ہے'],
    ['ne', 'तपाईंहरूको हेल्पलाइन नम्बर के हो? फोन गर्नु छ'],
  ])('hands a %s request for the brand phone number to a person', async (_lang, text) => {
    expect(intents(await say(engine, text))).toEqual(['human_agent']);
  });

  it.each([
    ['en', 'the neckband is too tight, could i swap it for the buds air instead of a refund'],
    ['hi', 'घड़ी का साइज़ बड़ा है, इसे छोटे वाले से एक्सचेंज कर सकते हैं?'],
    ['hi-Latn', 'earbuds ka colour badalna hai, exchange ho jata hai kya'],
    ['ur', 'ہیڈ فون کا رنگ اچھا نہیں لگا، کیا ایکسچینج ہو جائے گا؟'],
    ['ne', 'घडीको साइज ठूलो भयो, सानोसँग साट्न पाइन्छ?'],
  ])('answers a %s request to exchange a product with the return policy', async (_lang, text) => {
    expect(intents(await say(engine, text))).toEqual(['return_policy']);
  });

  it.each([
    ['en', 'how much is the blaze 15 these days'],
    ['hi', 'विज़न 65 टीवी कितने का मिलेगा?'],
    ['hi-Latn', 'fit 2 smartwatch kitne ki hai abhi'],
    ['ur', 'ورک بک 16 کتنے کا ہے؟'],
    ['ne', 'फ्रेसकिप ३४० फ्रिज कतिमा पाइन्छ?'],
  ])('answers a %s question about the price of a product with where prices are shown', async (_lang, text) => {
    expect(intents(await say(engine, text))).toEqual(['product_availability']);
  });

  it.each([
    ['hi', 'दो चीज़ें मँगाई थीं, एक आ गई और दूसरी का कुछ पता नहीं'],
    ['ur', 'ایک چیز پہنچ گئی، دوسری کا کچھ پتا نہیں'],
  ])('reads a %s delivery that came in part as a question about the order', async (_lang, text) => {
    // The order status asks for the order number first: its prompt is the answer.
    const result = await say(engine, text);
    expect(result.state.pending?.intent ?? intents(result)[0]).toBe('order_status');
  });

  it('answers whether cash on delivery is fine for a large order with the ways to pay', async () => {
    expect(intents(await say(engine, 'can i still pay cod if the order is 18k'))).toEqual(['payment_methods']);
  });
});
