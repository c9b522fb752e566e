import { catalogSpellingFor, commonEnglishWords, withinOneEdit } from '../../../../src/nlu/spelling';

const spelling = catalogSpellingFor([
  'what is your return policy',
  'where is my order',
  'mera order kab aayega',
  'headphones ki warranty',
  'can i pay by card',
  'मेरा ऑर्डर कहाँ है',
  'میرا آرڈر کہاں ہے',
]);

describe('catalogSpellingFor', () => {
  test.each([
    ['a letter left out', 'hedphones', 'headphones'],
    ['a letter added', 'orderr', 'order'],
    ['a letter changed', 'polisy', 'policy'],
    ['two letters swapped', 'retrun', 'return'],
  ])('reads a word with %s as the catalog word', (_kind, typo, word) => expect(spelling.correct(typo)).toBe(word));

  test('corrects a Hinglish typo among the words around it, keeping the rest as written', () => {
    expect(spelling.correct('mera odrer kab aaega, SG-118830!')).toBe('mera order kab aayega, SG-118830!');
  });

  test('leaves words the catalog uses as they are', () => {
    expect(spelling.correct('Where is my Order')).toBe('Where is my Order');
  });

  test('leaves words shorter than five letters alone', () => {
    expect(spelling.correct('cart')).toBe('cart');
  });

  test('leaves words two edits away alone', () => {
    expect(spelling.correct('retrnu polcyy')).toBe('retrnu polcyy');
  });

  test.each([
    ['hi', 'मेरा ऑडर कहाँ है'],
    ['ur', 'میرا آڈر کہاں ہے'],
    ['ne', 'मेरो अडर कहाँ छ'],
  ])('leaves %s script alone', (_lang, text) => expect(spelling.correct(text)).toBe(text));

  test('takes the more frequent of two catalog words one edit away', () => {
    const s = catalogSpellingFor(['store hours', 'store timing', 'stove']);
    expect(s.correct('stoore')).toBe('store');
  });
});

describe('withinOneEdit', () => {
  test.each([
    ['return', 'retrun', true],
    ['policy', 'polcy', true],
    ['order', 'odrer', true],
    ['order', 'ordre', true],
    ['abxd', 'aybd', false],
    ['order', 'border', true],
    ['order', 'boarder', false],
  ])('%s / %s → %s', (a, b, expected) => expect(withinOneEdit(a, b)).toBe(expected));
});

describe('catalogSpellingFor with the words of a language', () => {
  const words = new Set(['score', 'match']);
  const guarded = catalogSpellingFor(['where is your store', 'is my watch covered'], { isWord: (w) => words.has(w) });

  test('leaves a word of the language one edit from a catalog word as it is ("score" is not "store")', () => {
    expect(guarded.correct('whats the cricket score')).toBe('whats the cricket score');
  });

  test('still corrects a typo that is no word of the language', () => {
    expect(guarded.correct('stoer')).toBe('store');
  });
});

describe('commonWordsOf', () => {
  test('holds the frequent words of the shipped vectors and not common misspellings', () => {
    const common = commonEnglishWords();
    expect(common?.('score')).toBe(true);
    expect(common?.('retrun')).toBe(false);
    expect(common?.('adress')).toBe(false);
  });
});
