import { answeredIntents, useDemoEngine } from './engineHarness';

/**
 * "when will it arrive because i need to be home for it": the reason given after a question says
 * why the customer asks, not what; the question is read without it (withoutReason).
 */
const { play } = useDemoEngine();

describe('DialogueEngine: a question with the reason for asking after it', () => {
  it('answers "when will it arrive because i need to be home for it" with the delivery time', async () => {
    expect(answeredIntents(await play('when will it arrive because i need to be home for it'))).toEqual(['delivery_time']);
  });

  it('answers both questions of a run-on message whose first question gives its reason', async () => {
    const result = await play('when will it arrive because i need to be home for it and also do i have to pay anything extra for the delivery');
    expect(answeredIntents(result)).toEqual(['delivery_time', 'shipping_cost']);
  });
});
