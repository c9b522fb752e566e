import { MAX_NAME_EXAMPLES, MAX_NAME_WORDS, opensFollowUpAboutName } from '../../../../src/bot/dialogue/nameFollowUp';
import { answeredIntents, useDemoEngine } from './engineHarness';

/** Example counts as a catalog might have them: towns barely mentioned, topic words often. */
const USES: Record<string, number> = { pune: 6, jaipur: 2, pokhara: 2, cod: 10, warranty: 82, store: 110 };
const examplesUsing = (word: string) => USES[word] ?? 0;

describe('opensFollowUpAboutName', () => {
  it.each([
    ['en', 'and for chennai?'],
    ['en', 'what about Jaipur'],
    ['hi', 'और जयपुर के लिए?'],
    ['hi-Latn', 'aur jaipur ke liye?'],
    ['ur', 'اور لکھنؤ میں؟'],
    ['ne', 'अनि पोखराको लागि?'],
    ['ne-Latn', 'ani pokhara ko lagi?'],
  ])('reads an opened message that only names a place the catalog barely mentions as a follow-up (%s: "%s")', (_lang, text) => {
    expect(opensFollowUpAboutName(text, examplesUsing)).toBe(true);
  });

  it('is not a follow-up without an opener ("chennai?")', () => {
    expect(opensFollowUpAboutName('chennai?', examplesUsing)).toBe(false);
  });

  it('is not a follow-up when the opener names nothing ("and for?")', () => {
    expect(opensFollowUpAboutName('and for?', examplesUsing)).toBe(false);
  });

  it(`is not a follow-up about a name for a word more than ${MAX_NAME_EXAMPLES} examples use ("and cod?", "what about warranty")`, () => {
    expect(opensFollowUpAboutName('and cod?', examplesUsing)).toBe(false);
    expect(opensFollowUpAboutName('what about warranty', examplesUsing)).toBe(false);
    expect(opensFollowUpAboutName('and for pune?', examplesUsing)).toBe(false);
  });

  it('is not a follow-up about a name when a word beside the name is a topic word ("and the store in jaipur?")', () => {
    expect(opensFollowUpAboutName('and the store in jaipur?', examplesUsing)).toBe(false);
  });

  it(`is not a follow-up about a name of more than ${MAX_NAME_WORDS} words`, () => {
    expect(opensFollowUpAboutName('and for some very far away village?', examplesUsing)).toBe(false);
  });

  it.each(['and the other one?', 'aur dusra wala?', 'اور دوسرا؟', 'अनि अर्को?'])('does not take a word that picks another thing of the same kind for a name ("%s")', (text) => {
    expect(opensFollowUpAboutName(text, examplesUsing)).toBe(false);
  });

  it('does not take a value for a name ("and SG-204817?" is the same question about another order, read elsewhere)', () => {
    expect(opensFollowUpAboutName('and SG-204817?', examplesUsing)).toBe(false);
  });
});

const { play } = useDemoEngine();
const answered = answeredIntents;

describe('DialogueEngine with the demo catalog: "and for Pune?" asks the same question about another place', () => {

  it('answers "और जयपुर के लिए?" after the delivery time with the delivery time, not the greeting its "और" leans to', async () => {
    const result = await play('दिल्ली में डिलीवरी कितने दिन में हो जाती है?', 'और जयपुर के लिए?');
    expect(answered(result)).toEqual(['delivery_time']);
    expect(result.lang).toBe('hi');
  });

  it('answers the romanised Nepali "ani pokhara ko lagi?" after the delivery time with the delivery time, in Nepali', async () => {
    const result = await play('kathmandu ma delivery garna kati din lagcha?', 'ani pokhara ko lagi?');
    expect(answered(result)).toEqual(['delivery_time']);
    expect(result.lang).toBe('ne');
  });

  it('answers "اور لکھنؤ میں؟" after the store locator with the store locator', async () => {
    const result = await play('حیدرآباد میں آپ کا اسٹور کہاں ہے؟', 'اور لکھنؤ میں؟');
    expect(answered(result)).toEqual(['store_locator']);
  });

  it('answers "and for Pune" without its question mark after the delivery time', async () => {
    const result = await play('how many days will it take to deliver to bangalore', 'and for Pune');
    expect(answered(result)).toEqual(['delivery_time']);
  });

  it('leaves the shipping cost for "and cod?": a topic word, not a name', async () => {
    const result = await play('is shipping free', 'and cod?');
    expect(answered(result)).toEqual(['payment_methods']);
  });

  it('does not read "and for chennai?" as any question when nothing was answered before', async () => {
    const result = await play('and for chennai?');
    expect(answered(result)).toEqual([]);
  });
});
