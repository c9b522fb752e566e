import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BatonError } from '../../errors';
import type { Catalog } from '../types';
import { catalogError, type CatalogIssue } from './issues';
import { CATALOG_LIMITS } from './limits';
import { parseCatalogFiles, type CatalogFile } from './parseCatalogFiles';

export { parseCatalogFiles, type CatalogFile } from './parseCatalogFiles';

/** Catalog files: `*.yaml` / `*.yml` directly in the directory, not hidden (editor temp files). */
export function isCatalogFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !name.startsWith('.');
}

/** Reads the catalog files of a directory, in file-name order (sub-directories are not read). */
export async function readCatalogFiles(dir: string): Promise<CatalogFile[]> {
  let entries;
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      throw new BatonError('CATALOG_INVALID', `The intent catalog "${dir}" is not a directory (set INTENTS_DIR or --catalog to the folder of *.yaml files)`);
    }
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (err instanceof BatonError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (err as Error).message})`;
    throw new BatonError('CATALOG_INVALID', `The intent catalog directory "${dir}" ${why} (set INTENTS_DIR or --catalog)`);
  }
  const names = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && isCatalogFileName(e.name))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) {
    throw catalogError([{ file: dir, path: '', message: 'no catalog files (*.yaml, *.yml) in this directory' }]);
  }
  if (names.length > CATALOG_LIMITS.maxFiles) {
    throw catalogError([{ file: dir, path: '', message: `too many catalog files (${names.length}; at most ${CATALOG_LIMITS.maxFiles})` }]);
  }
  const files: CatalogFile[] = [];
  const unreadable: CatalogIssue[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      const { size } = await stat(path);
      // A file over the limit is never read; the parser reports it with the other problems.
      files.push({ path, content: size > CATALOG_LIMITS.maxFileBytes ? '' : await readFile(path, 'utf8'), size });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      unreadable.push({ file: path, path: '', message: `cannot be read (${code})` });
    }
  }
  if (unreadable.length > 0) throw catalogError(unreadable);
  return files;
}

/** Loads, validates and normalises the catalog in `dir`. Throws CATALOG_INVALID listing every problem. */
export async function loadCatalog(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<Catalog> {
  return parseCatalogFiles(await readCatalogFiles(dir), env);
}
