import { trainClassifier } from '../../../../src/nlu/classifier';
import type { Catalog, Classification } from '../../../../src/nlu/types';
import { THRESHOLDS, conversation, makeEngine, say, textsOf } from './engineHarness';
import { testCatalog, trainingExamples } from './testCatalog';

function withContext(): Catalog {
  return { ...testCatalog(), topics: ['order_status', 'store_hours', 'store_location'], bareFacts: { order_number: 'order_status' } };
}

describe('DialogueEngine: a bare fact', () => {
  test('an order number sent unasked means order status', async () => {
    const result = await say(makeEngine({ catalog: withContext() }), 'SG-482913');
    expect(textsOf(result)).toEqual(['[en] Order SG-482913 is on its way.']);
    expect(result.signals).toEqual([expect.objectContaining({ type: 'answered', intent: 'order_status' })]);
  });

  test('an order number with a hash and a thank-you is still a bare order number', async () => {
    const result = await say(makeEngine({ catalog: withContext() }), '#SG-482913 thanks');
    expect(textsOf(result)).toEqual(['[en] Order SG-482913 is on its way.']);
  });

  test('without bareFacts in the catalog a bare order number falls back', async () => {
    const result = await say(makeEngine(), 'SG-482913');
    expect(result.signals[0]).toEqual({ type: 'misunderstood', consecutive: 1 });
  });
});

describe('DialogueEngine: the topics menu before the handoff', () => {
  test('the second misunderstanding in a row offers the catalog topics instead of the fallback', async () => {
    const [, second] = await conversation(makeEngine({ catalog: withContext() }), ['purple elephant dancing', 'asdf qwerty']);
    expect(second!.replies).toEqual([
      {
        text: "Sorry, I'm still not following. Is it about one of these? Pick one, or tell me if you'd like to talk to a person.",
        quickReplies: [
          { title: 'Order status', payload: 'intent:order_status' },
          { title: 'Store hours', payload: 'intent:store_hours' },
          { title: 'Store location', payload: 'intent:store_location' },
        ],
      },
    ]);
    expect(second!.signals).toContainEqual({ type: 'topics_offered', topics: ['order_status', 'store_hours', 'store_location'] });
  });

  test('a "did you mean…?" left unanswered for another message not understood brings the menu', async () => {
    const [first, second] = await conversation(makeEngine({ catalog: withContext() }), ['where is my status', 'purple elephant dancing']);
    expect(first!.replies[0]?.quickReplies).toHaveLength(2); // the clarification
    expect(second!.signals).toContainEqual({ type: 'topics_offered', topics: ['order_status', 'store_hours', 'store_location'] });
    expect(second!.state.misunderstandings).toBe(2);
  });

  test('a message half understood right after one not understood brings the menu, led by what it was half read as', async () => {
    // "where is my status" is read as the order status between the clarify and answer thresholds.
    const catalog = { ...withContext(), topics: ['store_hours', 'store_location', 'refund_status'] };
    const [, second] = await conversation(makeEngine({ catalog }), ['purple elephant dancing', 'where is my status']);
    expect(second!.replies[0]?.text).toBe("Sorry, I'm still not following. Is it about one of these? Pick one, or tell me if you'd like to talk to a person.");
    expect(second!.signals).toContainEqual({ type: 'topics_offered', topics: ['order_status', 'store_hours', 'store_location', 'refund_status'] });
    expect(second!.state.misunderstandings).toBe(2);
  });

  test('the menu is titled in the customer\'s language', async () => {
    const [, second] = await conversation(makeEngine({ catalog: withContext() }), ['मुझे बिल्ली पसंद है', 'मुझे कुत्ता भी पसंद है']);
    expect(second!.replies[0]?.quickReplies?.map((q) => q.title)).toEqual(['ऑर्डर की स्थिति', 'दुकान का समय', 'दुकान का पता']);
  });

  test('choosing "2" from the menu answers the second topic', async () => {
    const result = await say(makeEngine({ catalog: withContext() }), 'purple elephant dancing', 'asdf qwerty', '2');
    expect(textsOf(result)).toEqual(['[en] We are open 10 am to 8 pm, every day.']);
    expect(result.state.misunderstandings).toBe(0);
  });

  test('choosing "۲" (Urdu digit) works the same', async () => {
    const result = await say(makeEngine({ catalog: withContext() }), 'purple elephant dancing', 'asdf qwerty', '۲');
    expect(textsOf(result)).toEqual(['[en] We are open 10 am to 8 pm, every day.']);
  });

  test('a third misunderstanding falls back with no menu', async () => {
    const result = await say(makeEngine({ catalog: withContext() }), 'purple elephant dancing', 'asdf qwerty', 'flim flam wobble sprocket');
    expect(textsOf(result)).toEqual(["[en] Sorry, I didn't get that."]);
    expect(result.signals).toEqual([{ type: 'misunderstood', consecutive: 3 }]);
  });

  test('asking for a person after a misunderstanding hands off, without the menu', async () => {
    const result = await say(makeEngine({ catalog: withContext() }), 'purple elephant dancing', 'let me speak to a person');
    expect(result.signals).toEqual([{ type: 'handoff_intent', intent: 'talk_to_human', team: 'care' }]);
    expect(result.replies[0]?.quickReplies).toBeUndefined();
  });
});

