import { signalTypes, useDemoEngine } from './engineHarness';

/**
 * Questions the brand does not cover get the fallback, not a confident wrong answer; after two
 * such misses the topics menu is offered, and the customer may pick from it in words.
 */
const { play } = useDemoEngine();

const answered = (result: Awaited<ReturnType<typeof play>>) =>
  result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent);

describe('DialogueEngine with the demo catalog: questions out of scope', () => {
  it('does not read "the cricket score" as a question about stores', async () => {
    const result = await play("bro what's the cricket score");
    expect(answered(result)).toEqual([]);
    expect(signalTypes(result)).toContain('misunderstood');
  });

  it('offers the topics menu after the cricket score and a train ticket', async () => {
    const result = await play("bro what's the cricket score", 'hmm my cousin said you guys can get train tickets booked?');
    expect(signalTypes(result)).toContain('topics_offered');
  });

  it('answers "पेमेंट वाला" after the menu with the payment options it offered, not a failed payment', async () => {
    const result = await play('आज का मैच कौन जीता?', 'अच्छा छोड़ो, मेरे लिए कल की ट्रेन की टिकट बुक कर दो', 'पेमेंट वाला');
    expect(answered(result)).toEqual(['payment_methods']);
  });
});
