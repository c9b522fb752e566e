import type { DialogueEngine, TurnResult } from '../../../../src/bot/dialogue';
import type { Catalog } from '../../../../src/nlu/types';
import { makeDemoEngine, playWithFacts } from './engineHarness';

/**
 * Behaviours that show only with the demo catalog's real wording and classifier: the customer's
 * messages are played one after another, each with the fact sheet the runtime would hold by then
 * (every message's facts, newest first).
 */
let catalog: Catalog;
let engine: DialogueEngine;

beforeAll(async () => {
  ({ engine, catalog } = await makeDemoEngine());
});

const play = (...messages: string[]): Promise<TurnResult> => playWithFacts(engine, catalog, messages);

const answered = (result: TurnResult) => result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent);
const refundAnswer = (lang: string) => catalog.intents.find((i) => i.id === 'refund_status')!.answers[lang]![0]!.text.replace('{order_number}', 'SG-445566');

describe('DialogueEngine with the demo catalog: answering the bot’s question', () => {
  it('reads "it was order SG-445566" as the order number asked for, not as a complaint', async () => {
    const result = await play('where is my refund', 'it was order SG-445566');
    expect(answered(result)).toEqual(['refund_status']);
    expect(result.replies.map((r) => r.text)).toEqual([refundAnswer('en')]);
  });

  it('takes the right order number after a mistyped one when the customer says they wrote it wrong', async () => {
    const result = await play('mujhe order cancel karwana hai', 'SG 20931', 'sorry galat likha, SG-209318');
    expect(answered(result)).toEqual(['cancel_order']);
  });

  it('reads "ऑर्डर SG-445566 था" as the order number asked for, not as an order-status question', async () => {
    const result = await play('मेरा रिफंड कहाँ है', 'ऑर्डर SG-445566 था');
    expect(answered(result)).toEqual(['refund_status']);
    expect(result.replies.map((r) => r.text)).toEqual([refundAnswer('hi')]);
  });
});

describe('DialogueEngine with the demo catalog: answers about the customer’s product', () => {
  it('gives the washing machine warranty to a customer who wrote about a washing machine', async () => {
    const result = await play('my washing machine stopped spinning, is it still under warranty?');
    expect(answered(result)).toContain('warranty');
    expect(result.replies.map((r) => r.text).join('\n')).toMatch(/Washing machines have a 2-year warranty on the whole machine and 10 years on the motor/);
  });

  it('gives the phone warranty in Hinglish to a customer who wrote about a phone', async () => {
    const result = await play('bhai mera phone 3 din se band pada hai, warranty me hai kya?');
    expect(answered(result)).toEqual(['warranty']);
    expect(result.replies[0]?.text).toMatch(/^Phone, tablet, laptop/);
  });

  it('keeps the product of an earlier message for a later warranty question', async () => {
    const result = await play('I bought the 55 inch TV last month', 'how long is the warranty?');
    expect(result.replies.at(-1)?.text).toMatch(/^TVs have a 1-year warranty/);
  });

  it('gives the general warranty when no product was named', async () => {
    const result = await play('how long is the warranty?');
    expect(result.replies[0]?.text).toMatch(/^Most Sargam products/);
  });
});