describe('DialogueEngine: a question wrapped in context', () => {
  const wrapped = 'my package SG-123456 still has not arrived, it was due yesterday and i am really fed up with waiting';

  test('the question-bearing clause is found when the whole message falls below the threshold', async () => {
    const whole = trainClassifier(trainingExamples(testCatalog())).classify(wrapped.replace('SG-123456', ' '));
    expect(whole.confidence).toBeLessThan(THRESHOLDS.answer);
    const result = await say(makeEngine(), wrapped);
    expect(textsOf(result)).toEqual(['[en] Order SG-123456 is on its way.']);
  });
});

describe('DialogueEngine: the follow-up of the intent just answered', () => {
  /** The real classifier, except for the messages given a reading of their own. */
  function readingAs(readings: Record<string, Pick<Classification, 'top' | 'confidence' | 'runnerUp'>>) {
    const real = trainClassifier(trainingExamples(testCatalog()));
    return {
      classify: (text: string): Classification => {
        const r = readings[text.trim()];
        return r ? { intent: r.top, outOfScope: false, ...r } : real.classify(text);
      },
    };
  }
  const between = { top: 'store_location', confidence: 0.4, runnerUp: { intent: 'order_status', confidence: 0.35 } };
  const locationFirst = { top: 'order_status', confidence: 0.4, runnerUp: { intent: 'store_location', confidence: 0.35 } };
  const location = (r: { signals: { type: string }[] }) => r.signals.filter((s) => s.type === 'answered');

  test('a message read between the follow-up and another intent right after the answer is the follow-up', async () => {
    const engine = makeEngine({ classifier: readingAs({ 'where is the shop then': between }) });
    const result = await say(engine, 'what time do you open', 'where is the shop then');
    expect(location(result)).toEqual([expect.objectContaining({ intent: 'store_location' })]);
  });

  test('the follow-up is taken also when it is the runner-up of the reading', async () => {
    const engine = makeEngine({ classifier: readingAs({ 'where is the shop then': locationFirst }) });
    const result = await say(engine, 'what time do you open', 'where is the shop then');
    expect(location(result)).toEqual([expect.objectContaining({ intent: 'store_location' })]);
  });

  test('the same message as the first of a conversation asks which was meant', async () => {
    const engine = makeEngine({ classifier: readingAs({ 'where is the shop then': between }) });
    const result = await say(engine, 'where is the shop then');
    expect(result.replies[0]?.quickReplies?.map((q) => q.payload)).toEqual(['intent:store_location', 'intent:order_status']);
  });

  test('a runner-up below the clarify threshold is not taken for the follow-up', async () => {
    const weak = { ...locationFirst, runnerUp: { intent: 'store_location', confidence: THRESHOLDS.clarify - 0.05 } };
    const engine = makeEngine({ classifier: readingAs({ 'where is the shop then': weak }) });
    const result = await say(engine, 'what time do you open', 'where is the shop then');
    expect(location(result)).toEqual([]);
  });

  test('after something else was acted upon, the answer before no longer points to its follow-up', async () => {
    const engine = makeEngine({ classifier: readingAs({ 'where is the shop then': between }) });
    const result = await say(engine, 'what time do you open', 'I want to talk to a person', 'where is the shop then');
    expect(location(result)).toEqual([]);
  });
});
