import { DialogueState, initialDialogueState, parseDialogueState, serializeDialogueState, STATE_HISTORY_LENGTH } from '../../../../src/bot/dialogue';
import { conversation, makeEngine } from './engineHarness';

describe('DialogueState', () => {
  it('starts empty', () => {
    expect(initialDialogueState()).toEqual({ misunderstandings: 0, slots: {}, recognised: [], answered: [] });
  });

  it('survives a JSON round trip', async () => {
    const results = await conversation(makeEngine(), ['status', 'where is my order']);
    const state = results[1]!.state;
    expect(parseDialogueState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('is stored with each recognised intent as [intent, confidence to 3 decimals, time], and reads back', () => {
    const state: DialogueState = { ...initialDialogueState(), slots: { order_number: 'SG-1' }, recognised: [{ intent: 'order_status', confidence: 0.9999127887945454, at: 1796576012186 }], answered: ['order_status'] };
    const stored = serializeDialogueState(state);
    expect(stored).toContain('"recognised":[["order_status",0.999,1796576012186]]');
    expect(parseDialogueState(JSON.parse(stored))).toEqual({ ...state, recognised: [{ intent: 'order_status', confidence: 0.999, at: 1796576012186 }] });
  });

  it('reads a state stored before, with recognised intents as objects', () => {
    const before = { language: 'en', misunderstandings: 0, slots: {}, recognised: [{ intent: 'store_hours', confidence: 0.8123456789, at: 5 }], answered: ['store_hours'] };
    expect(parseDialogueState(before).recognised).toEqual([{ intent: 'store_hours', confidence: 0.8123456789, at: 5 }]);
  });

  it('stores a confidence rounded down, so it stays on the same side of a threshold', () => {
    const stored = (c: number) => parseDialogueState(JSON.parse(serializeDialogueState({ ...initialDialogueState(), recognised: [{ intent: 'x', confidence: c, at: 0 }] }))).recognised[0]!.confidence;
    expect(stored(0.59999)).toBeLessThan(0.6);
    expect(stored(0.6)).toBe(0.6);
    expect(stored(0.7)).toBe(0.7);
    expect(stored(1)).toBe(1);
  });

  it('parses a missing or corrupt stored state as a fresh one', () => {
    expect(parseDialogueState(undefined)).toEqual(initialDialogueState());
    expect(parseDialogueState({ misunderstandings: 'many' })).toEqual(initialDialogueState());
  });

  it('keeps only the last 20 recognised and answered intents', async () => {
    const messages = Array.from({ length: STATE_HISTORY_LENGTH + 3 }, () => 'what time do you open');
    const results = await conversation(makeEngine(), messages);
    const state = results.at(-1)!.state;
    expect(state.recognised).toHaveLength(STATE_HISTORY_LENGTH);
    expect(state.answered).toHaveLength(STATE_HISTORY_LENGTH);
  });

  it('never modifies the state it is given', async () => {
    const state: DialogueState = { ...initialDialogueState(), offered: [{ title: 'Store hours', payload: 'intent:store_hours' }] };
    const before = JSON.stringify(state);
    await makeEngine().turn({ text: 'SG-482913 where is my order', state, customerRef: 'c', channel: 'whatsapp', conversationId: 'x' });
    expect(JSON.stringify(state)).toBe(before);
  });

  it('drops a pending question about an intent the catalog no longer has', async () => {
    const state: DialogueState = { ...initialDialogueState(), pending: { intent: 'removed_intent', slot: 'order_number' } };
    const result = await makeEngine().turn({ text: 'what time do you open', state, customerRef: 'c', channel: 'whatsapp', conversationId: 'x' });
    expect(result.state.pending).toBeUndefined();
    expect(result.signals).toContainEqual({ type: 'answered', intent: 'store_hours', confidence: expect.any(Number) });
  });
});

describe('DialogueEngine configuration', () => {
  it('refuses a clarify threshold above the answer threshold', () => {
    expect(() => makeEngine({ thresholds: { answer: 0.3, clarify: 0.5 } })).toThrow(/clarify/);
  });

  it('refuses an unknown time zone', () => {
    expect(() => makeEngine({ timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
  });
});
