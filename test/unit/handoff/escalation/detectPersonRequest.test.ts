import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { asksForPerson } from '../../../../src/handoff/escalation/detectPersonRequest';

const cases: { lang: string; asks: string[]; doesNotAsk: string[] }[] = [
  {
    lang: 'en',
    asks: [
      'give me your helpline number please',
      'can someone ring me back',
      'agent',
      'I want to talk to a human',
      'Can I speak with a real person please',
      'connect me to a representative',
      'i need a customer care executive',
      'let me talk to someone',
      'I dont want to talk to a bot',
      'HUMAN PLEASE',
      'talk to an agnet',
      'get me a humna',
      'No I want an agent',
      'agnet',
      'ok. agnet pls',
      'agents, talk',
      'let me talk to the delivery team',
      'can i ring you guys',
      'whats your phone number, i want to call',
      'please call me back',
    ],
    doesNotAsk: [
      'the hotline number printed on the box is wrong',
      'I am an agent of change',
      'no need for an agent',
      "I don't want a human, just tell me the order status",
      'the delivery agent was rude',
      'it was a human error',
      'I spoke to your agent yesterday and he was helpful',
      'are you a human?',
      'someone stole my parcel',
      // the courier, not the company: "person" after "delivery" is someone else ("talk to the delivery team" still asks)
      'the delivery person didnt call me',
      'i want to talk to the delivery person',
      // A place one letter from "banda", as one clause of an address: a typo alone asks only as the whole message.
      'its 4th floor, Orion Tower, Bandra',
      "I don't want to call you, just fix it",
      'the delivery boy didnt call me back',
    ],
  },
  {
    lang: 'hi-Latn',
    asks: [
      'helpline ka number chahiye',
      'insaan se baat karni hai',
      'kisi banda se baat karao',
      'agent se baat',
      'mujhe insaaaan se baat karni h',
      'customer care executive se connect karo',
      'bot nahi, insaan chahiye',
      'kisi se baat karwa do bhai',
      'koi aadmi hai?',
      'kya main aapko call kar sakta hu?',
      'phone pe baat ho sakti hai?',
    ],
    doesNotAsk: ['mujhe agent se baat nahi karni', 'insaan nahi chahiye, bas order status batao', 'kisi ko farak nahi padta', 'delivery agent ne parcel phek diya'],
  },
  {
    lang: 'hi',
    asks: [
      'हेल्पलाइन से बात करनी है',
      'इंसान से बात',
      'किसी व्यक्ति से बात कराइए',
      'मुझे एजेंट से बात करनी है',
      'कस्टमर केयर से जोड़ दीजिए',
      'बॉट नहीं, इंसान चाहिए',
      'किसी से बात करवा दो',
      'एजेन्ट प्लीज़',
      'मैं आपको कॉल कर सकता हूँ क्या',
    ],
    doesNotAsk: ['मुझे एजेंट से बात नहीं करनी', 'इंसान नहीं चाहिए, बस ऑर्डर बताओ', 'डिलीवरी एजेंट ने पार्सल फेंक दिया', 'मेरा ऑर्डर कब आएगा'],
  },
  {
    lang: 'ur',
    asks: [
      'ہیلپ لائن کا نمبر چاہیے',
      'نمائندے سے بات',
      'کسی انسان سے بات کروائیں',
      'مجھے ایجنٹ سے بات کرنی ہے',
      'کسٹمر کیئر سے رابطہ کروا دیں',
      'بوٹ نہیں، انسان چاہیے',
      'کسی سے بات کروا دیں',
      'کوئی انسان ہے؟',
      'کیا میں آپ کو فون کر سکتا ہوں؟',
    ],
    doesNotAsk: ['مجھے انسان سے بات نہیں کرنی', 'ایجنٹ نہیں چاہیے، بس آرڈر بتائیں', 'ڈیلیوری ایجنٹ نے پارسل پھینک دیا', 'دکان کب کھلتی ہے'],
  },
  {
    lang: 'ne',
    asks: [
      'हेल्पलाइनमा कल गर्नु छ',
      'मानिससँग कुरा गर्न चाहन्छु',
      'एजेन्टसँग कुरा',
      'कुनै व्यक्तिसँग कुरा गराइदिनुहोस्',
      'कस्टमर केयरसँग जोडिदिनुहोस्',
      'कसैसँग कुरा गराउनुहोस्',
      'मलाई बोटसँग कुरा गर्नु छैन',
      'मान्छे चाहियो',
      'तपाईंलाई फोन गर्न मिल्छ?',
    ],
    doesNotAsk: ['मलाई एजेन्टसँग कुरा गर्नु छैन', 'मान्छे चाहिँदैन, अर्डर मात्र भन्नुहोस्', 'डेलिभरी एजेन्टले पार्सल फ्याँक्यो', 'पसल कति बजे खुल्छ'],
  },
  {
    lang: 'ne-Latn',
    asks: ['malai manche sanga kura garna cha', 'agent sanga jodidinus', 'kohi manche cha?', 'kasailai sanga kura garna paaun', 'tapai lai phone garna milcha?'],
    doesNotAsk: ['malai manche chahindaina', 'delivery manche kahile aaucha', 'store kati baje khulcha'],
  },
];

