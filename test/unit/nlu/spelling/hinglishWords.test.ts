import { catalogSpellingFor, isHinglishWord } from '../../../../src/nlu/spelling';

/** Everyday Hinglish words the catalog never uses are not typos of its question words. */
describe('isHinglishWord', () => {
  const spelling = catalogSpellingFor(['store kahan hai', 'service center kidhar hai'], { isWord: isHinglishWord });

  it.each([
    ['yahan koi store hai', 'yahan koi store hai'],
    ['wahan service center hai kya', 'wahan service center hai kya'],
    ['idhar udhar mat bhejo', 'idhar udhar mat bhejo'],
  ])('leaves "%s" as written instead of turning a place word into a question word', (text, corrected) => {
    expect(spelling.correct(text)).toBe(corrected);
  });

  it('still corrects a typo of a catalog word', () => {
    expect(spelling.correct('stroe kahan hai')).toBe('store kahan hai');
  });
});