describe('DialogueEngine with the demo catalog: "what about the fridge?"', () => {
  it('answers the same question about the product named next', async () => {
    const result = await play('how long is the warranty on the 55 inch TV?', 'what about the fridge?');
    expect(answered(result)).toEqual(['warranty']);
    expect(result.replies[0]?.text).toMatch(/^Fridges have a 1-year warranty/);
  });

  it('answers the same question about the next product in Hinglish', async () => {
    const result = await play('TV pe warranty kitni hai?', 'aur washing machine ka?');
    expect(result.replies[0]?.text).toMatch(/^Washing machine pe invoice ki date se poori machine pe 2 saal/);
  });

  it('answers the same question about the next product in Urdu', async () => {
    const result = await play('ٹی وی کی وارنٹی کتنی ہے؟', 'اور فریج کا؟');
    expect(result.replies[0]?.text).toMatch(/^فریج پر رسید کی تاریخ سے/);
  });

  it.each([
    ['en', 'how long is the warranty on my laptop', 'and what about the fridge we got from your delhi store?', /^Fridges have a 1-year warranty/],
    ['hi', 'वॉशिंग मशीन की वारंटी कितने साल की है?', 'और जो फ्रिज पिछले साल लिया था उसका?', /^फ्रिज पर इनवॉइस की तारीख से/],
    ['hi-Latn', 'warranty kitne saal ki hai laptop pe', 'aur jo ac pichhle saal liya tha uska kya?', /^AC pe invoice ki date se/],
    ['ur', 'فریج کی وارنٹی کتنی ہے؟', 'اور جو لیپ ٹاپ پچھلے سال لیا تھا اس کی؟', /^فون، ٹیبلٹ، لیپ ٹاپ/],
    ['ne', 'टिभीमा कति वर्षको वारेन्टी दिनुहुन्छ?', 'अनि गत वर्ष किनेको फ्रिजमा नि?', /^फ्रिजमा बिलको मितिदेखि/],
  ])('answers the same question about a product named in a longer %s follow-up', async (_lang, first, second, reply) => {
    const result = await play(first, second);
    expect(result.replies[0]?.text).toMatch(reply);
  });

  it('answers a follow-up that opens with "and" but asks something of its own as that question', async () => {
    const result = await play('how long is the warranty on my laptop', 'and can i return the fridge?');
    expect(answered(result)).toEqual(['return_policy']);
  });

  it('answers a Hindi follow-up that names the product and another topic (offers) as that topic, not as the same question', async () => {
    const result = await play('घड़ी का सेल खत्म हो गया है, बदलवाना है, कितना खर्चा आएगा?', 'और अभी स्मार्टवॉच पे कोई ऑफर चल रहा है?');
    expect(answered(result)).toEqual(['discount_offers']);
  });

  it('does not repeat an answer that is the same for every product', async () => {
    const result = await play('what time do you open on sunday?', 'what about the fridge?');
    expect(answered(result)).not.toContain('store_hours');
  });
});

describe('DialogueEngine with the demo catalog: the follow-up of the answer just given', () => {
  const prompt = (result: TurnResult) => result.replies.map((r) => r.text);
  const refundPrompt = (lang: string) => catalog.intents.find((i) => i.id === 'refund_status')!.slots[0]!.prompt[lang];

  it('reads "kitne din me paise wapas milte hai" after the return policy as the refund, not a choice with the delivery time', async () => {
    const result = await play('saamaan wapas karne ka kya niyam hai', 'kitne din me paise wapas milte hai');
    expect(prompt(result)).toEqual([refundPrompt('hi-Latn')]);
  });

  it('leads to the refund, asked for or offered as a choice, when "kitne din me paise wapas milte hai" opens the conversation', async () => {
    const result = await play('kitne din me paise wapas milte hai');
    const offered = result.replies[0]?.quickReplies?.map((q) => q.payload) ?? [];
    expect(offered.includes('intent:refund_status') || result.state.pending?.intent === 'refund_status').toBe(true);
  });
});

describe('DialogueEngine with the demo catalog: typos', () => {
  it('answers "wat is ur retrun polcy for hedphones" with the return policy', async () => {
    expect(answered(await play('wat is ur retrun polcy for hedphones'))).toEqual(['return_policy']);
  });

  it('answers "mera odrer kab aaega SG-118830" with the order status', async () => {
    const result = await play('mera odrer kab aaega SG-118830');
    expect(result.signals).toContainEqual(expect.objectContaining({ type: 'answered', intent: 'order_status' }));
  });
});

