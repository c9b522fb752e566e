import { type DialogueEngine, type TurnResult } from '../../../../src/bot/dialogue';
import { conversation, makeDemoEngine, say } from './engineHarness';

/**
 * A message that says nothing of what it is about ("what do i do", "how", "क्या करूँ") is not read
 * as any question, however sure the classifier is: it leans on words every intent's examples use.
 */
let engine: DialogueEngine;

beforeAll(async () => {
  ({ engine } = await makeDemoEngine());
});

const answered = (result: TurnResult) => result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent);
const misunderstood = (result: TurnResult) => result.signals.some((s) => s.type === 'misunderstood');

describe('DialogueEngine: a message that asks nothing', () => {
  it.each([
    ['en', 'what can I do'],
    ['hi', 'क्या करूँ'],
    ['hi-Latn', 'ab kya karun'],
    ['ur', 'کیا کروں'],
    ['ne', 'अब के गर्ने'],
  ])('answers nothing and asks again when a %s message says nothing of what it is about', async (_lang, text) => {
    const result = await say(engine, text);
    expect(answered(result)).toEqual([]);
    expect(misunderstood(result)).toBe(true);
  });

  it('answers nothing to a lone "how"', async () => {
    expect(answered(await say(engine, 'how'))).toEqual([]);
  });

  it('keeps asking for the order number when the reply to it is "how"', async () => {
    const [, second] = await conversation(engine, ['where is my order', 'how']);
    expect(answered(second!)).toEqual([]);
    expect(second!.state.pending).toMatchObject({ intent: 'order_status', slot: 'order_number' });
  });

  it('still reads a message that only names a product', async () => {
    expect(misunderstood(await say(engine, 'my tv'))).toBe(false);
  });


  it.each([
    ['en', 'i want to return the headphones i bought, what do i do?'],
    ['hi', 'हेडफोन वापस करना है, अब क्या करूँ?'],
    ['hi-Latn', 'headphone wapas karna hai, ab kya karun?'],
    ['ur', 'ہیڈ فون واپس کرنا ہے، اب کیا کروں؟'],
    ['ne', 'हेडफोन फिर्ता गर्नु छ, अब के गर्ने?'],
  ])('answers only the question before a closing "what do i do" in %s', async (_lang, text) => {
    expect(answered(await say(engine, text))).toEqual(['return_policy']);
  });
});

describe('DialogueEngine: a question about something the catalog does not cover', () => {
  it.each([
    ['en', 'which is your favourite food'],
    ['hi', 'आपका पसंदीदा खाना कौन सा है'],
    ['hi-Latn', 'aapka pasandida khana kaun sa hai'],
    ['ur', 'آپ کا پسندیدہ کھانا کون سا ہے'],
    ['ne', 'तपाईंको मनपर्ने खाना कुन हो'],
  ])('does not answer a %s question that shares only a question word with an intent', async (_lang, text) => {
    expect(answered(await say(engine, text))).toEqual([]);
  });
});

describe('DialogueEngine: "what do i do now?" right after an answer', () => {
  it.each([
    ['en', 'can i send back something i bought', 'what do i do now?'],
    ['hi', 'क्या मैं खरीदा हुआ सामान लौटा सकता हूँ', 'अब मैं क्या करूँ?'],
    ['hi-Latn', 'kya main kharida hua saman lauta sakta hu', 'ab main kya karu?'],
    ['ur', 'کیا میں خریدا ہوا سامان واپس کر سکتا ہوں', 'اب میں کیا کروں؟'],
    ['ne', 'के म किनेको सामान फिर्ता गर्न सक्छु', 'अब म के गरूँ?'],
  ])('offers the follow-ups of the answer just given in %s', async (_lang, first, second) => {
    const [, next] = await conversation(engine, [first, second]);
    expect(next!.replies[0]?.quickReplies?.map((q) => q.payload)).toEqual(['intent:refund_status']);
    expect(misunderstood(next!)).toBe(false);
  });

  it('counts "what do i do now?" as not understood after an answer that has no follow-ups', async () => {
    const [, next] = await conversation(engine, ['where is my order SG-551207', 'what do i do now?']);
    expect(misunderstood(next!)).toBe(true);
  });
});