describe.each(cases)('asksForPerson in $lang', ({ lang, asks, doesNotAsk }) => {
  it.each(asks)('recognises "%s" as asking for a person', (text) => {
    expect(asksForPerson(text, lang)).toBe(true);
  });

  it.each(doesNotAsk)('does not read "%s" as asking for a person', (text) => {
    expect(asksForPerson(text, lang)).toBe(false);
  });
});

describe('asksForPerson: someone asked to look into it, a person called over (DEV12)', () => {
  it.each([
    ['en', 'Would it be possible for someone from your team to look into it?'],
    ['en', 'can someone look into this please'],
    ['ne', 'म्यानेजरलाई बोलाउनुस्'],
    ['ne', 'कसैलाई बोलाइदिनुस् न'],
    ['ne-Latn', 'manche bolaidinus'],
  ])('recognises a %s request "%s" as asking for a person', (lang, text) => {
    expect(asksForPerson(text, lang)).toBe(true);
  });

  it.each([
    ['en', 'can you look into my order'],
    ['en', 'i will look into the warranty myself'],
    ['ne', 'साथीलाई बोलाउनुस्'],
  ])('does not read "look into" or "call over" without a person in %s "%s" as asking for one', (lang, text) => {
    expect(asksForPerson(text, lang)).toBe(false);
  });
});

describe('asksForPerson: a "na" closing a request presses it, it does not negate it', () => {
  it.each([
    ['hi', 'किसी से बात करा दो ना'],
    ['hi-Latn', 'kisi se baat karwa do na'],
    ['ne', 'कसैसँग कुरा गराइदिनुस् न'],
  ])('recognises the %s request "%s" as asking for a person', (lang, text) => {
    expect(asksForPerson(text, lang)).toBe(true);
  });

  it.each([
    ['hi', 'एजेंट से बात न कराएं'],
    ['hi-Latn', 'mujhe agent nahi chahiye na'],
  ])('still reads the %s negation in "%s"', (lang, text) => {
    expect(asksForPerson(text, lang)).toBe(false);
  });
});

describe('asksForPerson on the shipped catalog', () => {
  const dir = join(__dirname, '../../../../intents');
  const examples: { intent: string; lang: string; text: string }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))) {
    const doc = parse(readFileSync(join(dir, file), 'utf8')) as { intents?: { id: string; examples?: Record<string, string[]> }[] };
    for (const intent of doc.intents ?? []) {
      for (const [lang, texts] of Object.entries(intent.examples ?? {})) {
        for (const text of texts) examples.push({ intent: intent.id, lang, text });
      }
    }
  }

  it('recognises at least 95% of the human_agent examples in every language', () => {
    const own = examples.filter((e) => e.intent === 'human_agent');
    expect(own.length).toBeGreaterThan(50);
    expect(own.filter((e) => asksForPerson(e.text, e.lang)).length / own.length).toBeGreaterThanOrEqual(0.95);
  });

  it('reads at most 1% of the other intents\' examples as asking for a person', () => {
    const others = examples.filter((e) => e.intent !== 'human_agent');
    expect(others.length).toBeGreaterThan(500);
    expect(others.filter((e) => asksForPerson(e.text, e.lang)).length / others.length).toBeLessThanOrEqual(0.01);
  });
});
