import path from 'node:path';
import { loadCatalog } from '../../../../src/nlu/catalog';
import type { Catalog } from '../../../../src/nlu/types';
import { loadDevParaphrases, staleDevParaphrases } from '../../../bench/nluDev';
import { loadParaphrases, Paraphrase } from '../../../bench/nluParaphrases';

/**
 * The DEV paraphrases (test/fixtures/paraphrases-dev) are what catalog edits are chosen by, so a
 * catalog example that copies one of them, or a DEV line that copies a held-out paraphrase, would
 * make the figure it is chosen by meaningless.
 */
describe('DEV paraphrase fixtures', () => {
  let catalog: Catalog;
  let dev: Paraphrase[];

  beforeAll(async () => {
    catalog = await loadCatalog(path.join(__dirname, '../../../../intents'), {});
    dev = loadDevParaphrases();
  });

  it('name only intents of the demo catalog, in its languages', () => {
    const ids = new Set(catalog.intents.map((i) => i.id));
    const langs = new Set(catalog.languages);
    expect(dev.filter((p) => !ids.has(p.intent) || !langs.has(p.lang)).map((p) => `${p.file}: ${p.intent}.${p.lang}`)).toEqual([]);
  });

  it('contain no line equal to a catalog example or a held-out paraphrase', () => {
    expect(staleDevParaphrases(catalog, dev, loadParaphrases()).map((p) => `${p.file}: ${p.text}`)).toEqual([]);
  });
});
