import { languageTokens } from '../../../../src/nlu/language/tokenize';

describe('languageTokens', () => {
  it('keeps lowercased words of any script and leaves out chunks with digits, handles and links', () => {
    expect(languageTokens('Mero ORDER SG-123456 kaha pugyo? @shop #sale www.shop.com https://x.y मेरो')).toEqual(['mero', 'order', 'kaha', 'pugyo', 'मेरो']);
  });

  it('splits a chunk at punctuation and keeps apostrophes inside a word', () => {
    expect(languageTokens("don't,cancel it’s")).toEqual(["don't", 'cancel', "it's"]);
  });
});
