import { trainClassifier } from '../../../../src/nlu/classifier';
import type { Classification } from '../../../../src/nlu/types';
import { answeredIntents, conversation, makeEngine } from './engineHarness';
import { testCatalog, trainingExamples } from './testCatalog';

/**
 * "and for Pune?" right after the store hours carries on with the topic just answered; a member of
 * its family (its catalog followUps: the store location) is chosen instead only when the classifier
 * reads the message as that member at least at the clarify threshold. A runner-up read at 0.03 is
 * noise: it says nothing of what the customer asks.
 */
const catalog = testCatalog();
const real = trainClassifier(trainingExamples(catalog));

function engineReadingPuneAs(runnerUpConfidence: number) {
  const classify = (text: string): Classification =>
    /pune/iu.test(text)
      ? { intent: null, top: 'talk_to_human', confidence: 0.2, runnerUp: { intent: 'store_location', confidence: runnerUpConfidence }, outOfScope: true }
      : real.classify(text);
  return makeEngine({ catalog, classifier: { classify } });
}

describe('DialogueEngine: a follow-up about a name, and the classifier\'s runner-up', () => {
  it('answers "and for Pune?" after the store hours with the store hours when the runner-up is noise', async () => {
    const results = await conversation(engineReadingPuneAs(0.03), ['when do you open?', 'and for Pune?']);
    expect(answeredIntents(results[1]!)).toEqual(['store_hours']);
  });

  it('answers it with the family member the classifier reads it as at the clarify threshold or above', async () => {
    const results = await conversation(engineReadingPuneAs(0.35), ['when do you open?', 'and for Pune?']);
    expect(answeredIntents(results[1]!)).toEqual(['store_location']);
  });
});
