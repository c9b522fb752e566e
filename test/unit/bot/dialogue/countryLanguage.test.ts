import { type DialogueEngine, initialDialogueState } from '../../../../src/bot/dialogue';
import { makeDemoEngine } from './engineHarness';

/** A greeting Hindi and Nepali share is answered in the language of the customer's own country. */
let engine: DialogueEngine;
beforeAll(async () => {
  ({ engine } = await makeDemoEngine());
});

const languageOf = async (text: string, phoneRegion?: string) =>
  (await engine.turn({ text, state: initialDialogueState(), customerRef: 'c', channel: 'whatsapp', conversationId: 'c', ...(phoneRegion ? { phoneRegion } : {}) })).lang;

describe('DialogueEngine with the demo catalog: the customer’s country breaks a tie between languages', () => {
  it('greets "namaste" from a Nepali number in Nepali', async () => {
    expect(await languageOf('namaste', 'NP')).toBe('ne');
  });

  it('greets "namaste" from an Indian number in Hinglish', async () => {
    expect(await languageOf('namaste', 'IN')).toBe('hi-Latn');
  });

  it('greets "नमस्ते" from a Nepali number in Nepali and from an Indian one in Hindi', async () => {
    expect([await languageOf('नमस्ते', 'NP'), await languageOf('नमस्ते', 'IN')]).toEqual(['ne', 'hi']);
  });

  it('keeps the first language the words suggest when the address is not a phone number', async () => {
    expect(await languageOf('namaste')).toBe('hi-Latn');
  });
});
