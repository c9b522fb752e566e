import { isNormalized, normalizeFully, normalizeText } from '../../../../src/nlu/classifier/normalizeText';

describe('normalizeText', () => {
  it('lower-cases Latin text and strips accents and punctuation', () => {
    expect(normalizeText('Café, DÉJÀ-vu!')).toBe('cafe deja vu');
  });

  it('drops apostrophes inside words', () => {
    expect(normalizeText("Don't can’t")).toBe('dont cant');
  });

  it('turns emoji and symbols into nothing', () => {
    expect(normalizeText('🙂 hello 🙏')).toBe('hello');
    expect(normalizeText('🙂🙂')).toBe('');
  });

  it('converts Devanagari and Arabic-Indic digits to ASCII', () => {
    expect(normalizeText('ऑर्डर १२३')).toBe('ऑर्डर 123');
    expect(normalizeText('آرڈر ۴۵۶ ٧٨٩')).toBe('ارڈر 456 789');
  });

  it('unifies Arabic and Urdu forms of yeh, kaf and heh', () => {
    expect(normalizeText('كيا')).toBe(normalizeText('کیا'));
    expect(normalizeText('ہے')).toBe(normalizeText('ہی'));
    expect(normalizeText('ه')).toBe(normalizeText('ہ'));
  });

  it('reads the one-letter yeh barree with hamza as the two letters it stands for ("آۓ" = "آئے")', () => {
    expect(normalizeText('کب آۓ گا')).toBe(normalizeText('کب آئے گا'));
    expect(normalizeText('پیسے کٹ گۓ')).toBe(normalizeText('پیسے کٹ گئے'));
  });

  it('strips Arabic diacritics and tatweel', () => {
    expect(normalizeText('شُكْرًا')).toBe(normalizeText('شكرا'));
    expect(normalizeText('کـــیا')).toBe(normalizeText('کیا'));
  });

  it('drops the Devanagari nukta and maps chandrabindu to anusvara', () => {
    expect(normalizeText('क़ीमत')).toBe(normalizeText('कीमत'));
    expect(normalizeText('\u0915\u093C')).toBe('\u0915');
    expect(normalizeText('कहाँ')).toBe(normalizeText('कहां'));
  });

  it('treats the danda and the Urdu full stop as punctuation', () => {
    expect(normalizeText('ठीक है। धन्यवाद')).toBe('ठीक है धन्यवाद');
    expect(normalizeText('ٹھیک ہے۔')).toBe(normalizeText('ٹھیک ہے'));
  });

  it('collapses whitespace', () => {
    expect(normalizeText('  a \n\t b  ')).toBe('a b');
  });

  it('tells normalised text (words of a–z, digits and Devanagari, single spaces between) from the rest', () => {
    expect(['', 'mero order kaha pugyo', 'order 2 din', 'अर्डर hatauna मिल्छ'].filter(isNormalized)).toHaveLength(4);
    expect(['Order', 'order?', ' order', 'order ', 'my  order', 'कहाँ', '१२', 'ठीक है।', 'don\'t', 'café', 'क़', 'آرڈر'].filter(isNormalized)).toEqual([]);
  });

  it('gives normalised text back as it is', () => {
    expect(normalizeText('अर्डर hatauna मिल्छ')).toBe('अर्डर hatauna मिल्छ');
  });

  it('reads every string of up to three characters among letters, digits, marks, spaces and punctuation as the full normalisation does', () => {
    const chars = ['a', 'Z', '7', ' ', '.', "'", 'क', '\u0901', '\u094D', '\u093C', '\u0964', '\u0967', 'ा', 'ب', 'é'];
    const strings = chars.flatMap((a) => [a, ...chars.flatMap((b) => [a + b, ...chars.map((c) => a + b + c)])]);
    expect(strings.filter((text) => normalizeText(text) !== normalizeFully(text))).toEqual([]);
  });

  it('reads every pair of printable ASCII and Devanagari characters as the full normalisation does', () => {
    const chars: string[] = [];
    for (let code = 0x20; code <= 0x7e; code++) chars.push(String.fromCharCode(code));
    for (let code = 0x0900; code <= 0x097f; code++) chars.push(String.fromCharCode(code));
    const differing = chars.flatMap((a) => chars.map((b) => a + b)).filter((pair) => normalizeText(pair) !== normalizeFully(pair));
    expect(differing).toEqual([]);
  });
});
