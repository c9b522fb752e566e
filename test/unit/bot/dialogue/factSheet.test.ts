import { DEFAULT_MESSAGES } from '../../../../src/nlu/catalog';
import { initialDialogueState } from '../../../../src/bot/dialogue';
import type { Catalog } from '../../../../src/nlu/types';
import { conversation, makeEngine, say, textsOf } from './engineHarness';
import { testCatalog } from './testCatalog';

const ASK_ORDER_EN = '[en] What is your order number? It looks like SG-123456.';
/** The question asked again after a reply that neither answered it nor asked something else (the default `promptAgain`). */
const ASK_ORDER_AGAIN_EN = DEFAULT_MESSAGES.promptAgain.en!.replace('{prompt}', ASK_ORDER_EN);

function catalogWithHints(): Catalog {
  const catalog = testCatalog();
  return {
    ...catalog,
    messages: {
      ...catalog.messages,
      formatHints: {
        order_number: { en: '[en] "{value}" is not an order number: ours are SG and 6 digits, like SG-123456.', ur: '[ur] "{value}" آرڈر نمبر نہیں: SG اور 6 ہندسے۔' },
        phone: { en: '[en] "{value}" is not a full phone number.' },
      },
    },
  };
}

async function turnWithFacts(text: string, facts: { kind: string; value: string; verified: boolean }[], slots: Record<string, string> = {}) {
  return makeEngine().turn({
    text,
    state: { ...initialDialogueState(), slots },
    facts,
    customerRef: 'whatsapp:+919876543210',
    channel: 'whatsapp',
    conversationId: 'conv-1',
  });
}

describe('DialogueEngine: a value in the wrong format', () => {
  it('says what an order number looks like instead of asking again word for word', async () => {
    const result = await say(makeEngine({ catalog: catalogWithHints() }), 'where is my order', 'SG-4829');
    expect(textsOf(result)).toEqual(['[en] "SG-4829" is not an order number: ours are SG and 6 digits, like SG-123456.']);
    expect(result.state.pending).toEqual({ intent: 'order_status', slot: 'order_number' });
  });

  it('says it in the language of the conversation', async () => {
    const result = await say(makeEngine({ catalog: catalogWithHints() }), 'میرا آرڈر کہاں ہے', 'SG48291300');
    expect(textsOf(result)).toEqual(['[ur] "SG-48291300" آرڈر نمبر نہیں: SG اور 6 ہندسے۔']);
  });

  it('says it when the wrong value comes with the question itself', async () => {
    const result = await say(makeEngine({ catalog: catalogWithHints() }), 'where is my order SG-4829');
    expect(textsOf(result)).toEqual(['[en] "SG-4829" is not an order number: ours are SG and 6 digits, like SG-123456.']);
  });

  it('treats a short number given as the answer to the order-number question as a try at one', async () => {
    const result = await say(makeEngine({ catalog: catalogWithHints() }), 'where is my order', "it's 77120");
    expect(textsOf(result)).toEqual(['[en] "77120" is not an order number: ours are SG and 6 digits, like SG-123456.']);
  });

  it('asks the question again when the answer holds no value of that kind', async () => {
    const result = await say(makeEngine({ catalog: catalogWithHints() }), 'where is my order', 'purple elephant dancing');
    expect(textsOf(result)).toEqual([ASK_ORDER_AGAIN_EN]);
  });

  it('asks the question again when the catalog has no hint for the kind', async () => {
    const result = await say(makeEngine(), 'where is my order', 'SG-4829');
    expect(textsOf(result)).toEqual([ASK_ORDER_AGAIN_EN]);
  });

  it('keeps the question it asked when the try in the wrong format reads like another intent', async () => {
    // "SG 4829" alone classifies as order status; the customer was answering the refund question.
    const results = await conversation(makeEngine({ catalog: catalogWithHints() }), ['where is my refund', 'SG 4829', 'SG-482913']);
    expect(results[1]!.state.pending).toEqual({ intent: 'refund_status', slot: 'order_number' });
    expect(textsOf(results[2]!)).toEqual(['[en] Refunds take 5 to 7 days.']);
  });

  it('answers once the right value follows the hint', async () => {
    const result = await say(makeEngine({ catalog: catalogWithHints() }), 'where is my order', 'SG-4829', 'sorry, SG-482913');
    expect(textsOf(result)).toEqual(['[en] Order SG-482913 is on its way.']);
  });
});

describe('DialogueEngine: the fact sheet', () => {
  it('does not ask for an order number the sheet already holds', async () => {
    const result = await turnWithFacts('where is my order', [{ kind: 'order_number', value: 'SG-482913', verified: true }]);
    expect(textsOf(result)).toEqual(['[en] Order SG-482913 is on its way.']);
  });

  it('asks for a value the sheet holds only in the wrong format', async () => {
    const result = await turnWithFacts('where is my order', [{ kind: 'order_number', value: 'SG-4829', verified: false }]);
    expect(textsOf(result)).toEqual([ASK_ORDER_EN]);
  });

  it('takes the newest verified value of the kind, over an older one the bot had kept', async () => {
    const facts = [
      { kind: 'order_number', value: 'SG-222222', verified: true },
      { kind: 'order_number', value: 'SG-111111', verified: true },
    ];
    const result = await turnWithFacts('where is my order', facts, { order_number: 'SG-111111' });
    expect(textsOf(result)).toEqual(['[en] Order SG-222222 is on its way.']);
  });

  it('fills a phone slot from the sheet too', async () => {
    const facts = [
      { kind: 'phone', value: '+919876543210', verified: true },
      { kind: 'order_number', value: 'SG-482913', verified: true },
    ];
    const result = await turnWithFacts('ask the courier to call me', facts);
    expect(textsOf(result)).toEqual(['[en] The courier will call +919876543210 for order SG-482913.']);
  });
});
