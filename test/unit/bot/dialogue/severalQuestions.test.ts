import { type DialogueEngine, initialDialogueState } from '../../../../src/bot/dialogue';
import { makeDemoEngine, makeEngine, say, textsOf } from './engineHarness';

describe('DialogueEngine: several questions in one message', () => {
  test('two questions are both answered, in the order asked, in one reply', async () => {
    const result = await say(makeEngine(), 'when do you close on sunday and where is your store?');
    expect(textsOf(result)).toEqual(['[en] We are open 10 am to 8 pm, every day.\n\n[en] 12 MG Road, Bengaluru.']);
    expect(result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent)).toEqual([
      'store_hours',
      'store_location',
    ]);
  });

  test('the order asked is kept when the questions come the other way round', async () => {
    const result = await say(makeEngine(), 'where is your store? also when do you open');
    expect(textsOf(result)).toEqual(['[en] 12 MG Road, Bengaluru.\n\n[en] We are open 10 am to 8 pm, every day.']);
  });

  test.each([
    ['hi', 'दुकान कब खुलती है और दुकान कहाँ है?'],
    ['hi-Latn', 'dukaan kab khulti hai aur dukaan kahan hai?'],
    ['ur', 'دکان کب کھلتی ہے اور دکان کہاں ہے؟'],
  ])('two questions joined by the %s "and" are both answered', async (_lang, text) => {
    const result = await say(makeEngine(), text);
    expect(result.signals.filter((s) => s.type === 'answered')).toHaveLength(2);
    expect(result.replies).toHaveLength(1);
  });

  test('an unclear second question is asked about after the first is answered', async () => {
    const result = await say(makeEngine(), 'when are you open and how do i fix the blue screen on my tv?');
    expect(textsOf(result)).toEqual([
      "[en] We are open 10 am to 8 pm, every day.\n\nAbout “how do i fix the blue screen on my tv”: I'm not sure I understood. Could you say it another way?",
    ]);
    expect(result.signals.some((s) => s.type === 'misunderstood')).toBe(false);
  });

  test('a question that needs a detail is asked last, so the next message can answer it', async () => {
    const result = await say(makeEngine(), 'where is my order and when do you open?');
    expect(textsOf(result)).toEqual([
      '[en] We are open 10 am to 8 pm, every day.\n\n[en] What is your order number? It looks like SG-123456.',
    ]);
    expect(result.state.pending).toEqual({ intent: 'order_status', slot: 'order_number' });
  });

  test('context around one question is not asked about', async () => {
    const result = await say(makeEngine(), 'when do you open, I was there yesterday');
    expect(textsOf(result)).toEqual(['[en] We are open 10 am to 8 pm, every day.']);
  });

  test('at most three questions are answered', async () => {
    const result = await say(
      makeEngine(),
      'when do you open? where is your store? where is my refund SG-482913? ask the courier to call me on 9876543210',
    );
    expect(result.signals.filter((s) => s.type === 'answered')).toHaveLength(3);
  });
});

describe('DialogueEngine: several questions, with the demo catalog', () => {
  let engine: DialogueEngine;
  beforeAll(async () => {
    ({ engine } = await makeDemoEngine());
  });

  test('"when do you close on Sunday and can I pay by UPI?" gets the store hours and the payment methods', async () => {
    const result = await engine.turn({
      text: 'when do you close on Sunday and can I pay by UPI?',
      state: initialDialogueState(),
      customerRef: 'c',
      channel: 'sandbox',
      conversationId: 'c',
    });
    expect(result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent)).toEqual([
      'store_hours',
      'payment_methods',
    ]);
    expect(result.replies).toHaveLength(1);
  });

  test('"warranty kitni h buds air pe or repair kaha hoga" (Hinglish "or" for "aur") gets the warranty and the repairs', async () => {
    const result = await engine.turn({
      text: 'warranty kitni h buds air pe or repair kaha hoga',
      state: initialDialogueState(),
      customerRef: 'c',
      channel: 'sandbox',
      conversationId: 'c',
    });
    expect(result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent)).toEqual([
      'warranty',
      'repair_service',
    ]);
  });
});

describe('DialogueEngine: a request stated as "I have to…" beside a question, with the demo catalog', () => {
  let engine: DialogueEngine;
  beforeAll(async () => {
    ({ engine } = await makeDemoEngine());
  });
  const turn = (text: string) => engine.turn({ text, state: initialDialogueState(), customerRef: 'c', channel: 'sandbox', conversationId: 'c' });

  test.each([
    ['hi', 'मुझे रिटर्न करना है और रिफंड कितने दिन में आएगा?'],
    ['hi-Latn', 'mujhe return karna hai aur refund kitne din me aayega?'],
    ['ur', 'مجھے واپس کرنا ہے اور ریفنڈ کتنے دن میں آئے گا؟'],
    ['ne', 'मलाई फिर्ता गर्नु छ र रिफन्ड कति दिनमा आउँछ?'],
  ])('in %s, "I have to return it" is answered with the return rules and the refund question is taken up too', async (_lang, text) => {
    const result = await turn(text);
    expect(result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent)).toEqual(['return_policy']);
    expect(result.state.pending).toEqual({ intent: 'refund_status', slot: 'order_number' });
  });

  test.each([
    ['hi', 'मुझे एक्सचेंज करना है, कैसे होगा?'],
    ['hi-Latn', 'mujhe exchange karna hai, kaise hoga?'],
    ['ur', 'مجھے ایکسچینج کرنا ہے، کیسے ہوگا؟'],
    ['en', 'i want to exchange my phone, how will it be done?'],
  ])('in %s, "how will it be done?" after a request asks about that request, not how the bot is', async (_lang, text) => {
    const result = await turn(text);
    expect(result.signals.map((s) => `${s.type}:${(s as { intent?: string }).intent ?? ''}`)).toEqual(['answered:return_policy']);
  });
});

describe('DialogueEngine: "when do you open and where is it?" with "it" left out, with the demo catalog', () => {
  let engine: DialogueEngine;
  beforeAll(async () => {
    ({ engine } = await makeDemoEngine());
  });

  test.each([
    ['hi', 'आपकी दुकान कब खुलती है और कहाँ है?'],
    ['ne', 'तपाईंको पसल कहिले खुल्छ र कहाँ छ?'],
  ])('in %s, both the hours and the address are answered', async (_lang, text) => {
    const result = await engine.turn({ text, state: initialDialogueState(), customerRef: 'c', channel: 'sandbox', conversationId: 'c' });
    expect(result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent)).toEqual(['store_hours', 'store_locator']);
  });
});

describe('DialogueEngine with the demo catalog: questions announced', () => {
  let engine: DialogueEngine;
  beforeAll(async () => {
    ({ engine } = await makeDemoEngine());
  });

  test('each of three announced questions is answered, the one without a question word too', async () => {
    const result = await say(engine, '3 sawal hain: laptop ki warranty kitni hoti hai, Airbook 14 stock mein hai, aur cash on delivery hota hai?');
    expect(result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent)).toEqual([
      'warranty',
      'product_availability',
      'payment_methods',
    ]);
  });
});
