import { makeEngine, say, textsOf } from './engineHarness';

describe('DialogueEngine: answers, handoff and followUps', () => {
  it('answers a handoff intent with the handoff message and signals handoff_intent with its team', async () => {
    const result = await say(makeEngine(), 'i want to talk to a human');
    expect(textsOf(result)).toEqual(['[en] Passing you to a person.']);
    expect(result.signals).toEqual([{ type: 'handoff_intent', intent: 'talk_to_human', team: 'care' }]);
  });

  it('answers a handoff intent in the customer language', async () => {
    const result = await say(makeEngine(), 'किसी इंसान से बात करनी है');
    expect(textsOf(result)).toEqual(['[hi] आपको हमारी टीम से जोड़ रहे हैं।']);
  });

  it('answers a handoff intent with its own answer when it has one', async () => {
    const catalog = (await import('./testCatalog')).testCatalog();
    const human = catalog.intents.find((i) => i.id === 'talk_to_human')!;
    human.answers = { en: [{ text: '[en] Sure, finding someone for you.' }] };
    const result = await say(makeEngine({ catalog }), 'connect me to an agent');
    expect(textsOf(result)).toEqual(['[en] Sure, finding someone for you.']);
    expect(result.signals).toEqual([{ type: 'handoff_intent', intent: 'talk_to_human', team: 'care' }]);
  });

  it('offers the followUps as quick replies titled in the customer language', async () => {
    const result = await say(makeEngine(), 'दुकान कब खुलती है');
    expect(result.replies[0]?.quickReplies).toEqual([{ title: 'दुकान का पता', payload: 'intent:store_location' }]);
    expect(result.state.offered).toEqual([{ title: 'दुकान का पता', payload: 'intent:store_location' }]);
  });

  it('keeps an answer’s own quick replies instead of the followUps', async () => {
    const result = await say(makeEngine(), 'where is your store');
    expect(result.replies).toEqual([{ text: '[en] 12 MG Road, Bengaluru.', quickReplies: [{ title: 'Open in Maps', payload: 'maps' }] }]);
  });

  it('signals the answer and remembers the intent as answered and recognised', async () => {
    const result = await say(makeEngine(), 'what time do you open');
    expect(result.signals).toEqual([{ type: 'answered', intent: 'store_hours', confidence: result.classification!.confidence }]);
    expect(result.state.answered).toEqual(['store_hours']);
    expect(result.state.recognised).toEqual([{ intent: 'store_hours', confidence: result.classification!.confidence, at: Date.parse('2025-03-10T10:00:00Z') }]);
  });

  it('chooses among answer variants with the injected random source', async () => {
    expect(textsOf(await say(makeEngine({ random: () => 0 }), 'hello'))).toEqual(['[en] Hello! variant A']);
    expect(textsOf(await say(makeEngine({ random: () => 0.5 }), 'hello'))).toEqual(['[en] Hello! variant B']);
    expect(textsOf(await say(makeEngine({ random: () => 0.99 }), 'hello'))).toEqual(['[en] Hello! variant C']);
  });
});
