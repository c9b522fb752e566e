import type { TurnResult } from '../../../../src/bot/dialogue';
import { MAX_CONDITION_WORDS, opensConditionalFollowUp } from '../../../../src/bot/dialogue/conditionalFollowUp';
import { answeredIntents, useDemoEngine } from './engineHarness';

const { play } = useDemoEngine();
const answered = answeredIntents;
const clarifying = (result: TurnResult) => result.signals.some((s) => s.type === 'clarifying');

describe('opensConditionalFollowUp', () => {
  it.each([
    ['en', 'and if it is opened?'],
    ['en', 'what if the seal is broken?'],
    ['hi', 'और अगर डिब्बा खुल गया हो तो?'],
    ['hi-Latn', 'aur agar dabba khol diya ho to?'],
    ['ur', 'اور اگر ڈبہ کھل گیا ہو تو؟'],
    ['ne', 'अनि बाकस खोलिसकेको छ भने?'],
    ['ne-Latn', 'ani box kholeko cha bhane?'],
  ])('reads an opened message that puts a condition as a conditional follow-up (%s: "%s")', (_lang, text) => {
    expect(opensConditionalFollowUp(text)).toBe(true);
  });

  it('is not conditional without an opener ("if it is opened can i return it?" asks on its own)', () => {
    expect(opensConditionalFollowUp('if it is opened can i return it?')).toBe(false);
  });

  it('is not conditional when the condition word is not at the start ("and what is the return window if i bought online?")', () => {
    expect(opensConditionalFollowUp('and what is the return window if i bought online?')).toBe(false);
  });

  it(`is not conditional beyond ${MAX_CONDITION_WORDS} words`, () => {
    expect(opensConditionalFollowUp('and if the box was opened by my brother before he gave it to me on my birthday last week?')).toBe(false);
  });
});

describe('DialogueEngine with the demo catalog: "and if …?" right after an answer asks about a case of it', () => {
  it.each([
    ['hi', 'वापसी की नीति क्या है', 'और अगर डिब्बा खुल गया हो तो?'],
    ['ur', 'واپسی کی پالیسی کیا ہے', 'اور اگر ڈبہ کھل گیا ہو تو؟'],
    ['hi-Latn', 'return policy kya hai', 'aur agar box khul gaya ho to?'],
  ])('answers the %s "%s" … "%s" with the return policy, not a complaint or "did you mean…?"', async (_lang, first, then) => {
    const result = await play(first, then);
    expect(answered(result)).toEqual(['return_policy']);
    expect(clarifying(result)).toBe(false);
  });

  it('leaves the topic for a condition in words of another topic the classifier is sure of ("and if i want to cancel it?")', async () => {
    const result = await play('where is my order SG-123456', 'and if i want to cancel it?');
    expect(answered(result)).toEqual(['cancel_order']);
  });
});

describe('DialogueEngine with the demo catalog: an opened follow-up half understood as the topic just answered goes on with it', () => {

  it('answers "aur agar dabba khol diya ho to?" after the return policy with the return policy, not "did you mean…?"', async () => {
    const result = await play('kya main headphone wapas kar sakta hoon agar pasand na aaye?', 'aur agar dabba khol diya ho to?');
    expect(answered(result)).toEqual(['return_policy']);
    expect(clarifying(result)).toBe(false);
  });

  it('still asks "did you mean…?" for the same message when nothing was answered before', async () => {
    const result = await play('aur agar dabba khol diya ho to?');
    expect(clarifying(result)).toBe(true);
  });
});
