import type { DialogueEngine, TurnResult } from '../../../../src/bot/dialogue';
import type { Catalog } from '../../../../src/nlu/types';
import { makeDemoEngine, playWithFacts } from './engineHarness';

/**
 * A short question right after an answer ("kitna time aur lagega?", "کب تک آئے گا؟") carries on with
 * the topic just answered, with the demo catalog's real wording and classifier.
 */
let catalog: Catalog;
let engine: DialogueEngine;

beforeAll(async () => {
  ({ engine, catalog } = await makeDemoEngine());
});

const play = (...messages: string[]): Promise<TurnResult> => playWithFacts(engine, catalog, messages);

const answered = (result: TurnResult) => result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent);
const misunderstood = (result: TurnResult) => result.signals.some((s) => s.type === 'misunderstood');
const prompt = (intent: string, lang: string) => catalog.intents.find((i) => i.id === intent)!.slots[0]!.prompt[lang]!;
/** The slot's question asked again (the catalog's `promptAgain` around it). */
const promptAgain = (intent: string, lang: string) => catalog.messages.promptAgain![lang]!.replace('{prompt}', prompt(intent, lang));

describe('DialogueEngine with the demo catalog: a short question carries on with the topic just answered', () => {
  it('answers "kitna time aur lagega?" after the refund with the refund again, not the fallback', async () => {
    const result = await play('bhai mera refund abhi tak nahi aaya, 10 din ho gaye. order SG-771204', 'kitna time aur lagega?');
    expect(answered(result)).toEqual(['refund_status']);
    expect(misunderstood(result)).toBe(false);
  });

  it('answers "کب تک آئے گا؟" after the order status in Urdu instead of falling back', async () => {
    const result = await play('السلام علیکم، میرا آرڈر SG-553201 ابھی تک نہیں پہنچا', 'کب تک آئے گا؟');
    expect(answered(result)).toEqual(['order_status']);
    expect(result.lang).toBe('ur');
  });

  it('keeps "और कितने दिन लगेंगे?" on the refund while the bot waits for its order number, and asks for it again', async () => {
    const result = await play('मैंने फ़ोन वापस कर दिया है, पैसे कब वापस मिलेंगे?', 'और कितने दिन लगेंगे?');
    expect(result.replies.map((r) => r.text)).toEqual([promptAgain('refund_status', 'hi')]);
    expect(result.state.pending).toEqual({ intent: 'refund_status', slot: 'order_number' });
    expect(misunderstood(result)).toBe(false);
  });

  it('keeps "how long?" on the refund while the bot waits for its order number', async () => {
    const result = await play('where is my refund', 'how long?');
    expect(result.replies.map((r) => r.text)).toEqual([promptAgain('refund_status', 'en')]);
  });

  it('leaves the refund for "how long does delivery take?": the word delivery is not the refund’s', async () => {
    const result = await play('where is my refund', 'how long does delivery take?');
    expect(answered(result)).toEqual(['delivery_time']);
    expect(result.state.pending).toBeUndefined();
  });

  it('leaves the return policy for "and how long does delivery take?"', async () => {
    const result = await play('what is your return policy', 'and how long does delivery take?');
    expect(answered(result)).toEqual(['delivery_time']);
  });

  it('does not carry a short question in words the topic never uses: "whats your name btw?" falls back', async () => {
    const result = await play('what time do you open on sunday?', 'whats your name btw?');
    expect(answered(result)).toEqual([]);
    expect(misunderstood(result)).toBe(true);
  });

  it('does not carry anything when nothing was answered before', async () => {
    const result = await play('kitna time aur lagega?');
    expect(answered(result)).not.toEqual(['refund_status']);
  });
});

describe('DialogueEngine with the demo catalog: a short follow-up about another topic', () => {
  it('answers "and can i pay cash?" after the shipping cost with the ways to pay, not the shipping cost again', async () => {
    const result = await play('how much is shipping', 'and can i pay cash?');
    expect(answered(result)).toEqual(['payment_methods']);
  });
});

describe('DialogueEngine with the demo catalog: a later clause that goes on with the question before', () => {
  it('answers "my phone battery drains fast, can you replace it? and how much will it cost?" once, about the battery', async () => {
    const result = await play('my phone battery drains very fast, can you replace it? and how much will it cost?');
    expect(answered(result)).toEqual(['battery_replacement']);
  });

  it('gives a phone battery the service centre answer, not the watch battery one', async () => {
    const result = await play('my phone battery drains very fast, can you replace it?');
    expect(result.replies[0]?.text).toMatch(/^Batteries of phones, tablets, laptops/);
  });

  it('still answers a later clause that asks something of its own: "…, and can i pay by upi?"', async () => {
    const result = await play('where is my order SG-482913, and can i pay by upi?');
    expect(answered(result)).toEqual(['order_status', 'payment_methods']);
  });

  it('still answers a later clause read as a catalog follow-up of the question before: warranty, then repair', async () => {
    const result = await play('is my tv under warranty? can you repair it?');
    expect(answered(result)).toEqual(['warranty', 'repair_service']);
  });
});

describe('DialogueEngine with the demo catalog: a question of only question words right after an answer', () => {
  it('answers "कहिले सम्म आउँछ?" (until when will it come) after the order status with the order status', async () => {
    const result = await play('मेरो अर्डर SG-448812 अझै आएन', 'कहिले सम्म आउँछ?');
    expect(answered(result)).toEqual(['order_status']);
    expect(misunderstood(result)).toBe(false);
  });

  it('answers "kab tak?" after the order status with the order status', async () => {
    const result = await play('where is my order SG-482913', 'kab tak?');
    expect(answered(result)).toEqual(['order_status']);
  });

  it('answers "kab tk aa jayega ye" (tak typed "tk") after the order status with the order status', async () => {
    const result = await play('SG-250786', 'kab tk aa jayega ye');
    expect(answered(result)).toEqual(['order_status']);
    expect(misunderstood(result)).toBe(false);
  });

  it('still counts "what do i do now?" as not understood after an answer with no next steps to offer', async () => {
    const result = await play('where is my order SG-482913', 'what do i do now?');
    expect(answered(result)).toEqual([]);
    expect(misunderstood(result)).toBe(true);
  });
});

describe('DialogueEngine with the demo catalog: a later clause not understood alone goes on with the question before', () => {
  it('answers "mera order abhi tak nahi aaya, SG-338120. kab tak aayega??" with the order status alone, nothing asked about', async () => {
    const result = await play('yaar mera order abhi tak nahi aaya, SG-338120. kab tak aayega?? bahut late ho gaya');
    expect(answered(result)).toEqual(['order_status']);
    expect(result.replies).toHaveLength(1);
  });

  it('asks only for the order number after "मेरा ऑर्डर अभी तक नहीं आया, कब तक आएगा?"', async () => {
    const result = await play('मेरा ऑर्डर अभी तक नहीं आया, कब तक आएगा?');
    expect(result.replies.map((r) => r.text)).toEqual([prompt('order_status', 'hi')]);
  });

  it('reads "what is the status?" after a sentence of context as the refund asked about before it', async () => {
    const result = await play('where is my refund for SG-771204, its been 10 days, what is the status?');
    expect(answered(result)).toEqual(['refund_status']);
    expect(result.replies).toHaveLength(1);
  });

  it('still asks about a later clause in words the question before never uses: "…, and whats your name?"', async () => {
    const result = await play('what are your store timings, and whats your name?');
    expect(answered(result)).toEqual(['store_hours']);
    expect(result.replies.at(-1)?.text).toMatch(/whats your name/);
  });
});

