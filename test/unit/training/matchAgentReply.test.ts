import { parseCatalogFiles } from '../../../src/nlu/catalog';
import { intentAnsweredByAgent } from '../../../src/training/matchAgentReply';

const catalog = parseCatalogFiles(
  [
    {
      path: 'faq.yaml',
      content: [
        'intents:',
        '  - id: store_hours',
        '    examples: { en: ["when are you open"] }',
        '    answers: { en: "Our stores are open from 10 am to 9 pm, every day including Sunday." }',
        '  - id: warranty',
        '    examples: { en: ["warranty"] }',
        '    answers: { en: "Every product has a one year manufacturer warranty from the invoice date." }',
      ].join('\n'),
    },
  ],
  {},
);

describe('intentAnsweredByAgent', () => {
  it("names the intent whose catalog answer the agent's reply repeats in other words", () => {
    expect(intentAnsweredByAgent(catalog, 'Hi! Our stores are open from 10 am to 9 pm every day, Sunday too.')?.intent).toBe('store_hours');
  });

  it('names none for a reply unlike every catalog answer', () => {
    expect(intentAnsweredByAgent(catalog, 'I have asked the courier to call you back this afternoon.')).toBeNull();
  });

  it('names none for a reply too short to tell', () => {
    expect(intentAnsweredByAgent(catalog, 'ok sure')).toBeNull();
  });
});
