import { decideEscalation } from '../../../../src/handoff/escalation';
import { DEFAULT_ESCALATION_CONFIG } from '../../../../src/handoff/types';
import type { DialogueSignal } from '../../../../src/bot/dialogue';
import type { Catalog } from '../../../../src/nlu/types';
import { conversation, makeEngine, say, textsOf } from './engineHarness';
import { testCatalog } from './testCatalog';

/** The test catalog with Nepali declared, so every demo language can be answered in. */
function fiveLanguages(): Catalog {
  const catalog = testCatalog();
  return { ...catalog, languages: [...catalog.languages, 'ne'] };
}

const neutral = { label: 'neutral' as const, score: 0, anger: 0, abusive: false, matched: [] };

function wouldEscalate(signals: DialogueSignal[], consecutive: number): boolean {
  return decideEscalation(
    { text: 'ok', language: 'en', signals, sentiment: neutral, customer: { vip: false }, intent: null, consecutiveMisunderstandings: consecutive },
    DEFAULT_ESCALATION_CONFIG,
  ).escalate;
}

describe('DialogueEngine: conversational acts', () => {
  test('"ok" after a real misunderstanding is answered briefly, is not a misunderstanding, and does not hand off', async () => {
    const [, ok] = await conversation(makeEngine(), ['purple elephant dancing', 'ok']);
    expect(textsOf(ok!)).toEqual(['👍 Anything else I can help you with?']);
    expect(ok!.signals).toEqual([{ type: 'act', act: 'ack' }]);
    expect(ok!.state.misunderstandings).toBe(1);
    expect(wouldEscalate(ok!.signals as DialogueSignal[], 0)).toBe(false);
  });

  test.each([
    ['ठीक है', 'hi', '👍 क्या मैं किसी और चीज़ में मदद कर सकता हूँ?'],
    ['achha', 'hi-Latn', '👍 Aur kisi cheez mein madad chahiye?'],
    ['ٹھیک ہے', 'ur', '👍 کیا میں کسی اور چیز میں مدد کر سکتا ہوں؟'],
    ['हुन्छ', 'ne', '👍 अरू केहीमा सहयोग चाहिन्छ?'],
    ['thik cha', 'ne', '👍 अरू केहीमा सहयोग चाहिन्छ?'],
    ['👍', 'en', '👍 Anything else I can help you with?'],
  ])('"%s" is acknowledged in %s, never with the fallback', async (text, lang, reply) => {
    const result = await say(makeEngine({ catalog: fiveLanguages() }), text);
    expect(result.lang).toBe(lang);
    expect(textsOf(result)).toEqual([reply]);
    expect(result.signals.some((s) => s.type === 'misunderstood')).toBe(false);
  });

  test('"done it worked" after a misunderstanding is answered briefly as an acknowledgement, not the fallback', async () => {
    const [, done] = await conversation(makeEngine(), ['purple elephant dancing', 'done it worked']);
    expect(textsOf(done!)).toEqual(['👍 Anything else I can help you with?']);
    expect(done!.signals).toEqual([{ type: 'act', act: 'ack' }]);
  });

  test('"ok" keeps the language of an Urdu conversation', async () => {
    const result = await say(makeEngine(), 'دکان کب کھلتی ہے', 'ok');
    expect(result.lang).toBe('ur');
  });

  test('thanks and goodbye get their brief replies in the customer\'s language', async () => {
    expect(textsOf(await say(makeEngine(), 'شکریہ'))).toEqual(['کوئی بات نہیں! کیا میں کسی اور چیز میں مدد کر سکتا ہوں؟']);
    expect(textsOf(await say(makeEngine({ catalog: fiveLanguages() }), 'धेरै धन्यवाद', 'बिदा'))).toEqual(['बिदा! जुनसुकै बेला यहाँ लेख्नुहोस्।']);
    expect(textsOf(await say(makeEngine(), 'bye'))).toEqual(['Bye! Message us here any time.']);
  });

  test('a greeting alone is answered by the catalog\'s greeting intent when it has one', async () => {
    const result = await say(makeEngine(), 'hello');
    expect(textsOf(result)).toEqual(['[en] Hello! variant A']);
    expect(result.signals[0]).toEqual({ type: 'act', act: 'greeting' });
  });

  test('a greeting together with a question answers the question', async () => {
    const result = await say(makeEngine(), 'hi, when do you open?');
    expect(textsOf(result)).toEqual(['[en] We are open 10 am to 8 pm, every day.']);
  });

  test.each([
    ['नमस्ते, दुकान कब खुलती है?', '[hi] हम रोज़ सुबह 10 से रात 8 बजे तक खुले हैं।'],
    ['السلام علیکم، دکان کب کھلتی ہے؟', '[ur] ہم روزانہ صبح 10 سے رات 8 بجے تک کھلے ہیں۔'],
  ])('"%s" answers the question, not the greeting', async (text, reply) => {
    expect(textsOf(await say(makeEngine(), text))).toEqual([reply]);
  });

  test('a greeting with something not understood is greeted, not counted as a misunderstanding', async () => {
    const result = await say(makeEngine(), 'hello, zebra moonlight quantum');
    expect(result.signals.some((s) => s.type === 'misunderstood')).toBe(false);
    expect(result.state.misunderstandings).toBe(0);
  });

  test('an act before a longer message not understood is a misunderstanding, not answered as the act', async () => {
    const result = await say(makeEngine(), 'ok and zebra moonlight quantum teapot violin');
    expect(result.signals.some((s) => s.type === 'misunderstood')).toBe(true);
    expect(result.state.misunderstandings).toBe(1);
  });

  test('"yes" to "did you mean…?" takes the first option', async () => {
    const result = await say(makeEngine(), 'where is my status', 'yes');
    expect(result.state.recognised.at(-1)).toMatchObject({ intent: 'order_status', confidence: 1 });
    expect(textsOf(result)).toEqual(['[en] What is your order number? It looks like SG-123456.']);
  });

  test.each([['haan ji'], ['हाँ'], ['جی ہاں']])('"%s" confirms "did you mean…?" too', async (yes) => {
    const result = await say(makeEngine(), 'where is my status', yes);
    expect(result.state.recognised.at(-1)?.intent).toBe('order_status');
  });

  test('"no" to "did you mean…?" asks for other words, without counting a misunderstanding', async () => {
    const result = await say(makeEngine(), 'where is my status', 'no');
    expect(textsOf(result)).toEqual(['No problem — could you tell me in a few words what you need?']);
    expect(result.state.misunderstandings).toBe(0);
    expect(result.state.offered).toBeUndefined();
  });

  test('"no" to "did you mean…?" signals the declined clarification with the option refused (the training inbox records it)', async () => {
    const result = await say(makeEngine(), 'where is my status', 'no');
    expect(result.signals).toContainEqual({ type: 'clarification_declined', intent: 'order_status' });
  });

  test('"no" with nothing to confirm signals no declined clarification', async () => {
    const result = await say(makeEngine(), 'no');
    expect(result.signals.some((s) => s.type === 'clarification_declined')).toBe(false);
  });

  test('"yes" with nothing to confirm asks what the customer would like to know', async () => {
    expect(textsOf(await say(makeEngine(), 'yes'))).toEqual(['Sure — what would you like to know?']);
  });

  test('"ok" while the bot waits for the order number asks for it again and keeps waiting', async () => {
    const result = await say(makeEngine(), 'where is my order', 'ok');
    expect(textsOf(result)).toEqual(['[en] What is your order number? It looks like SG-123456.']);
    expect(result.state.pending).toEqual({ intent: 'order_status', slot: 'order_number' });
    expect(result.state.misunderstandings).toBe(0);
  });

  test('an order number with a thank-you fills the pending question', async () => {
    const result = await say(makeEngine(), 'where is my order', 'SG-482913 thanks 🙏');
    expect(textsOf(result)).toEqual(['[en] Order SG-482913 is on its way.']);
  });

  test('"ok" after the options were offered keeps them, so "2" still picks the second', async () => {
    const result = await say(makeEngine(), 'where is my status', 'ok', '2');
    expect(result.state.recognised.at(-1)).toMatchObject({ intent: 'refund_status', confidence: 1 });
  });

  test('"one sec" while the bot waits for the order number keeps the question open without asking it again', async () => {
    const [, wait, answer] = await conversation(makeEngine(), ['where is my order', 'one sec', 'SG-482913']);
    expect(textsOf(wait!)).toEqual(["Sure, take your time. I'm here when you're ready."]);
    expect(wait!.state.pending).toEqual({ intent: 'order_status', slot: 'order_number' });
    expect(wait!.state.misunderstandings).toBe(0);
    expect(textsOf(answer!)).toEqual(['[en] Order SG-482913 is on its way.']);
  });

  test('"ek minute" is answered in Hinglish', async () => {
    const result = await say(makeEngine(), 'mera order kahan hai', 'ek minute');
    expect(result.lang).toBe('hi-Latn');
    expect(textsOf(result)).toEqual(['Zaroor, aaram se dekh lijiye. Main yahin hoon.']);
  });

  test('an emoji-only message is acknowledged', async () => {
    const result = await say(makeEngine(), '😅🎉');
    expect(result.signals).toEqual([{ type: 'act', act: 'emoji' }]);
    expect(textsOf(result)).toEqual(['👍 Anything else I can help you with?']);
  });
});
