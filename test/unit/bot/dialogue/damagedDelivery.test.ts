import { type DialogueEngine, type TurnResult } from '../../../../src/bot/dialogue';
import { makeDemoEngine, say } from './engineHarness';

/** An item that arrives damaged is replaced under the return policy; one broken later is repaired. */
let engine: DialogueEngine;

beforeAll(async () => {
  ({ engine } = await makeDemoEngine());
});

const answered = (result: TurnResult) => result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent);

describe('DialogueEngine with the demo catalog: damaged deliveries', () => {
  it.each([
    ['en', 'the tv arrived with a cracked screen'],
    ['hi', 'टीवी टूटी स्क्रीन के साथ पहुँचा'],
    ['hi-Latn', 'saaman toota hua aaya'],
    ['ur', 'ٹی وی ٹوٹی اسکرین کے ساتھ پہنچا'],
    ['ne', 'टिभी फुटेको स्क्रिनसहित आइपुग्यो'],
  ])('answers a %s message about an item delivered damaged with the return policy', async (_lang, text) => {
    expect(answered(await say(engine, text))).toEqual(['return_policy']);
  });

  it.each([
    ['en', 'i dropped my laptop and the screen broke'],
    ['hi', 'लैपटॉप गिर गया और स्क्रीन टूट गई'],
    ['hi-Latn', 'laptop gir gaya aur screen toot gayi'],
    ['ur', 'لیپ ٹاپ گر گیا اور اسکرین ٹوٹ گئی'],
    ['ne', 'ल्यापटप खस्यो र स्क्रिन फुट्यो'],
  ])('still answers a %s message about an item broken in a fall with repairs', async (_lang, text) => {
    expect(answered(await say(engine, text))).toEqual(['repair_service']);
  });
});
