import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asksForPerson } from '../../../../src/handoff/escalation/detectPersonRequest';
import { prepareText, scoreSentiment } from '../../../../src/handoff/sentiment';
import type { SnapshotRow } from './recordTextMatchingSnapshot';

/**
 * The results recorded (recordTextMatchingSnapshot.ts) from the lexicon matchers as they were
 * before they were optimised, for all 2,400 default-catalog examples plus every lexicon entry in
 * negated/intensified/requesting contexts, typos of every Latin person word, tricky Unicode and
 * 1,500 seeded random word salads. The optimised matchers must return exactly the same.
 */
const rows = JSON.parse(readFileSync(join(__dirname, 'textMatching.snapshot.json'), 'utf8')) as SnapshotRow[];

/** The rows whose result differs from the snapshot, at most 10, readable in a failure message. */
function differences(actualOf: (row: SnapshotRow) => unknown, expectedOf: (row: SnapshotRow) => unknown): unknown[] {
  const out: unknown[] = [];
  for (const row of rows) {
    const actual = actualOf(row);
    const expected = expectedOf(row);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) out.push({ text: row[0], lang: row[1], expected, actual });
    if (out.length >= 10) break;
  }
  return out;
}

describe('lexicon matchers against the recorded results', () => {
  it('covers the whole default catalog and the generated tricky texts', () => {
    expect(rows.length).toBeGreaterThan(9000);
  });

  it('scores the sentiment of every recorded text exactly as recorded', () => {
    const diff = differences(
      ([text, lang]) => {
        const s = scoreSentiment(text, lang);
        return [s.score, s.label, s.anger, s.abusive, s.matched];
      },
      (row) => row.slice(2, 7),
    );
    expect(diff).toEqual([]);
  });

  it('tells whether every recorded text asks for a person exactly as recorded', () => {
    expect(differences(([text, lang]) => asksForPerson(text, lang), (row) => row[7])).toEqual([]);
  });

  it('gives the same results from a prepared text as from the raw string', () => {
    const diff = differences(
      ([text, lang]) => {
        const prepared = prepareText(text);
        const s = scoreSentiment(prepared, lang);
        return [s.score, s.label, s.anger, s.abusive, s.matched, asksForPerson(prepared, lang)];
      },
      (row) => row.slice(2),
    );
    expect(diff).toEqual([]);
  });
});
