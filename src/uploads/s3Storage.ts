import { BatonError } from '../errors';
import { isStorageKey, type MediaStorage } from './mediaStorage';
import { payloadHash, signS3Request, type S3Credentials } from './sigV4';

export interface S3StorageOptions extends S3Credentials {
  /** The store's base URL (https://s3.eu-west-1.amazonaws.com, http://minio:9000…); objects are addressed path-style. */
  endpoint: string;
  bucket: string;
  timeoutMs?: number;
  clock?: () => number;
}

/**
 * Uploads as objects in an S3-compatible bucket (UPLOADS_STORAGE=s3): PUT, GET and DELETE of
 * `<bucket>/<key>`, path-style, signed with Signature Version 4. What several instances without a
 * shared volume use: every instance reads what any other wrote.
 */
export class S3Storage implements MediaStorage {
  private readonly base: URL;

  constructor(private readonly o: S3StorageOptions) {
    this.base = new URL(o.endpoint);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const res = await this.call('PUT', key, bytes);
    if (!res.ok) throw await this.failure('store', key, res);
  }

  async get(key: string): Promise<Buffer | null> {
    const res = await this.call('GET', key);
    if (res.status === 404) {
      await res.arrayBuffer();
      return null;
    }
    if (!res.ok) throw await this.failure('read', key, res);
    return Buffer.from(await res.arrayBuffer());
  }

  async remove(key: string): Promise<void> {
    const res = await this.call('DELETE', key);
    if (!res.ok && res.status !== 404) throw await this.failure('delete', key, res);
  }

  private async call(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer): Promise<Response> {
    if (!isStorageKey(key)) throw new BatonError('UPLOAD_NAME_INVALID', `"${key.slice(0, 60)}" is not a storage key Baton made`);
    const basePath = this.base.pathname.replace(/\/+$/, '');
    const path = `${basePath}/${this.o.bucket}/${key}`;
    const extra: Record<string, string> = body ? { 'content-type': 'application/octet-stream', 'content-length': String(body.length) } : {};
    const signed = signS3Request({ method, host: this.base.host, path, headers: extra, payloadSha256: payloadHash(body), credentials: this.o, now: new Date((this.o.clock ?? Date.now)()) });
    try {
      return await fetch(new URL(path, this.base), {
        method,
        headers: { ...extra, ...signed },
        ...(body ? { body: new Uint8Array(body) } : {}),
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new BatonError('STORE_UNAVAILABLE', `The upload store (${this.base.host}) cannot be reached: ${(err as Error).message}`);
    }
  }

  private async failure(what: string, key: string, res: Response): Promise<BatonError> {
    const text = (await res.text()).slice(0, 500);
    const code = /<Code>([^<]{1,64})<\/Code>/.exec(text)?.[1];
    return new BatonError('STORE_UNAVAILABLE', `The upload store refused to ${what} ${key}: HTTP ${res.status}${code ? ` ${code}` : ''} (check S3_BUCKET and the S3 keys)`);
  }
}
