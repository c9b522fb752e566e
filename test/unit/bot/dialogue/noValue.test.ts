import { asksWhereValueIs, saysNoValue } from '../../../../src/bot/dialogue/noValue';
import { signalTypes, useDemoEngine } from './engineHarness';

const demo = useDemoEngine();
const play = demo.play;
const types = signalTypes;

describe('saysNoValue', () => {
  test.each([
    ['en', "I don't have the order number"],
    ['en', 'cant find it anywhere'],
    ['hi-Latn', 'order number yaad nahi'],
    ['hi', 'ऑर्डर नंबर पता नहीं'],
    ['ur', 'آرڈر نمبر معلوم نہیں'],
    ['ne', 'अर्डर नम्बर थाहा छैन'],
  ])('hears a customer without the value (%s: %s)', (_lang, text) => {
    expect(saysNoValue(text)).toBe(true);
  });

  test.each([['en', 'where is my order'], ['hi-Latn', 'mera order kab aayega'], ['en', 'i have it here somewhere']])('hears nothing of the kind in (%s: %s)', (_lang, text) => {
    expect(saysNoValue(text)).toBe(false);
  });
});

describe('DialogueEngine with the demo catalog: a customer without the order number', () => {

  it('is told where to find it and offered a person, instead of the prompt word for word', async () => {
    const result = await play('where is my order', "I don't have the order number, i ordered with my email priya.s@outlook.com");
    expect(types(result)).toEqual(['no_value']);
    expect(result.replies[0]?.text).toBe(demo.catalog().messages.noValue?.en);
    expect(result.replies[0]?.quickReplies?.map((q) => q.payload)).toEqual(['intent:human_agent']);
  });

  it('is handed to a person on "yes"', async () => {
    const result = await play('मेरो अर्डर कहाँ छ', 'अर्डर नम्बर थाहा छैन', 'हो');
    expect(types(result)).toContain('handoff_intent');
  });

  it('reads a bare "no" to the order-number question as not having it, not as a goodbye', async () => {
    const result = await play('where is my order', 'no');
    expect(types(result)).toEqual(['no_value']);
  });

  it('still takes the order number sent after the offer', async () => {
    const result = await play('where is my order', 'no', 'SG-204417');
    expect(result.signals).toContainEqual(expect.objectContaining({ type: 'answered', intent: 'order_status' }));
  });

  it('is not counted as a misunderstanding', async () => {
    const result = await play('mera refund kab aayega', 'order number yaad nahi');
    expect(types(result)).not.toContain('misunderstood');
  });
});

describe('asksWhereValueIs', () => {
  const orderWords = new Set(['order', 'number', 'no', 'नंबर', 'नम्बर', 'نمبر', 'ऑर्डर', 'अर्डर', 'آرڈر']);

  test.each([
    ['en', 'where can i see the order no?'],
    ['hi-Latn', 'ye order number kidhar milega'],
    ['hi', 'नंबर कहां लिखा होता है'],
    ['ur', 'یہ نمبر کہاں لکھا ہوتا ہے؟'],
    ['ne', 'अर्डर नम्बर कहाँ हुन्छ'],
  ])('hears a question about where the value is (%s: %s)', (_lang, text) => {
    expect(asksWhereValueIs(text, orderWords)).toBe(true);
  });

  test.each([['en', 'where is my order'], ['hi-Latn', 'mera order kahan hai'], ['en', 'is the number on the box?']])(
    'hears no such question when the value is not named with a where-word (%s: %s)',
    (_lang, text) => {
      expect(asksWhereValueIs(text, orderWords)).toBe(false);
    },
  );
});

describe('DialogueEngine with the demo catalog: a customer who asks where the order number is', () => {
  it('is told where to find it, instead of the prompt word for word', async () => {
    const result = await play('mera parcel kab tak aayega', 'order no kidhar dikhega?');
    expect(types(result)).toEqual(['no_value']);
    expect(result.replies[0]?.text).toBe(demo.catalog().messages.noValue?.['hi-Latn']);
  });
});

describe('saysNoValue: the order not arriving is not a missing number', () => {
  test.each([
    ['hi-Latn', 'order abhi tak nahi aaya'],
    ['ne', 'अर्डर अझै आएको छैन'],
    ['en', 'i never got my parcel'],
    ['ur', 'آرڈر ابھی تک نہیں آیا'],
  ])('hears no missing value in (%s: %s)', (_lang, text) => {
    expect(saysNoValue(text)).toBe(false);
  });
});

describe('DialogueEngine with the demo catalog: a first message that says the number is missing', () => {

  test.each([
    ['en', 'where is my order? I dont have the order number'],
    ['hi-Latn', 'mera refund kab aayega? order number yaad nahi'],
    ['hi', 'मेरा रिफंड कब आएगा? ऑर्डर नंबर नहीं है मेरे पास'],
    ['ur', 'میرا آرڈر کہاں ہے؟ آرڈر نمبر معلوم نہیں'],
    ['ne', 'मेरो अर्डर कहाँ पुग्यो? अर्डर नम्बर थाहा छैन'],
  ])('is told where to find it, not asked for it (%s: %s)', async (_lang, text) => {
    const result = await play(text);
    expect(types(result)).toEqual(['no_value']);
  });

  it('is asked for the number when the message names no missing value', async () => {
    const result = await play('my order has not come yet');
    expect(types(result)).not.toContain('no_value');
    expect(result.state.pending).toEqual({ intent: 'order_status', slot: 'order_number' });
  });

  it('gets the format hint, not the offer, when it holds a number in the wrong format', async () => {
    const result = await play('refund nahi aaya, order number SG 4455 hai');
    expect(types(result)).not.toContain('no_value');
    expect(result.replies[0]?.text).toMatch(/SG-4455/);
  });
});
