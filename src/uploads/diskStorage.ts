import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BatonError } from '../errors';
import { isStorageKey, type MediaStorage } from './mediaStorage';

/**
 * Uploads as files in one folder (UPLOADS_DIR). Every path is built from a checked key and then
 * checked again to be directly inside the folder, so nothing is read or written anywhere else.
 * A file is written under a temporary name and renamed, so a reader never sees half of it.
 * Several instances need the same folder (a shared volume) to serve each other's uploads.
 */
export class DiskStorage implements MediaStorage {
  readonly root: string;
  private ready?: Promise<unknown>;

  constructor(dir: string) {
    this.root = path.resolve(dir);
  }

  /** The file's path, or an error when the key could leave the folder. */
  pathFor(key: string): string {
    const full = path.resolve(this.root, key);
    if (!isStorageKey(key) || path.dirname(full) !== this.root) {
      throw new BatonError('UPLOAD_NAME_INVALID', `"${key.slice(0, 60)}" is not a storage key Baton made`);
    }
    return full;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathFor(key);
    this.ready ??= mkdir(this.root, { recursive: true, mode: 0o750 });
    await this.ready;
    const temp = path.join(this.root, `.${key}.${randomBytes(4).toString('hex')}.part`);
    try {
      await writeFile(temp, bytes, { flag: 'wx', mode: 0o640 });
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathFor(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }
}
