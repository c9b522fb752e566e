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

describe.each(['conversations-dev', 'conversations-dev2', 'conversations-dev3', 'conversations-dev5'])('the dev conversations in %s (tried on before the benchmark set is reported)', (folder) => {
  const dev = loadConversationScripts(path.join(root, 'test/fixtures', folder));

  it('never use a customer line of four words or more of the benchmark set or the catalog examples', () => {
    // ("ok", "धन्यवाद", "👍" are everyone's)
    const lines = (list: typeof scripts) =>
      list.flatMap((s) => s.turns.filter(isCustomerTurn).map((t) => normaliseLine(t.customer))).filter((line) => line.split(/\s+/).length >= 4);
    const reported = new Set(lines(scripts));
    const examples = readCatalogExamples(path.join(root, 'intents'));
    expect(lines(dev).filter((line) => reported.has(line) || examples.has(line))).toEqual([]);
  });

  it('use ids of their own', () => {
    const ids = new Set(scripts.map((s) => s.id));
    expect(dev.filter((s) => ids.has(s.id)).map((s) => s.id)).toEqual([]);
  });
});

describe('the second dev conversations (conversations-dev2)', () => {
  const dev2 = loadConversationScripts(path.join(root, 'test/fixtures/conversations-dev2'));
  const dev = loadConversationScripts(path.join(root, 'test/fixtures/conversations-dev'));

  it('never use a customer line of two words or more equal to a catalog example', () => {
    const examples = readCatalogExamples(path.join(root, 'intents'));
    const lines = dev2.flatMap((s) => s.turns.filter(isCustomerTurn).map((t) => normaliseLine(t.customer))).filter((line) => line.split(/\s+/).length >= 2);
    expect(lines.filter((line) => examples.has(line))).toEqual([]);
  });

  it('use ids apart from the first dev set', () => {
    const ids = new Set(dev.map((s) => s.id));
    expect(dev2.filter((s) => ids.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('have at least 10 conversations in each language', () => {
    for (const lang of LANGUAGES) expect([lang, dev2.filter((s) => s.lang === lang).length >= 10]).toEqual([lang, true]);
  });
});

describe('catalog texts', () => {
  it('leave out product names and aliases, which customers write and the bot does not say', () => {
    const texts = readCatalogTexts(path.join(root, 'intents'));
    expect(texts.filter((t) => t.where.startsWith('catalog:products') || t.where.startsWith('catalog:categories'))).toEqual([]);
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

describe('the third dev conversations (conversations-dev3)', () => {
  const dev3 = loadConversationScripts(path.join(root, 'test/fixtures/conversations-dev3'));
  const earlier = [...loadConversationScripts(path.join(root, 'test/fixtures/conversations-dev')), ...loadConversationScripts(path.join(root, 'test/fixtures/conversations-dev2'))];

  it('never use a customer line of three words or more equal to a catalog example', () => {
    // ("thanks yaar", "धन्यवाद जी" are everyone's)
    const examples = readCatalogExamples(path.join(root, 'intents'));
    const lines = dev3.flatMap((s) => s.turns.filter(isCustomerTurn).map((t) => normaliseLine(t.customer))).filter((line) => line.split(/\s+/).length >= 3);
    expect(lines.filter((line) => examples.has(line))).toEqual([]);
  });

  it('use ids apart from the earlier dev sets', () => {
    const ids = new Set(earlier.map((s) => s.id));
    expect(dev3.filter((s) => ids.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('have 8 conversations in each language', () => {
    for (const lang of LANGUAGES) expect([lang, dev3.filter((s) => s.lang === lang).length]).toEqual([lang, 8]);
  });
});

describe('the fifth dev conversations (conversations-dev5)', () => {
  const dev5 = loadConversationScripts(path.join(root, 'test/fixtures/conversations-dev5'));
  const earlier = ['conversations-dev', 'conversations-dev2', 'conversations-dev3', 'conversations-dev4'].flatMap((folder) => loadConversationScripts(path.join(root, 'test/fixtures', folder)));

  it('never use a customer line of two words or more equal to a catalog example', () => {
    const examples = readCatalogExamples(path.join(root, 'intents'));
    const lines = dev5.flatMap((s) => s.turns.filter(isCustomerTurn).map((t) => normaliseLine(t.customer))).filter((line) => line.split(/\s+/).length >= 2);
    expect(lines.filter((line) => examples.has(line))).toEqual([]);
  });

  it('use ids apart from the earlier dev sets', () => {
    const ids = new Set(earlier.map((s) => s.id));
    expect(dev5.filter((s) => ids.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('have 8 conversations in each language', () => {
    for (const lang of LANGUAGES) expect([lang, dev5.filter((s) => s.lang === lang).length]).toEqual([lang, 8]);
  });
});
