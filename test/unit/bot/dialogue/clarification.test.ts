import { THRESHOLDS, makeEngine, say, textsOf } from './engineHarness';

// "where is my status" could be the order or the refund: the real classifier puts it between the
// clarify and answer thresholds (order_status ≈ 0.51, refund_status runner-up).
const AMBIGUOUS = 'where is my status';

describe('DialogueEngine: clarification', () => {
  it('asks "did you mean" with the top two intents as quick replies when unsure', async () => {
    const result = await say(makeEngine(), AMBIGUOUS);
    expect(result.classification?.confidence).toBeGreaterThanOrEqual(THRESHOLDS.clarify);
    expect(result.classification?.confidence).toBeLessThan(THRESHOLDS.answer);
    expect(result.replies).toEqual([
      {
        text: '[en] Did you mean one of these?',
        quickReplies: [
          { title: 'Order status', payload: 'intent:order_status' },
          { title: 'Refund status', payload: 'intent:refund_status' },
        ],
      },
    ]);
    expect(result.signals).toEqual([{ type: 'clarifying', intents: ['order_status', 'refund_status'] }]);
  });

  it('titles the clarification buttons in the conversation language', async () => {
    // "स्थिति कब" (status, when?) is as ambiguous in Hindi (order_status ≈ 0.42, refund_status
    // runner-up). After a greeting, nothing before it says which status is meant (right after the
    // order's status it carries on with the order: context.test.ts).
    const result = await say(makeEngine(), 'नमस्ते', 'स्थिति कब');
    expect(result.lang).toBe('hi');
    expect(result.replies[0]?.text).toBe('[hi] क्या आपका मतलब इनमें से कोई है?');
    expect(result.replies[0]?.quickReplies?.map((q) => q.title)).toEqual(['ऑर्डर की स्थिति', 'रिफंड की स्थिति']);
  });

  it('remembers the options it offered', async () => {
    const result = await say(makeEngine(), AMBIGUOUS);
    expect(result.state.offered?.map((q) => q.payload)).toEqual(['intent:order_status', 'intent:refund_status']);
  });

  it('answers the intent of a tapped clarification button with confidence 1', async () => {
    const result = await say(makeEngine(), AMBIGUOUS, { payload: 'intent:refund_status', text: 'Refund status' });
    // refund_status needs the order number first
    expect(textsOf(result)).toEqual(['[en] What is your order number? It looks like SG-123456.']);
    expect(result.state.recognised.at(-1)).toMatchObject({ intent: 'refund_status', confidence: 1 });
    expect(result.state.pending).toEqual({ intent: 'refund_status', slot: 'order_number' });
  });

  it('answers a tapped button straight away when nothing is missing', async () => {
    const result = await say(makeEngine(), { payload: 'intent:store_hours' });
    expect(textsOf(result)).toEqual(['[en] We are open 10 am to 8 pm, every day.']);
    expect(result.signals).toEqual([{ type: 'answered', intent: 'store_hours', confidence: 1 }]);
  });

  it('takes a typed "2" as the second option of the numbered list', async () => {
    const result = await say(makeEngine(), 'SG-482913', AMBIGUOUS, '2');
    expect(textsOf(result)).toEqual(['[en] Refunds take 5 to 7 days.']);
  });

  it('takes a Devanagari "१" as the first option', async () => {
    const result = await say(makeEngine(), 'SG-482913', AMBIGUOUS, '१');
    expect(textsOf(result)).toEqual(['[en] Order SG-482913 is on its way.']);
  });

  it('takes an Urdu "۲" as the second option', async () => {
    const result = await say(makeEngine(), 'SG-482913', AMBIGUOUS, '۲');
    expect(result.signals).toContainEqual({ type: 'answered', intent: 'refund_status', confidence: 1 });
  });

  it('takes the typed title of an option as that option', async () => {
    const result = await say(makeEngine(), 'SG-482913', AMBIGUOUS, 'refund status');
    expect(result.state.recognised.at(-1)).toMatchObject({ intent: 'refund_status', confidence: 1 });
  });

  it('does not read a number as a choice when nothing was offered', async () => {
    const result = await say(makeEngine(), '2');
    expect(result.signals).toContainEqual({ type: 'misunderstood', consecutive: 1 });
  });

  it('forgets the offered options once the next message is handled', async () => {
    const result = await say(makeEngine(), AMBIGUOUS, 'what time do you open', '2');
    expect(result.signals).toContainEqual({ type: 'misunderstood', consecutive: 1 });
  });
});
