import type { TurnResult } from '../../../../src/bot/dialogue';
import { useDemoEngine } from './engineHarness';

/**
 * Beside a question, a clause that tells what happened ("delivery kal hui thi") is its context, even
 * when its words lean to a topic that is only ever asked about (shipping costs); a clause of a few
 * topic words without a question word ("shipping charges for pune") is a question of its own.
 */
const { play } = useDemoEngine();
const answered = (result: TurnResult) => result.signals.flatMap((s) => (s.type === 'answered' ? [s.intent] : []));

describe('DialogueEngine with the demo catalog: what happened, told beside a question', () => {
  it.each([
    ['hi-Latn', 'meri washing machine ka installation kab hoga? delivery kal hui thi'],
    ['ur', 'ٹی وی کل ڈیلیور ہوا تھا، انسٹالیشن کب ہوگی؟'],
    ['hi-Latn', 'AC kal deliver hua tha, installation ke liye technician kab aayega?'],
  ])('answers only the %s question, not the delivery it tells about', async (_lang, message) => {
    expect(answered(await play(message))).toEqual(['product_setup']);
  });

  it('answers a question in a few topic words beside another question', async () => {
    expect(answered(await play('shipping charges for pune, and what time do you open on sunday?'))).toEqual(['shipping_cost', 'store_hours']);
  });

  it('still takes a feeling about the product as context for the question beside it', async () => {
    expect(answered(await play('ہیڈ فون کا رنگ اچھا نہیں لگا، کیا ایکسچینج ہو جائے گا؟'))).toEqual(['return_policy']);
  });
});