describe('DialogueEngine with the demo catalog: a model named by its own name', () => {
  it('reads "does the inverter ac come on emi" as a question about paying for an AC, before the warranty asked after it', async () => {
    const result = await play('does the inverter ac come on emi, and whats the warranty on it?');
    expect(answered(result)).toEqual(['payment_methods', 'warranty']);
  });
});

describe('DialogueEngine with the demo catalog: setup help for the product named', () => {
  it('tells a customer asking how to set up a new TV that a technician installs it, and how to get online', async () => {
    const result = await play('just got the 55 inch tv, how do i connect it to wifi?');
    expect(result.replies.map((r) => r.text).join('\n')).toMatch(/A Sargam technician installs your TV free/);
  });

  it('gives the AC setup answer in Hinglish', async () => {
    const result = await play('AC ka timer remote se kaise set karu?');
    expect(result.replies.map((r) => r.text).join('\n')).toMatch(/Sargam AC free mein lagata hai/);
  });

  it('asks which product when none was named', async () => {
    const result = await play('how do i set it up?');
    expect(answered(result)).toEqual(['product_setup']);
    expect(result.replies[0]?.text).toMatch(/^Tell me which product it is/);
  });
});

describe('DialogueEngine with the demo catalog: the words that name a value', () => {
  it('answers the order status to "میں نے ٹی وی منگوایا تھا، آرڈر نمبر SG-615530، کب تک پہنچے گا؟", not the "order number" clause alone', async () => {
    const result = await play('میں نے ٹی وی منگوایا تھا، آرڈر نمبر SG-615530، کب تک پہنچے گا؟');
    expect(answered(result)).toEqual(['order_status']);
  });
});

describe('DialogueEngine with the demo catalog: a question announced', () => {
  it('answers "नमस्ते, एक चीज़ पूछनी थी" with "what would you like to know?" in Hindi, not a clarification', async () => {
    const result = await play('नमस्ते, एक चीज़ पूछनी थी');
    expect(result.signals).toEqual([{ type: 'act', act: 'ask' }]);
    expect(result.replies.map((r) => r.text)).toEqual([catalog.messages.whatElse!.hi]);
  });
});

describe('DialogueEngine with the demo catalog: pleasantries are said in set words', () => {
  it('does not answer "who won the football match last night" as a goodbye: it is not understood', async () => {
    const result = await play('who won the football match last night');
    expect(answered(result)).toEqual([]);
    expect(result.replies.map((r) => r.text)).toEqual([catalog.messages.fallback.en]);
  });

  it('still answers "ok good night, talk tomorrow" as a goodbye', async () => {
    const result = await play('ok good night, talk tomorrow');
    expect(result.replies.map((r) => r.text).join('\n')).not.toContain(catalog.messages.fallback.en);
  });
});

describe('DialogueEngine with the demo catalog: paying in a shop and things that broke down', () => {
  it('answers "does your shop counter take debit cards" with the payment methods', async () => {
    expect(answered(await play('does your shop counter take debit cards'))).toEqual(['payment_methods']);
  });

  it('answers "घडी बिग्रियो, कसलाई देखाउने?" (the watch broke down, who do I show it to) with repairs', async () => {
    expect(answered(await play('घडी बिग्रियो, कसलाई देखाउने?'))).toEqual(['repair_service']);
  });
});

describe('DialogueEngine with the demo catalog: what fitting costs is installation, not delivery', () => {
  it('answers "टीवी लगवाने का कितना चार्ज लगेगा?" (what does having the TV fitted cost) with installation', async () => {
    expect(answered(await play('टीवी लगवाने का कितना चार्ज लगेगा?'))).toEqual(['product_setup']);
  });
});

