import path from 'node:path';
import { normaliseLine, readCatalogExamples, readCatalogTexts, textPattern } from '../../support/conversations/catalogTexts';
import { BEHAVIOURS, isCustomerTurn, LANGUAGES, loadConversationScripts } from '../../support/conversations/script';

const root = path.join(__dirname, '../../..');
const scripts = loadConversationScripts(path.join(root, 'test/fixtures/conversations'));

describe('the conversation benchmark scripts', () => {
  it('have at least 20 conversations in each language', () => {
    for (const lang of LANGUAGES) expect(scripts.filter((s) => s.lang === lang).length).toBeGreaterThanOrEqual(20);
  });

  it('cover every behaviour with at least 10 conversations', () => {
    for (const b of BEHAVIOURS) expect([b, scripts.filter((s) => s.behaviours.includes(b)).length >= 10]).toEqual([b, true]);
  });

  it('never use a customer line equal to a catalog example', () => {
    const examples = readCatalogExamples(path.join(root, 'intents'));
    const copied = scripts.flatMap((s) => s.turns.filter(isCustomerTurn).map((t) => t.customer)).filter((line) => examples.has(normaliseLine(line)));
    expect(copied).toEqual([]);
  });

  it('only name intents the catalog has', () => {
    const intents = new Set(readCatalogTexts(path.join(root, 'intents')).map((t) => t.intent).filter(Boolean));
    const named = scripts.flatMap((s) => s.turns.filter(isCustomerTurn).flatMap((t) => t.expect.answers ?? []));
    expect(named.filter((i) => !intents.has(i))).toEqual([]);
  });
});

describe('catalog text patterns', () => {
  it('match a reply with the placeholder filled in', () => {
    expect(textPattern('Order {order_number}: track it under My Orders.').test('Order SG-482913: track it under My Orders.')).toBe(true);
  });

  it('do not match a different text', () => {
    expect(textPattern('Order {order_number}: track it under My Orders.').test('Our stores are open 10:00–20:00.')).toBe(false);
  });
});
