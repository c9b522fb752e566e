import { type DialogueEngine, type TurnResult } from '../../../../src/bot/dialogue';
import { makeDemoEngine, say } from './engineHarness';

/** Buying a product in installments (EMI, किस्त, kisht, قسط, किस्ता) is a question about paying, not about stock. */
let engine: DialogueEngine;

beforeAll(async () => {
  ({ engine } = await makeDemoEngine());
});

const answered = (result: TurnResult) => result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent);

describe('DialogueEngine with the demo catalog: installments', () => {
  it.each([
    ['en', 'is there an emi option for the nova pro phone'],
    ['hi', 'क्या नोवा प्रो फोन किश्तों में ले सकता हूँ'],
    ['hi-Latn', 'nova pro phone kisto pe mil jayega kya?'],
    ['ur', 'کیا نووا پرو فون قسطوں میں لے سکتا ہوں'],
    ['ne', 'नोभा प्रो फोन किस्तामा लिन मिल्छ?'],
  ])('answers a %s question about buying a named product in installments with the ways to pay', async (_lang, text) => {
    expect(answered(await say(engine, text))).toEqual(['payment_methods']);
  });
});
