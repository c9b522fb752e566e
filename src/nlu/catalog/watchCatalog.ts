import { watch, type FSWatcher } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Catalog } from '../types';
import { isCatalogFileName, readCatalogFiles } from './loadCatalog';
import { parseCatalogFiles } from './parseCatalogFiles';

export interface WatchCatalogOptions {
  /** Quiet time after the last change before reloading (editors write in several steps). Default 250 ms. */
  debounceMs?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Reloads the catalog when a file in `dir` changes. A valid catalog goes to `onReload`; an invalid
 * one goes to `onError` and is otherwise ignored, so the caller keeps serving the last good catalog.
 * Unchanged contents (an editor re-saving) do not trigger a reload. Returns a function that stops watching.
 */
export function watchCatalog(
  dir: string,
  onReload: (catalog: Catalog) => void,
  onError: (err: unknown) => void,
  options: WatchCatalogOptions = {},
): () => void {
  const debounceMs = options.debounceMs ?? 250;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let loading = false;
  let again = false;
  let lastFingerprint: string | undefined;

  const reload = async (): Promise<void> => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      const files = await readCatalogFiles(dir);
      const hash = createHash('sha256');
      for (const f of files) hash.update(`${f.path}\0${f.size ?? ''}\0${f.content}\0`);
      const fingerprint = hash.digest('hex');
      if (fingerprint !== lastFingerprint) {
        const catalog = parseCatalogFiles(files, options.env ?? process.env);
        lastFingerprint = fingerprint;
        if (!stopped) onReload(catalog);
      }
    } catch (err) {
      lastFingerprint = undefined;
      if (!stopped) onError(err);
    } finally {
      loading = false;
      if (again && !stopped) {
        again = false;
        schedule();
      }
    }
  };

  const schedule = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void reload();
    }, debounceMs);
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (name === null || isCatalogFileName(name.toString())) schedule();
    });
  } catch (err) {
    onError(err);
    return () => undefined;
  }
  watcher.on('error', (err) => {
    if (!stopped) onError(err);
  });

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}