describe('DialogueEngine with the demo catalog: words about a person that close the conversation', () => {
  const signalTypes = (result: TurnResult) => result.signals.map((s) => s.type);

  it('thanks a customer who says the agent already helped, without handing them to a person', async () => {
    const result = await play('where is my order SG-204417', 'your agent already helped me thanks');
    expect(signalTypes(result)).not.toContain('handoff_intent');
    expect(result.signals).toContainEqual({ type: 'act', act: 'thanks' });
  });

  it('lets a Nepali customer who will talk to her husband first take her time, without handing her to a person', async () => {
    const result = await play('म श्रीमानसँग कुरा गरेर भन्छु');
    expect(signalTypes(result)).not.toContain('handoff_intent');
    expect(result.signals).toContainEqual({ type: 'act', act: 'wait' });
    expect(result.lang).toBe('ne');
  });

  it('lets a Hinglish customer who will talk it over at home take their time', async () => {
    const result = await play('ghar pe baat karke batata hu');
    expect(signalTypes(result)).not.toContain('handoff_intent');
    expect(result.signals).toContainEqual({ type: 'act', act: 'wait' });
  });

  it('still hands over a customer who asks for an agent and closes with thanks', async () => {
    const result = await play('can i talk to an agent please, thanks');
    expect(signalTypes(result)).toContain('handoff_intent');
  });
});

describe('DialogueEngine with the demo catalog: a question beside an acknowledgement', () => {
  it('does not answer "theek hai, pickup kaun karega?" with a thumbs-up: the question in the catalog’s words was missed', async () => {
    const result = await play('can u tell me the return policy for laptops', 'theek hai, pickup kaun karega?');
    expect(result.signals.map((s) => s.type)).not.toContain('act');
    expect(result.signals.map((s) => s.type)).toContain('misunderstood');
  });

  it('still greets back "hello, anyone there?"', async () => {
    const result = await play('hello, anyone there?');
    expect(result.signals).toContainEqual({ type: 'act', act: 'greeting' });
  });
});

describe('DialogueEngine with the demo catalog: an order number handed over after the question', () => {
  it('answers "where is my refund? order no SG-771204" as the refund alone, not also the order status', async () => {
    const result = await play('where is my refund? order no SG-771204');
    expect(answered(result)).toEqual(['refund_status']);
  });
});

describe('DialogueEngine with the demo catalog: thanks around words that ask nothing', () => {
  it.each([
    ['en', 'thanks, that helps. bye!'],
    ['en', 'perfect, thanks for the quick reply'],
    ['en', 'thank you, you have been very helpful'],
    ['hi-Latn', 'shukriya, aapne bahut madad ki'],
    ['ur', 'بہت شکریہ، آپ نے بہت مدد کی'],
    ['ne', 'धन्यवाद, धेरै सहयोग गर्नुभयो'],
  ])('answers the thanks in "%s: %s" instead of asking "did you mean…?"', async (_lang, text) => {
    const result = await play('where is my order SG-204417', text);
    expect(result.signals.map((s) => s.type)).toContain('act');
    expect(result.signals.map((s) => s.type)).not.toContain('clarifying');
  });

  it('still reads "thanks but the refund still hasnt come" as the refund', async () => {
    const result = await play('thanks but the refund still hasnt come');
    expect(result.signals.map((s) => s.type)).not.toContain('act');
  });
});


describe('DialogueEngine with the demo catalog: a question and its context', () => {
  it('answers only the refund when the customer adds that they returned the item days ago', async () => {
    const result = await play('bhai mera refund kab aayega? 10 din ho gaye return kiye');
    expect(result.state.pending).toEqual({ intent: 'refund_status', slot: 'order_number' });
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]!.text).not.toMatch(/10 din ke andar/);
  });

  it('still answers a stated problem and a question about another topic in one message', async () => {
    const result = await play('my order SG-118822 has not arrived yet. also do you have cash on delivery?');
    expect(answered(result)).toEqual(['order_status', 'payment_methods']);
  });
});

describe('DialogueEngine with the demo catalog: an exchange is a return', () => {
  it.each([
    ['en', 'i want to exchange it for another one'],
    ['hi-Latn', 'exchange ho jayega kya iska'],
  ])('answers a %s request to exchange an item with the return policy', async (_lang, text) => {
    expect(answered(await play(text))).toEqual(['return_policy']);
  });
});
