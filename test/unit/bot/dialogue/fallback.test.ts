import { makeEngine, say, textsOf } from './engineHarness';

describe('DialogueEngine: fallback', () => {
  it('falls back in Hindi to an out-of-scope Hindi message', async () => {
    const result = await say(makeEngine(), 'मुझे बिल्ली पसंद है');
    expect(result.lang).toBe('hi');
    expect(textsOf(result)).toEqual(['[hi] माफ़ कीजिए, मैं समझ नहीं पाया।']);
    expect(result.signals).toEqual([{ type: 'misunderstood', consecutive: 1 }]);
    expect(result.state.misunderstandings).toBe(1);
  });

  it('emits misunderstood_twice on the second fallback in a row', async () => {
    const result = await say(makeEngine(), 'purple elephant dancing', 'asdf qwerty');
    expect(result.signals).toEqual([{ type: 'misunderstood', consecutive: 2 }, { type: 'misunderstood_twice' }]);
  });

  it('does not emit misunderstood_twice again on the third fallback', async () => {
    const result = await say(makeEngine(), 'purple elephant dancing', 'asdf qwerty', 'zebra moonlight');
    expect(result.signals).toEqual([{ type: 'misunderstood', consecutive: 3 }]);
  });

  it('resets the misunderstanding count after a successful answer', async () => {
    const result = await say(makeEngine(), 'purple elephant dancing', 'what time do you open', 'asdf qwerty');
    expect(result.signals).toEqual([{ type: 'misunderstood', consecutive: 1 }]);
  });

  it('falls back on a message with no text at all', async () => {
    const result = await say(makeEngine(), '');
    expect(textsOf(result)).toEqual(["[en] Sorry, I didn't get that."]);
  });

  it('falls back in the catalog default language when the fallback has no translation', async () => {
    const catalog = (await import('./testCatalog')).testCatalog();
    delete catalog.messages.fallback.ur;
    const result = await say(makeEngine({ catalog }), 'دکان کب کھلتی ہے', 'مجھے بلی پسند ہے');
    expect(textsOf(result)).toEqual(["[en] Sorry, I didn't get that."]);
  });
});
