import { trainClassifier } from '../../../../src/nlu/classifier';
import { makeEngine, say, THRESHOLDS } from './engineHarness';
import { STORE_HOURS_EN, testCatalog, trainingExamples } from './testCatalog';

const classifier = trainClassifier(trainingExamples(testCatalog()));

describe('how the dialogue reads a message before it answers', () => {
  test('an English question in SMS shorthand is answered', async () => {
    expect(classifier.classify('wen do u close').confidence).toBeLessThan(THRESHOLDS.answer);
    const r = await say(makeEngine(), 'wen do u close');
    expect(r.replies.map((x) => x.text)).toEqual([STORE_HOURS_EN]);
  });

  test('a question inside a polite wrapper is answered', async () => {
    expect(classifier.classify('i was wondering if you could tell me when you close').confidence).toBeLessThan(THRESHOLDS.answer);
    const r = await say(makeEngine(), 'i was wondering if you could tell me when you close');
    expect(r.replies.map((x) => x.text)).toEqual([STORE_HOURS_EN]);
  });

  test('"it" in a question about nothing else points at the order the conversation holds', async () => {
    expect(classifier.classify('when will it arrive').confidence).toBeLessThan(THRESHOLDS.answer);
    const r = await say(makeEngine(), 'where is my order SG-123456', 'when will it arrive');
    expect(r.classification?.top).toBe('order_status');
    expect(r.signals).toContainEqual(expect.objectContaining({ type: 'answered', intent: 'order_status' }));
  });
});
