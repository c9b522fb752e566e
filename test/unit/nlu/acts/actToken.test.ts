import { tokenize } from '../../../../src/nlu/acts/actToken';

describe('tokenize', () => {
  it('tells emoji, flags and the pictographic © and ® from words in any script', () => {
    const tokens = tokenize('ok © ® 👍🏽 🇳🇵 ठिक ٹھیک é 12');
    expect(tokens.map((t) => [t.raw, t.emoji])).toEqual([
      ['ok', false],
      ['©', true],
      ['®', true],
      ['👍🏽', true],
      ['🇳🇵', true],
      ['ठिक', false],
      ['ٹھیک', false],
      ['é', false],
      ['12', false],
    ]);
  });
});
