import { join } from 'node:path';
import { loadCatalog, parseCatalogFiles } from '../../../../src/nlu/catalog/loadCatalog';
import { createLanguageDetector, LANGUAGE_CONFIDENCE_THRESHOLD } from '../../../../src/nlu/language';
import type { LanguageDetector } from '../../../../src/nlu/types';

const FIXTURES = join(__dirname, '../../../fixtures/catalogs');

describe('createLanguageDetector on a five-language catalog', () => {
  let detector: LanguageDetector;
  beforeAll(async () => {
    detector = createLanguageDetector(await loadCatalog(join(FIXTURES, 'good'), {}));
  });

  const confidentlyIn = (lang: string) => (text: string) => {
    const guess = detector.detect(text);
    expect({ text, lang: guess.lang }).toEqual({ text, lang });
    expect(guess.confidence).toBeGreaterThanOrEqual(LANGUAGE_CONFIDENCE_THRESHOLD);
  };

  it.each([
    'Hi, my order hasnt arrived yet, can you check?',
    'where is my parcel??',
    'I want a refund for my last order',
    'cancel my order please',
    'wher is my oder, its been 5 days',
  ])('detects English: %s', confidentlyIn('en'));

  it.each([
    'mera order kab aayega bro?',
    'bhai refund kab milega',
    'mujhe apna paisa wapas chahiye yaar',
    'order cancel karna hai',
    'kya aap sunday ko khule ho',
    'mra ordr kb ayga',
  ])('detects Hinglish: %s', confidentlyIn('hi-Latn'));

  it.each([
    'मेरा ऑर्डर अभी तक नहीं आया',
    'मुझे रिफंड चाहिए',
    'क्या आप रविवार को खुले हैं',
    'ऑर्डर कैंसिल करना है',
    'मेरा पार्सल कब तक आयेगा भाई',
  ])('detects Hindi in Devanagari: %s', confidentlyIn('hi'));

  it.each([
    'मेरो अर्डर अझै आएको छैन',
    'मलाई पैसा फिर्ता चाहियो',
    'पसल कति बजे खुल्छ',
    'तपाईंको पसल आज खुला छ?',
    'अर्डर रद्द गर्नु छ',
    'मेरो पार्सल कहिले आउछ',
  ])('detects Nepali: %s', confidentlyIn('ne'));

  it.each([
    'mero order kaha pugyo?',
    'paisa firta kahile aauchha?',
    'malai manche sanga kura garna cha',
    'tapai ko store kati baje khulcha',
    'order cancel garnu cha',
  ])('detects Nepali typed in Latin letters as Nepali (the catalog has no Latin-script Nepali): %s', confidentlyIn('ne'));

  it.each(['mera order kahan hai bhai', 'acha thik hai', 'kya aap bata sakte ho ki store kab khulta hai'])(
    'keeps Hinglish with a word Nepali shares Hinglish: %s',
    confidentlyIn('hi-Latn'),
  );

  it.each(['میرا آرڈر ابھی تک نہیں آیا', 'مجھے ریفنڈ چاہیے', 'آپ کی دکان کب کھلتی ہے؟', 'میرا پارسل کہاں ہے بھائی'])(
    'detects Urdu from Arabic script: %s',
    confidentlyIn('ur'),
  );

  it('detects the main language of a message mixing scripts', () => {
    expect(detector.detect('मेरा order अभी तक नहीं आया')).toMatchObject({ lang: 'hi' });
  });

  it.each([
    ['hi', 'मेरा refund status अभी तक pending है'],
    ['ur', 'میرا refund status ابھی تک pending ہے'],
    ['ne', 'मेरो order को delivery कहिले हुन्छ?'],
  ])('detects %s confidently when English nouns are typed in Latin letters amid its own script', (lang, text) => {
    confidentlyIn(lang)(text);
  });

  it.each([
    ['en', 'where is my order, it was due on monday धन्यवाद'],
    ['hi-Latn', 'bhai mera order kab aayega, kuch pata hai? धन्यवाद'],
  ])('keeps %s for a Latin-script message with one word of another script', (lang, text) => {
    confidentlyIn(lang)(text);
  });

  it.each(['ok', '12345', '👍', '🙏🙏', 'BT-123456', 'order BT-123456', '', '   ', '?', 'refund?', 'hi', 'नमस्ते'])(
    'gives low confidence to short or ambiguous text: %j',
    (text) => {
      expect(detector.detect(text).confidence).toBeLessThan(LANGUAGE_CONFIDENCE_THRESHOLD);
    },
  );

  it('gives zero confidence to text with no letters', () => {
    expect(detector.detect('12345 !!! 👍').confidence).toBe(0);
  });

  it('gives more confidence to a longer message than to a single word', () => {
    expect(detector.detect('mera order kab aayega bhai').confidence).toBeGreaterThan(detector.detect('kab').confidence);
  });

  it('returns confidences between 0 and 1', () => {
    for (const text of ['where is my order', 'मेरो अर्डर', 'سلام', 'x']) {
      const { confidence } = detector.detect(text);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('createLanguageDetector on other catalogs', () => {
  const catalogOf = (yaml: string) => parseCatalogFiles([{ path: 'c.yaml', content: yaml }], {});

  it('only answers with the catalog languages: Arabic script without ur in the catalog is unknown', () => {
    const detector = createLanguageDetector(catalogOf('intents:\n  - { id: x, examples: { en: [where is my order] }, answers: { en: A } }\n'));
    expect(detector.detect('میرا آرڈر کہاں ہے')).toEqual({ lang: 'en', confidence: 0 });
  });

  it('picks Hindi for Devanagari when Hindi is the only Devanagari language', () => {
    const detector = createLanguageDetector(
      catalogOf('intents:\n  - { id: x, examples: { en: [where is my order], hi: [मेरा ऑर्डर कहाँ है] }, answers: { en: A } }\n'),
    );
    expect(detector.detect('मेरो अर्डर कहिले आउँछ')).toMatchObject({ lang: 'hi' });
    expect(detector.detect('मेरो अर्डर कहिले आउँछ').confidence).toBeGreaterThanOrEqual(LANGUAGE_CONFIDENCE_THRESHOLD);
  });

  it('learns to separate languages it has no built-in vocabulary for from the catalog examples', () => {
    const detector = createLanguageDetector(
      catalogOf(`
intents:
  - id: order_status
    examples:
      en: [where is my order, when will my order arrive, my package has not arrived]
      es: [donde esta mi pedido, cuando llega mi pedido, mi paquete no ha llegado]
    answers: { en: A }
  - id: refund
    examples:
      en: [I want my money back, where is my refund]
      es: [quiero mi dinero de vuelta, donde esta mi reembolso]
    answers: { en: B }
`),
    );
    expect(detector.detect('donde esta mi paquete por favor')).toMatchObject({ lang: 'es' });
    expect(detector.detect('where is my package please')).toMatchObject({ lang: 'en' });
  });
});
