import { SURE_WITHOUT_SHARED_WORDS } from '../../../../src/bot/dialogue/dialogueEngine';
import type { Classification } from '../../../../src/nlu/types';
import { makeEngine, say, textsOf, useDemoEngine } from './engineHarness';

/** A classifier that reads every message as `top` at `confidence` (store_location as the runner-up). */
function sure(top: string, confidence: number) {
  return {
    classify: (): Classification => ({ intent: top, top, confidence, runnerUp: { intent: 'store_location', confidence: 0.05 }, outOfScope: false }),
  };
}
const FALLBACK = "[en] Sorry, I didn't get that.";
const CLARIFY = '[en] Did you mean one of these?';

describe('DialogueEngine: a message in words the catalog does not use', () => {
  test('a middling reading whose content words no example of the intent uses, and some no example at all, falls back', async () => {
    const r = await say(makeEngine({ classifier: sure('store_hours', 0.6) }), 'sing me a nice song');
    expect(textsOf(r)).toEqual([FALLBACK]);
    expect(r.signals).toEqual([{ type: 'misunderstood', consecutive: 1 }]);
  });

  test("a middling reading that shares as many content words with the intent's examples as it has new ones is answered", async () => {
    const r = await say(makeEngine({ classifier: sure('store_hours', 0.6) }), 'are you open for karaoke');
    expect(r.signals).toContainEqual(expect.objectContaining({ type: 'answered', intent: 'store_hours' }));
  });

  test("a middling reading with more new words than words of the intent's examples is not answered", async () => {
    const r = await say(makeEngine({ classifier: sure('store_hours', 0.6) }), 'are you open for a karaoke song');
    expect(r.signals).not.toContainEqual(expect.objectContaining({ type: 'answered' }));
  });

  test(`a reading at ${SURE_WITHOUT_SHARED_WORDS} or above is answered whatever its words`, async () => {
    const r = await say(makeEngine({ classifier: sure('store_hours', SURE_WITHOUT_SHARED_WORDS) }), 'sing me a nice song');
    expect(r.signals).toContainEqual(expect.objectContaining({ type: 'answered', intent: 'store_hours' }));
  });

  test('"did you mean" is not asked when more of the content words are new to the catalog than the options\' examples use', async () => {
    const r = await say(makeEngine({ classifier: sure('store_hours', 0.4) }), 'sing me a nice song');
    expect(textsOf(r)).toEqual([FALLBACK]);
  });

  test('"did you mean" is asked when the message speaks to one of the options in its examples\' words', async () => {
    const r = await say(makeEngine({ classifier: sure('store_hours', 0.4) }), 'when do you open the karaoke');
    expect(textsOf(r)).toEqual([CLARIFY]);
  });

  test('a few words the catalog never uses after an acknowledgement are a question missed, not an act', async () => {
    const r = await say(makeEngine({ classifier: sure('store_hours', 0.05) }), 'ok, sing a song');
    expect(r.signals).toEqual([{ type: 'misunderstood', consecutive: 1 }]);
  });

  test("a few words beside a greeting in the catalog's words are still the greeting", async () => {
    const r = await say(makeEngine({ classifier: sure('store_hours', 0.05) }), 'hello, where are you');
    expect(r.signals).toContainEqual(expect.objectContaining({ type: 'act' }));
  });
});

describe('DialogueEngine with the demo catalog: a request about something the brand does not do', () => {
  const { play } = useDemoEngine();

  test('"mera train ka ticket book kar do" leans to repairs on "book" alone and is not answered as a repair', async () => {
    const r = await play('mera train ka ticket book kar do');
    expect(r.signals).not.toContainEqual(expect.objectContaining({ type: 'answered' }));
  });

  test('a repair asked in words the catalog knows is still answered', async () => {
    const r = await play('technician visit book karna hai, ac repair ke liye');
    expect(r.signals).toContainEqual(expect.objectContaining({ type: 'answered', intent: 'repair_service' }));
  });
});
