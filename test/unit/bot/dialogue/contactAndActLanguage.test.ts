import type { DialogueEngine } from '../../../../src/bot/dialogue';
import { conversation, makeDemoEngine, makeEngine, say, signalTypes } from './engineHarness';

describe('DialogueEngine: contact details given unasked', () => {
  test.each([['you can reach me at asha.k@example.com'], ['sorry galat likha, asha.k@example.com'], ['mera number 98201 44556 hai'], ['میرا نمبر 0300 1234567 ہے']])(
    '"%s" is acknowledged, not counted as a misunderstanding',
    async (text) => {
      const result = await say(makeEngine(), text);
      expect(result.signals.some((s) => s.type === 'misunderstood')).toBe(false);
      expect(result.signals.some((s) => s.type === 'act')).toBe(true);
    },
  );

  test('an e-mail address beside a question is not taken for an acknowledgement', async () => {
    const result = await say(makeEngine(), 'when are you open? asha.k@example.com');
    expect(result.signals).toContainEqual(expect.objectContaining({ type: 'answered', intent: 'store_hours' }));
  });

  test('a phone number sent while the bot waits for the order number still gets the order number asked again', async () => {
    const result = await say(makeEngine(), 'where is my order', '9820144556');
    expect(result.state.pending?.slot).toBe('order_number');
  });
});

describe('DialogueEngine: the language of a reply to an acknowledgement', () => {
  test('an acknowledgement in words everyone types keeps the conversation in its language', async () => {
    const [, second] = await conversation(makeEngine(), ['दुकान कब खुलती है', 'ok thank you so much, will check and get back']);
    expect(second!.lang).toBe('hi');
  });

  test('an acknowledgement in words of one language still switches to it', async () => {
    const [, second] = await conversation(makeEngine(), ['when are you open', 'बहुत धन्यवाद']);
    expect(second!.lang).toBe('hi');
  });
});

describe('DialogueEngine with the demo catalog: the script of a reply to an act', () => {
  let demo: DialogueEngine;
  beforeAll(async () => {
    demo = (await makeDemoEngine()).engine;
  });
  const makeDemo = () => demo;

  test('a goodbye typed in Latin letters is not answered in the Urdu script its words suggest', async () => {
    const [, second] = await conversation(makeDemo(), ['laptop ki warranty kitni hoti hai', 'Allah hafiz']);
    expect(second!.lang).toBe('hi-Latn');
  });

  test('the same goodbye in the Urdu script is answered in Urdu', async () => {
    const [, second] = await conversation(makeDemo(), ['laptop ki warranty kitni hoti hai', 'اللہ حافظ']);
    expect(second!.lang).toBe('ur');
  });

  test('laughing along with an acknowledgement keeps the conversation in its language', async () => {
    const [, second] = await conversation(makeDemo(), ['how many days does delivery take to Nagpur?', 'haha ok fair, thanks']);
    expect(second!.lang).toBe('en');
    expect(signalTypes(second!)).toContain('act');
  });
});
