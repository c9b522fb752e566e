import {
  createNepaliTransliterator,
  devanagariSkeleton,
  latinSkeleton,
  MAX_TRANSLITERATED_LENGTH,
  nepaliTransliteratorFor,
  transliterateWord,
} from '../../../../src/nlu/transliteration';
import type { Catalog } from '../../../../src/nlu/types';

const CATALOG_NEPALI = ['मेरो अर्डर कहाँ पुग्यो', 'ठेगाना फेर्नु छ', 'ठेगाना मिलाइदिनुस्', 'रिफन्ड कहिले आउँछ', 'स्टोर कति बजे खुल्छ'];
const transliterator = createNepaliTransliterator(CATALOG_NEPALI);
const read = (text: string) => transliterator.transliterate(text);

describe('transliterateWord (spelling rules)', () => {
  it('writes an inner consonant cluster with a virama', () => {
    expect(transliterateWord('garna')).toBe('गर्न');
  });

  it('leaves the final schwa unwritten, so "garn" and "garna" are spelled alike', () => {
    expect(transliterateWord('garn')).toBe(transliterateWord('garna'));
  });

  it('reads "aa" as the long a sign after a consonant', () => {
    expect(transliterateWord('baato')).toBe('बातो');
  });

  it('writes a vowel at the start of a word as a letter, not a sign', () => {
    expect(transliterateWord('aama')).toBe('आम');
  });

  it('reads chh and x alike, as छ', () => {
    expect(transliterateWord('pugchha')).toBe(transliterateWord('pugxa'));
  });

  it('reads "ai" at the end of a word as आइ (malai, dai), inside it as ऐ (paisa)', () => {
    expect([transliterateWord('bhai'), transliterateWord('paisa')]).toEqual(['भाइ', 'पैस']);
  });

  it('reads "au" as आउ, as in aauchha', () => {
    expect(transliterateWord('pathaune')).toBe('पथाउने');
  });

  it('returns a word with anything but the letters a–z as it is', () => {
    expect(['SG-482913', '12345', 'कति', ''].map(transliterateWord)).toEqual(['SG-482913', '12345', 'कति', '']);
  });
});

describe('sound skeletons', () => {
  it('give a romanised word and its Devanagari spelling the same key', () => {
    expect(latinSkeleton('thegaana')).toBe(devanagariSkeleton('ठेगाना'));
  });

  it('ignore h, so "kaile" finds कहिले', () => {
    expect(latinSkeleton('kaile')).toBe(devanagariSkeleton('कहिले'));
  });

  it('ignore a nasal vowel romanisation drops (aaucha, आउँछ)', () => {
    expect(latinSkeleton('aaucha')).toBe(devanagariSkeleton('आउँछ'));
  });

  it('are empty for a word outside their alphabet', () => {
    expect([latinSkeleton('SG123'), devanagariSkeleton('abc')]).toEqual(['', '']);
  });
});

describe('createNepaliTransliterator', () => {
  it('reads the sandbox message that used to get the fallback in Devanagari', () => {
    expect(read('mero paisa kaile firta aauchha?')).toBe('मेरो पैसा कहिले फिर्ता आउँछ');
  });

  it('reads every common spelling of छ as छ', () => {
    expect(read('cha chha xa')).toBe('छ छ छ');
  });

  it('reads kaha and kahaa as कहाँ', () => {
    expect(read('kaha kahaa')).toBe('कहाँ कहाँ');
  });

  it('spells a loanword the way the catalog does', () => {
    expect(read('order refund')).toBe('अर्डर रिफन्ड');
  });

  it('finds a word the lexicon lacks among the catalog words by its sound', () => {
    expect(read('milaidinus')).toBe('मिलाइदिनुस्');
  });

  it('spells a word with a Nepali ending that neither the lexicon nor the catalog has by the rules', () => {
    expect(read('lekhdaina')).toBe('लेख्दैन');
  });

  it('keeps English words it does not know in Latin letters', () => {
    expect(read('washing machine')).toBe('washing machine');
  });

  it('keeps order numbers and digit runs as they are', () => {
    expect(read('SG-482913 ko status k cha 98412345678901234567890')).toBe('sg 482913 को स्टाटस के छ 98412345678901234567890');
  });

  it('drops an emoji flood as punctuation', () => {
    expect(read(`${'🙏😡'.repeat(200)} kati ${'😂'.repeat(200)}`)).toBe('कति');
  });

  it('keeps the Devanagari words of a mixed-script message', () => {
    expect(read('mero अर्डर kaha')).toBe('मेरो अर्डर कहाँ');
  });

  it(`reads at most the first ${MAX_TRANSLITERATED_LENGTH} characters of a 4,000-character message`, () => {
    const out = read('kati '.repeat(800));
    expect(out.split(' ')).toHaveLength(MAX_TRANSLITERATED_LENGTH / 5);
  });

  it('returns an empty reading for an empty or blank message', () => {
    expect([read(''), read('   ')]).toEqual(['', '']);
  });

  it('reads upper-case letters and repeated punctuation like the classifier does', () => {
    expect(read('Mero ORDER kahaa pugyo??')).toBe('मेरो अर्डर कहाँ पुग्यो');
  });
});

describe('nepaliTransliteratorFor', () => {
  const catalog = (languages: string[], ne: string[]): Catalog =>
    ({ languages, defaultLanguage: 'en', intents: [{ id: 'x', examples: { ne } }] }) as unknown as Catalog;

  it('gives a transliterator for a catalog whose Nepali is in Devanagari', () => {
    expect(nepaliTransliteratorFor(catalog(['en', 'ne'], ['मेरो अर्डर']))).not.toBeNull();
  });

  it('gives none for a catalog without Nepali', () => {
    expect(nepaliTransliteratorFor(catalog(['en'], []))).toBeNull();
  });

  it('gives none for a catalog whose Nepali examples are in Latin letters', () => {
    expect(nepaliTransliteratorFor(catalog(['en', 'ne'], ['mero order kaha', 'refund kahile']))).toBeNull();
  });

  it('gives none for a catalog with a Nepali of its own in Latin letters', () => {
    expect(nepaliTransliteratorFor(catalog(['en', 'ne', 'ne-Latn'], ['मेरो अर्डर']))).toBeNull();
  });
});
