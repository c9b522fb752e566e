import { trainClassifierWith, DEFAULT_SETTINGS, normalizeText } from '../../../../src/nlu/classifier';
import { foldDevanagariSpelling } from '../../../../src/nlu/classifier/devanagariSpelling';

const fold = (text: string): string => foldDevanagariSpelling(normalizeText(text));

describe('foldDevanagariSpelling', () => {
  it('writes a half nasal consonant before a consonant as the anusvara', () => {
    expect(fold('सम्पर्क')).toBe(fold('संपर्क'));
    expect(fold('हिन्दी')).toBe(fold('हिंदी'));
    expect(fold('ठण्डा')).toBe(fold('ठंडा'));
  });

  it('keeps a nasal consonant that is not followed by a consonant', () => {
    expect(fold('नमस्ते')).toBe('नमस्ते');
    expect(fold('सामान')).toBe('सामान');
  });

  it('does not tell long and short i and u apart', () => {
    expect(fold('कीमत')).toBe(fold('किमत'));
    expect(fold('पूरा')).toBe(fold('पुरा'));
    expect(fold('ईमेल')).toBe(fold('इमेल'));
  });

  it('writes the English-loan vowels ॉ and ॅ as ो and े', () => {
    expect(fold('ऑर्डर')).toBe(fold('ओर्डर'));
    expect(fold('कॉल')).toBe(fold('कोल'));
  });

  it('folds a half nasal before a consonant wherever it stands, and no half nasal at the end of the text', () => {
    expect(foldDevanagariSpelling('पन्छ र गन्त')).toBe('पंछ र गंत');
    expect(foldDevanagariSpelling('किन्')).toBe('किन्');
  });

  it('leaves Devanagari without a spelling to fold as it is', () => {
    expect(foldDevanagariSpelling('मेरो अर्डर कहिले आउँछ')).toBe('मेरो अर्डर कहिले आउँछ');
  });

  it('leaves text without Devanagari as it is', () => {
    expect(foldDevanagariSpelling('mera order kab aayega')).toBe('mera order kab aayega');
    expect(foldDevanagariSpelling(normalizeText('میرا آرڈر کب آئے گا'))).toBe(normalizeText('میرا آرڈر کب آئے گا'));
  });

  it('makes the classifier read both spellings of a word alike', () => {
    const examples = [
      ...['संपर्क नंबर दीजिए', 'संपर्क कैसे करूँ', 'आपसे संपर्क करना है'].map((text) => ({ intent: 'contact', text })),
      ...['कीमत क्या है', 'इसकी कीमत बताइए', 'कीमत कितनी है'].map((text) => ({ intent: 'price', text })),
    ];
    const classifier = trainClassifierWith(examples, { ...DEFAULT_SETTINGS, foldDevanagari: true });
    expect(classifier.topK('सम्पर्क किमत', 2)).toEqual(classifier.topK('संपर्क कीमत', 2));
  });
});
