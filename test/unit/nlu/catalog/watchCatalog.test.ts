import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchCatalog } from '../../../../src/nlu/catalog/watchCatalog';
import { loadCatalog } from '../../../../src/nlu/catalog/loadCatalog';
import type { Catalog } from '../../../../src/nlu/types';

const catalogWith = (ids: string[]) =>
  `intents:\n${ids.map((id) => `  - { id: ${id}, examples: { en: [${id} please] }, answers: { en: ok } }`).join('\n')}\n`;

/** Resolves when `predicate` holds, polling; fails after `ms`. */
async function eventually(predicate: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('watchCatalog', () => {
  let dir: string;
  let stop: (() => void) | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baton-watch-'));
  });
  afterEach(async () => {
    stop?.();
    await rm(dir, { recursive: true, force: true });
  });

  it('reloads after a file changes and keeps the last good catalog when an edit breaks it', async () => {
    await writeFile(join(dir, 'faq.yaml'), catalogWith(['greeting']));
    let current: Catalog = await loadCatalog(dir, {});
    const errors: unknown[] = [];
    let reloads = 0;
    stop = watchCatalog(
      dir,
      (catalog) => {
        current = catalog;
        reloads++;
      },
      (err) => errors.push(err),
      { debounceMs: 50, env: {} },
    );

    await writeFile(join(dir, 'faq.yaml'), catalogWith(['greeting', 'goodbye']));
    await eventually(() => reloads === 1);
    expect(current.intents.map((i) => i.id)).toEqual(['greeting', 'goodbye']);

    await writeFile(join(dir, 'faq.yaml'), 'intents:\n  - { id: greeting, examples: { en: [hi] } }\n');
    await eventually(() => errors.length > 0);
    expect((errors[0] as Error).message).toContain('faq.yaml: intents[0].answers: answers are required');
    expect(current.intents.map((i) => i.id)).toEqual(['greeting', 'goodbye']);

    await writeFile(join(dir, 'faq.yaml'), catalogWith(['greeting']));
    await eventually(() => reloads === 2);
    expect(current.intents.map((i) => i.id)).toEqual(['greeting']);
  });

  it('debounces a burst of writes into one reload', async () => {
    await writeFile(join(dir, 'faq.yaml'), catalogWith(['a']));
    let reloads = 0;
    let last: Catalog | undefined;
    stop = watchCatalog(
      dir,
      (catalog) => {
        reloads++;
        last = catalog;
      },
      () => undefined,
      { debounceMs: 150, env: {} },
    );
    for (const ids of [['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd']]) {
      await writeFile(join(dir, 'faq.yaml'), catalogWith(ids));
    }
    await eventually(() => reloads >= 1);
    await new Promise((r) => setTimeout(r, 400));
    expect(reloads).toBe(1);
    expect(last?.intents).toHaveLength(4);
  });

  it('stops reloading once stopped', async () => {
    await writeFile(join(dir, 'faq.yaml'), catalogWith(['a']));
    let reloads = 0;
    const stopWatching = watchCatalog(dir, () => reloads++, () => undefined, { debounceMs: 20, env: {} });
    stopWatching();
    await writeFile(join(dir, 'faq.yaml'), catalogWith(['a', 'b']));
    await new Promise((r) => setTimeout(r, 300));
    expect(reloads).toBe(0);
  });
});
