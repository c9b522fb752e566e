import path from 'node:path';
import { loadCatalog } from '../../../../src/nlu/catalog';
import { normalizeText } from '../../../../src/nlu/classifier';
import type { Catalog } from '../../../../src/nlu/types';
import { loadParaphrases, Paraphrase } from '../../../bench/nluParaphrases';

/**
 * The held-out paraphrases scored by `npm run bench:nlu` are only worth their figure if they are
 * well-formed, name intents that exist, cover every language of every intent they name, and were
 * never copied into the catalog the classifier is trained on.
 */
const MIN_PER_INTENT_AND_LANGUAGE = 10;

describe('held-out paraphrase fixtures', () => {
  let catalog: Catalog;
  let paraphrases: Paraphrase[];

  beforeAll(async () => {
    catalog = await loadCatalog(path.join(__dirname, '../../../../intents'), {});
    paraphrases = loadParaphrases();
  });

  it('parse with the fixture schema and are not empty', () => {
    expect(paraphrases.length).toBeGreaterThan(0);
  });

  it('name only intents of the demo catalog, in its languages', () => {
    const ids = new Set(catalog.intents.map((i) => i.id));
    const langs = new Set(catalog.languages);
    expect(paraphrases.filter((p) => !ids.has(p.intent)).map((p) => `${p.file}: ${p.intent}`)).toEqual([]);
    expect(paraphrases.filter((p) => !langs.has(p.lang)).map((p) => `${p.file}: ${p.intent}.${p.lang}`)).toEqual([]);
  });

  it(`have at least ${MIN_PER_INTENT_AND_LANGUAGE} paraphrases per intent in every catalog language`, () => {
    const counts = new Map<string, number>();
    for (const p of paraphrases) counts.set(`${p.intent} ${p.lang}`, (counts.get(`${p.intent} ${p.lang}`) ?? 0) + 1);
    const short: string[] = [];
    for (const intent of new Set(paraphrases.map((p) => p.intent))) {
      for (const lang of catalog.languages) {
        const n = counts.get(`${intent} ${lang}`) ?? 0;
        if (n < MIN_PER_INTENT_AND_LANGUAGE) short.push(`${intent} ${lang}: ${n}`);
      }
    }
    expect(short).toEqual([]);
  });

  it('contain no line equal to a catalog example, ignoring case, spacing and punctuation', () => {
    const examples = new Set(catalog.intents.flatMap((i) => Object.values(i.examples).flat().map(normalizeText)));
    expect(paraphrases.filter((p) => examples.has(normalizeText(p.text))).map((p) => `${p.file}: ${p.text}`)).toEqual([]);
  });

  it('contain no paraphrase twice', () => {
    const seen = new Set<string>();
    const repeated: string[] = [];
    for (const p of paraphrases) {
      const key = normalizeText(p.text);
      if (seen.has(key)) repeated.push(`${p.file}: ${p.text}`);
      seen.add(key);
    }
    expect(repeated).toEqual([]);
  });
});

describe('catalog intents with held-out paraphrases', () => {
  const MIN_CATALOG_EXAMPLES = 40;

  it(`have at least ${MIN_CATALOG_EXAMPLES} catalog examples per language, so the held-out set measures a rewritten intent`, async () => {
    const catalog = await loadCatalog(path.join(__dirname, '../../../../intents'), {});
    const covered = new Set(loadParaphrases().map((p) => p.intent));
    const short: string[] = [];
    for (const intent of catalog.intents.filter((i) => covered.has(i.id))) {
      for (const lang of catalog.languages) {
        const n = intent.examples[lang]?.length ?? 0;
        if (n < MIN_CATALOG_EXAMPLES) short.push(`${intent.id} ${lang}: ${n}`);
      }
    }
    expect(covered.size).toBeGreaterThan(0);
    expect(short).toEqual([]);
  });
});
