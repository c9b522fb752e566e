/**
 * Where the bytes of uploads live, behind one small interface: a folder on disk by default
 * (DiskStorage); an S3-compatible bucket would be another implementation. Keys are Baton's own
 * (`<id>.<ext>`, see isStorageKey), never a name an uploader chose.
 */
export interface MediaStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

const KEY = /^up_[a-z0-9]{6,16}_[a-f0-9]{20}\.[a-z]{2,5}$/;

/** True for the keys Baton makes (newUploadId() + '.' + extension): no separators, no dots but one. */
export function isStorageKey(key: string): boolean {
  return KEY.test(key);
}
