import { mkdtemp, mkdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatonError } from '../../../../src/errors';
import { loadCatalog } from '../../../../src/nlu/catalog/loadCatalog';
import type { CatalogIssue } from '../../../../src/nlu/catalog/issues';

const FIXTURES = join(__dirname, '../../../fixtures/catalogs');

async function rejectionOf(promise: Promise<unknown>): Promise<BatonError & { details?: CatalogIssue[] }> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(BatonError);
    expect((err as BatonError).code).toBe('CATALOG_INVALID');
    return err as BatonError & { details?: CatalogIssue[] };
  }
  throw new Error('expected loadCatalog to reject');
}

describe('loadCatalog', () => {
  let tmp: string;
  beforeEach(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'baton-catalog-'));
  });
  afterEach(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('loads a good catalog spread over several files, in file-name order', async () => {
    const catalog = await loadCatalog(join(FIXTURES, 'good'), {});
    expect(catalog.languages).toEqual(['en', 'hi', 'hi-Latn', 'ur', 'ne']);
    expect(catalog.intents.map((i) => i.id)).toEqual(['order_status', 'refund_status', 'store_hours', 'talk_to_human']);
    expect(catalog.files.map((f) => f.split('/').pop())).toEqual(['_catalog.yaml', 'orders.yaml', 'store.yaml']);
    expect(catalog.messages.fallback.en).toBe('Sorry, I did not understand. Try again?');
  });

  it('ignores files that are not YAML', async () => {
    const catalog = await loadCatalog(join(FIXTURES, 'good'), {});
    expect(catalog.files.some((f) => f.endsWith('README.txt'))).toBe(false);
  });

  it('reads .yml files', async () => {
    const catalog = await loadCatalog(join(FIXTURES, 'minimal'), {});
    expect(catalog.intents.map((i) => i.id)).toEqual(['greeting', 'goodbye']);
  });

  it('interpolates fulfillment URLs from the env it is given', async () => {
    const catalog = await loadCatalog(join(FIXTURES, 'good'), { ORDER_FULFILLMENT_URL: 'https://shop.example/lookup' });
    expect(catalog.intents[0]?.fulfillment).toEqual({ url: 'https://shop.example/lookup', timeoutMs: 3000 });
  });

  it('reports every problem of a broken catalog with file, path and line', async () => {
    const err = await rejectionOf(loadCatalog(join(FIXTURES, 'broken'), {}));
    expect(err.message).toContain('broken/orders.yaml: intents[0].examples.hi[1]: expected a non-empty string (line 5, column 32)');
    expect(err.message).toContain('broken/orders.yaml: intents[1].exampels: unknown key "exampels"');
    expect(err.message).toMatch(/broken\/syntax\.yaml: invalid YAML: .*\(line 5, column 5\)/);
    expect(err.details).toHaveLength(5);
  });

  it('reports a duplicate id across files', async () => {
    const err = await rejectionOf(loadCatalog(join(FIXTURES, 'duplicates'), {}));
    expect(err.message).toMatch(/duplicates\/b\.yaml: intents\[1\]\.id: duplicate intent id "order_status" \(already defined at .*duplicates\/a\.yaml intents\[0\]\)/);
  });

  it('rejects a missing directory, saying how to point at the right one', async () => {
    const err = await rejectionOf(loadCatalog(join(tmp, 'nope'), {}));
    expect(err.message).toContain('does not exist');
    expect(err.message).toContain('INTENTS_DIR');
  });

  it('rejects a path that is a file, not a directory', async () => {
    const path = join(tmp, 'faq.yaml');
    await writeFile(path, 'intents: []\n');
    const err = await rejectionOf(loadCatalog(path, {}));
    expect(err.message).toContain('is not a directory');
  });

  it('rejects an empty directory', async () => {
    const err = await rejectionOf(loadCatalog(tmp, {}));
    expect(err.message).toContain('no catalog files (*.yaml, *.yml) in this directory');
  });

  it('rejects a directory holding only non-YAML files and sub-directories', async () => {
    await writeFile(join(tmp, 'notes.md'), '# intents: not here\n');
    await mkdir(join(tmp, 'sub.yaml'));
    const err = await rejectionOf(loadCatalog(tmp, {}));
    expect(err.message).toContain('no catalog files');
  });

  it('reports a catalog file that cannot be read', async () => {
    await mkdir(join(tmp, 'real.yaml'));
    await symlink(join(tmp, 'real.yaml'), join(tmp, 'link.yaml'));
    const err = await rejectionOf(loadCatalog(tmp, {}));
    expect(err.message).toContain('link.yaml: cannot be read (EISDIR)');
  });

  it('ignores hidden editor files', async () => {
    await writeFile(join(tmp, 'faq.yaml'), 'intents:\n  - { id: x, examples: { en: [a] }, answers: { en: A } }\n');
    await writeFile(join(tmp, '.#faq.yaml'), 'garbage: [');
    const catalog = await loadCatalog(tmp, {});
    expect(catalog.files).toEqual([join(tmp, 'faq.yaml')]);
  });

  it('refuses a file over 2 MB on disk, together with the problems of the other files', async () => {
    await writeFile(join(tmp, 'a.yaml'), 'intents:\n  - { id: x, examples: { en: [""] }, answers: { en: A } }\n');
    await writeFile(join(tmp, 'b.yaml'), '');
    await truncate(join(tmp, 'b.yaml'), 3 * 1024 * 1024);
    const err = await rejectionOf(loadCatalog(tmp, {}));
    expect(err.message).toContain('b.yaml: file too large (3145728 bytes; at most 2097152 bytes per file)');
    expect(err.message).toContain('a.yaml: intents[0].examples.en[0]: expected a non-empty string');
  });
});
