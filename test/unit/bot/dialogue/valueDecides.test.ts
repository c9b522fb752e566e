import type { Classification } from '../../../../src/nlu/types';
import { makeEngine, say, textsOf } from './engineHarness';

/** A classifier that reads every message between `top` and `runnerUp` at the confidences given. */
function between(top: string, confidence: number, runnerUp: string, runnerUpConfidence: number) {
  return {
    classify: (): Classification => ({ intent: top, top, confidence, runnerUp: { intent: runnerUp, confidence: runnerUpConfidence }, outOfScope: false }),
  };
}

describe('DialogueEngine: a value the message gives decides between two readings', () => {
  test('a message read between two intents, only one of which takes the order number it gives, is answered as that one', async () => {
    const r = await say(makeEngine({ classifier: between('store_hours', 0.4, 'order_status', 0.35) }), 'when are you open, my order SG-482913');
    expect(textsOf(r)).toEqual(['[en] Order SG-482913 is on its way.']);
  });

  test('the same reading without a value is still asked about', async () => {
    const r = await say(makeEngine({ classifier: between('store_hours', 0.4, 'order_status', 0.35) }), 'when are you open, my order');
    expect(r.signals).toEqual([{ type: 'clarifying', intents: ['store_hours', 'order_status'] }]);
  });

  test('a runner-up below the clarify threshold is no reading to choose, whatever value the message gives', async () => {
    const r = await say(makeEngine({ classifier: between('store_hours', 0.4, 'order_status', 0.1) }), 'when are you open, my order SG-482913');
    expect(r.signals).toEqual([{ type: 'clarifying', intents: ['store_hours', 'order_status'] }]);
  });
});
