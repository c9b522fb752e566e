import { type DialogueEngine } from '../../../../src/bot/dialogue';
import { conversation, makeDemoEngine } from './engineHarness';

/** A message in Devanagari or Urdu letters is answered in a language of that script, however short. */
let engine: DialogueEngine;

beforeAll(async () => {
  ({ engine } = await makeDemoEngine());
});

describe('DialogueEngine: a short message in another script', () => {
  it.each([
    ['hi', 'अब क्या?'],
    ['ne', 'अब म के गरूँ'],
  ])('answers a short %s message in its own script after an English conversation', async (lang, text) => {
    const [, second] = await conversation(engine, ['what time do you open', text]);
    expect(second!.lang).toBe(lang);
  });

  it('keeps Urdu for a low-confidence Latin message in an Urdu conversation', async () => {
    const [, second] = await conversation(engine, ['میرا آرڈر کہاں ہے', 'ok SG-123456']);
    expect(second!.lang).toBe('ur');
  });

  it('leaves a message of only thanks to the language its words suggest', async () => {
    const [, second] = await conversation(engine, ['what time do you open', 'धन्यवाद']);
    expect(second!.lang).toBe('hi');
  });
});
