import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { amzDate, payloadHash, signS3Request, type S3Credentials } from '../../src/uploads/sigV4';

/**
 * A local stand-in for an S3-compatible store: path-style PUT/GET/DELETE of objects in one bucket,
 * kept in memory, and every request's Signature Version 4 checked against the credentials (a
 * request signed with other keys, or changed after signing, gets 403 SignatureDoesNotMatch).
 */
export class FakeS3 {
  readonly objects = new Map<string, Buffer>();
  readonly requests: { method: string; path: string; status: number }[] = [];
  private server?: Server;

  constructor(
    readonly bucket: string,
    private readonly credentials: S3Credentials,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
        const answer = (status: number, payload?: Buffer | string) => {
          this.requests.push({ method: req.method ?? '', path, status });
          res.writeHead(status, { 'content-type': status >= 300 ? 'application/xml' : 'application/octet-stream' });
          res.end(payload);
        };
        if (!this.signatureHolds(req, path, body)) return answer(403, '<Error><Code>SignatureDoesNotMatch</Code></Error>');
        const prefix = `/${this.bucket}/`;
        if (!path.startsWith(prefix)) return answer(404, '<Error><Code>NoSuchBucket</Code></Error>');
        const key = path.slice(prefix.length);
        if (req.method === 'PUT') {
          this.objects.set(key, body);
          return answer(200);
        }
        if (req.method === 'GET') {
          const found = this.objects.get(key);
          return found ? answer(200, found) : answer(404, '<Error><Code>NoSuchKey</Code></Error>');
        }
        if (req.method === 'DELETE') {
          this.objects.delete(key);
          return answer(204);
        }
        answer(405);
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return this;
  }

  stop(): Promise<void> {
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private signatureHolds(req: IncomingMessage, path: string, body: Buffer): boolean {
    const auth = req.headers.authorization ?? '';
    const signedNames = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
    const stamp = String(req.headers['x-amz-date'] ?? '');
    if (!/^\d{8}T\d{6}Z$/.test(stamp) || req.headers['x-amz-content-sha256'] !== payloadHash(body.length ? body : undefined)) return false;
    const headers: Record<string, string> = {};
    for (const name of signedNames) if (!['host', 'x-amz-date', 'x-amz-content-sha256'].includes(name)) headers[name] = String(req.headers[name] ?? '');
    const now = new Date(Date.UTC(+stamp.slice(0, 4), +stamp.slice(4, 6) - 1, +stamp.slice(6, 8), +stamp.slice(9, 11), +stamp.slice(11, 13), +stamp.slice(13, 15)));
    const expected = signS3Request({ method: req.method ?? '', host: req.headers.host ?? '', path, headers, payloadSha256: String(req.headers['x-amz-content-sha256']), credentials: this.credentials, now });
    return amzDate(now) === stamp && expected.authorization === auth;
  }
}
