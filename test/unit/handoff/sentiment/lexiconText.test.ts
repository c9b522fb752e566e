import { clausesOf, normaliseWords, wordsOf } from '../../../../src/handoff/sentiment/lexiconText';

describe('clausesOf', () => {
  it.each([
    ['', ['']],
    ['agent', ['agent']],
    ['no, agent', ['no', ' agent']],
    ['a,,;b', ['a', 'b']],
    [',a', ['', 'a']],
    ['a.', ['a', '']],
    ['a\r\nb', ['a', 'b']],
    ['बॉट नहीं। इंसान', ['बॉट नहीं', ' इंसान']],
    ['بوٹ نہیں، انسان؟', ['بوٹ نہیں', ' انسان', '']],
    ['(agent) "now"', ['', 'agent', ' ', 'now', '']],
  ])('splits %j on runs of clause breaks, empty clauses kept', (text, clauses) => {
    expect(clausesOf(text)).toEqual(clauses);
  });
});

describe('normaliseWords on plain ASCII', () => {
  // The ASCII shortcut must agree with the full Unicode path; an ASCII letter with a combining mark
  // appended forces the full path, and the mark is dropped by it, so both must give the same words.
  it.each(["Don't SHOUT!!", 'Where`s   my ORDER #SG-482913?', '  spaced   out  ', 'MiXeD 123 abc_def', 'tab\tand\nnewline'])(
    'gives %j the same words as the Unicode path',
    (text) => {
      expect(normaliseWords(text)).toBe(normaliseWords(`${text}\u0301`));
    },
  );
});

describe('wordsOf', () => {
  it('tags each word with its clause, counting empty clauses', () => {
    expect(wordsOf('!! Agent, pleeease').map((w) => [w.text, w.key, w.clause])).toEqual([
      ['agent', 'agent', 1],
      ['pleeease', 'please', 2],
    ]);
  });

  it('squeezes repeated letters only in Latin words', () => {
    expect(wordsOf('baaat 1100 बात').map((w) => w.key)).toEqual(['bat', '1100', 'बात']);
  });
});
