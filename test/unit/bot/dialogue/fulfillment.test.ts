import type { Fulfill, FulfillmentOutcome, FulfillmentRequest } from '../../../../src/nlu/fulfillment';
import { makeEngine, say, textsOf } from './engineHarness';
import { testCatalog } from './testCatalog';

const URL = 'https://orders.example.test/refund';

/** A fulfillment that records its calls and answers with a fixed outcome. */
function fakeFulfill(outcome: FulfillmentOutcome): Fulfill & { calls: { url: string; request: FulfillmentRequest; timeoutMs: number; secret?: string }[] } {
  const calls: { url: string; request: FulfillmentRequest; timeoutMs: number; secret?: string }[] = [];
  const fn = (async (spec, request, options) => {
    calls.push({ url: spec.url, request, timeoutMs: spec.timeoutMs ?? options.timeoutMs, secret: options.secret });
    return outcome;
  }) as Fulfill & { calls: typeof calls };
  fn.calls = calls;
  return fn;
}

function engineWith(fulfill: Fulfill) {
  return makeEngine({ catalog: testCatalog({ fulfillmentUrl: URL }), fulfill, fulfillmentDefaults: { timeoutMs: 4000, secret: 's3cret' } });
}

describe('DialogueEngine: fulfillment', () => {
  it('posts the collected slots, language and customer to the fulfillment URL', async () => {
    const fulfill = fakeFulfill({ kind: 'ok', reply: { text: 'Refunded on 3 March.' } });
    await say(engineWith(fulfill), 'mera refund kahan hai', 'SG-482913');
    expect(fulfill.calls).toEqual([
      {
        url: URL,
        timeoutMs: 1500,
        secret: 's3cret',
        request: {
          intent: 'refund_status',
          slots: { order_number: 'SG-482913' },
          language: 'hi-Latn',
          customer: { ref: 'whatsapp:+919876543210', channel: 'whatsapp' },
          conversationId: 'conv-1',
        },
      },
    ]);
  });

  it('sends only the slots the intent declares', async () => {
    const fulfill = fakeFulfill({ kind: 'ok', reply: { text: 'ok' } });
    await say(engineWith(fulfill), 'call me on 98765 43210', 'where is my refund for SG-482913');
    expect(fulfill.calls[0]?.request.slots).toEqual({ order_number: 'SG-482913' });
  });

  it('answers with the fulfillment reply and its quick replies', async () => {
    const fulfill = fakeFulfill({
      kind: 'ok',
      reply: { text: 'Refunded on 3 March.', quickReplies: [{ title: 'Thanks', payload: 'thanks' }] },
    });
    const result = await say(engineWith(fulfill), 'where is my refund for SG-482913');
    expect(result.replies).toEqual([{ text: 'Refunded on 3 March.', quickReplies: [{ title: 'Thanks', payload: 'thanks' }] }]);
    expect(result.signals).toEqual([{ type: 'answered', intent: 'refund_status', confidence: expect.any(Number) }]);
    expect(result.state.answered).toEqual(['refund_status']);
  });

  it('offers the followUps after a fulfillment reply without quick replies', async () => {
    const fulfill = fakeFulfill({ kind: 'ok', reply: { text: 'Refunded on 3 March.' } });
    const result = await say(engineWith(fulfill), 'where is my refund for SG-482913');
    expect(result.replies[0]?.quickReplies).toEqual([{ title: 'Store hours', payload: 'intent:store_hours' }]);
  });

  it('keeps the slots the fulfillment returns', async () => {
    const fulfill = fakeFulfill({ kind: 'ok', reply: { text: 'ok', slots: { courier: 'BlueDart' } } });
    const result = await say(engineWith(fulfill), 'where is my refund for SG-482913');
    expect(result.state.slots).toEqual({ order_number: 'SG-482913', courier: 'BlueDart' });
  });

  it('apologises and reports a timeout, keeping the slots', async () => {
    const fulfill = fakeFulfill({ kind: 'timeout', timeoutMs: 1500 });
    const result = await say(engineWith(fulfill), 'मेरा रिफंड कहाँ है', '482913');
    expect(textsOf(result)).toEqual(['[hi] माफ़ कीजिए, अभी यह देख नहीं पा रहे।']);
    expect(result.signals).toEqual([
      { type: 'fulfillment_failed', intent: 'refund_status', outcome: { kind: 'timeout', timeoutMs: 1500 }, slots: { order_number: 'SG-482913' } },
    ]);
    expect(result.state.slots).toEqual({ order_number: 'SG-482913' });
    expect(result.state.answered).toEqual([]);
  });

  it('apologises and reports an HTTP error', async () => {
    const fulfill = fakeFulfill({ kind: 'http_error', status: 500 });
    const result = await say(engineWith(fulfill), 'where is my refund for SG-482913');
    expect(textsOf(result)).toEqual(["[en] Sorry, I can't look that up right now."]);
    expect(result.signals).toEqual([
      { type: 'fulfillment_failed', intent: 'refund_status', outcome: { kind: 'http_error', status: 500 }, slots: { order_number: 'SG-482913' } },
    ]);
  });

  it('apologises and reports a bad response', async () => {
    const fulfill = fakeFulfill({ kind: 'bad_response', issues: ['text: expected string'] });
    const result = await say(engineWith(fulfill), 'where is my refund for SG-482913');
    expect(result.signals[0]).toMatchObject({ type: 'fulfillment_failed', outcome: { kind: 'bad_response' } });
  });

  it('passes on a handoff the fulfillment asks for, with its reason and team', async () => {
    const fulfill = fakeFulfill({ kind: 'ok', reply: { text: 'A colleague will check this.', handoff: { reason: 'refund stuck', team: 'billing' } } });
    const result = await say(engineWith(fulfill), 'where is my refund for SG-482913');
    expect(textsOf(result)).toEqual(['A colleague will check this.']);
    expect(result.signals).toEqual([{ type: 'fulfillment_handoff', intent: 'refund_status', reason: 'refund stuck', team: 'billing' }]);
  });

  it('uses the catalog handoff message when the fulfillment asks for a person without text', async () => {
    const fulfill = fakeFulfill({ kind: 'ok', reply: { handoff: true } });
    const result = await say(engineWith(fulfill), 'where is my refund for SG-482913');
    expect(textsOf(result)).toEqual(['[en] Passing you to a person.']);
    expect(result.signals).toEqual([{ type: 'fulfillment_handoff', intent: 'refund_status' }]);
  });

  it('does not call the fulfillment before the required slots are known', async () => {
    const fulfill = fakeFulfill({ kind: 'ok', reply: { text: 'ok' } });
    await say(engineWith(fulfill), 'where is my refund');
    expect(fulfill.calls).toEqual([]);
  });

  it('answers with the static answer when the intent has no fulfillment URL', async () => {
    const result = await say(makeEngine(), 'where is my refund for SG-482913');
    expect(textsOf(result)).toEqual(['[en] Refunds take 5 to 7 days.']);
  });
});
