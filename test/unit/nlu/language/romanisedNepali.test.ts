import { languageTokens } from '../../../../src/nlu/language';
import { readsAsRomanisedNepali } from '../../../../src/nlu/language/romanisedNepali';

const reads = (text: string) => readsAsRomanisedNepali(languageTokens(text));

describe('readsAsRomanisedNepali', () => {
  it.each(['mero order kaha pugyo?', 'malai refund chahiyo', 'delivery charge kati lagcha', 'payment fail bhayo tara paisa katyo'])(
    'reads "%s" as Nepali',
    (text) => expect(reads(text)).toBe(true),
  );

  it('reads "yo laptop ko warranty kati barsa ho" as Nepali by its word for years', () => {
    expect(reads('yo laptop ko warranty kati barsa ho')).toBe(true);
  });

  it.each(['euta geet sunau na', 'duita charger pathaideu', 'khoi thaha bhayena'])(
    'reads "%s" as Nepali by its counting words, imperatives and particles',
    (text) => expect(reads(text)).toBe(true),
  );

  it('reads a short message with one Nepali word and no Hinglish one as Nepali', () => {
    expect(reads('thik cha')).toBe(true);
  });

  it('does not read a long message with a single Nepali-looking word as Nepali', () => {
    expect(reads('Kati here from Helsinki, where is my order please')).toBe(false);
  });

  it('does not read Hinglish as Nepali when its Hinglish words outnumber the Nepali ones', () => {
    expect(reads('mera order abhi tak nahi aaya, kab tak aayega, kya hua hai')).toBe(false);
  });

  it('does not read English as Nepali', () => {
    expect(reads('when do you open on sunday')).toBe(false);
  });

  it.each(['parcel ajai aaipugeko chaina, kahaa atkyo?', 'lalitpur tira kunai outlet xa?', 'kun kun sahar ma store chan?', 'ac bigriyo, ghar mai aayera marmat garnuhunchha?'])(
    'reads "%s" as Nepali by its Nepali endings and words',
    (text) => expect(reads(text)).toBe(true),
  );

  it.each(['accha kharcha kitna hai', 'heyo', 'mayo sandwich please', 'parcel kab tak pahuncha'])(
    'does not read "%s" as Nepali for a Hindi or English word with a Nepali-looking ending',
    (text) => expect(reads(text)).toBe(false),
  );

  it('stays linear on a flood of words', () => {
    expect(reads('cha '.repeat(10_000))).toBe(true);
  });
});
