import { initialDialogueState } from '../../../../src/bot/dialogue';
import { conversation, makeEngine, say, textsOf } from './engineHarness';

describe('DialogueEngine: language', () => {
  it('answers in Urdu to a customer writing Urdu', async () => {
    const result = await say(makeEngine(), 'دکان کب کھلتی ہے');
    expect(result.lang).toBe('ur');
    expect(result.state.language).toBe('ur');
    expect(textsOf(result)).toEqual(['[ur] ہم روزانہ صبح 10 سے رات 8 بجے تک کھلے ہیں۔']);
  });

  it('switches to English when the customer switches to English mid-conversation', async () => {
    const result = await say(makeEngine(), 'دکان کب کھلتی ہے', 'what time do you open');
    expect(result.lang).toBe('en');
    expect(textsOf(result)).toEqual(['[en] We are open 10 am to 8 pm, every day.']);
  });

  it('keeps the conversation language on a short "ok"', async () => {
    const result = await say(makeEngine(), 'دکان کب کھلتی ہے', 'ok');
    expect(result.lang).toBe('ur');
    expect(textsOf(result)).toEqual(['👍 کیا میں کسی اور چیز میں مدد کر سکتا ہوں؟']);
  });

  it('keeps the conversation language on a bare number', async () => {
    const result = await say(makeEngine(), 'मेरा ऑर्डर कहाँ है', '12345');
    expect(result.lang).toBe('hi');
  });

  it('keeps the conversation language when the message is only an order number', async () => {
    const result = await say(makeEngine(), 'میرا آرڈر کہاں ہے', 'SG-482913');
    expect(result.lang).toBe('ur');
    expect(textsOf(result)).toEqual(['[ur] آرڈر SG-482913 راستے میں ہے۔']);
  });

  it('answers a short "ok" in the language the desk recorded when the bot has read nothing yet (after a handback)', async () => {
    const result = await makeEngine().turn({ text: 'ok', state: initialDialogueState(), language: 'ur', customerRef: 'c', channel: 'whatsapp', conversationId: 'c' });
    expect(result.lang).toBe('ur');
    expect(textsOf(result)).toEqual(['👍 کیا میں کسی اور چیز میں مدد کر سکتا ہوں؟']);
  });

  it('keeps the dialogue state\'s language on a short "ok" when the desk has already followed the message elsewhere', async () => {
    const [first] = await conversation(makeEngine(), ['what time do you open']);
    const result = await makeEngine().turn({ text: 'ok', state: first!.state, language: 'ur', customerRef: 'c', channel: 'whatsapp', conversationId: 'c' });
    expect(result.lang).toBe('en');
  });

  it('uses the catalog default language before any confident message', async () => {
    const result = await say(makeEngine(), 'ok');
    expect(result.lang).toBe('en');
  });

  it('answers in the default language when the intent has no translation, keeping the conversation language', async () => {
    const result = await say(makeEngine(), 'میرا ریفنڈ کہاں ہے', 'SG-482913');
    expect(textsOf(result)).toEqual(['[en] Refunds take 5 to 7 days.']);
    expect(result.lang).toBe('ur');
  });

  it('tells Hinglish from English and answers Hinglish prompts in Hinglish', async () => {
    const result = await say(makeEngine(), 'mera order kahan hai');
    expect(result.lang).toBe('hi-Latn');
    expect(textsOf(result)).toEqual(['[hi-Latn] Aapka order number kya hai?']);
  });

  it('does not switch to a language the catalog does not declare', async () => {
    const engine = makeEngine({ languageDetector: { detect: () => ({ lang: 'fr', confidence: 0.99 }) } });
    const result = await say(engine, 'what time do you open');
    expect(result.lang).toBe('en');
  });
});
