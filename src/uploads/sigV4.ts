import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for S3-compatible object stores (AWS S3, MinIO, R2, Scaleway…): the
 * `Authorization` header of one request, computed as AWS documents it. Pure: the time is given.
 */

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it (unreserved characters kept; '/' kept in paths). */
function encode(s: string, keepSlash: boolean): string {
  return [...s]
    .map((c) => (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/') ? c : [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')))
    .join('');
}

export function amzDate(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * The headers to add to a request (x-amz-date, x-amz-content-sha256, authorization). `headers`
 * are the other headers to sign (host is always signed); `path` is the decoded object path.
 */
export function signS3Request(o: {
  method: string;
  host: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  payloadSha256: string;
  credentials: S3Credentials;
  now: Date;
}): Record<string, string> {
  const stamp = amzDate(o.now);
  const day = stamp.slice(0, 8);
  const all: Record<string, string> = { host: o.host, 'x-amz-content-sha256': o.payloadSha256, 'x-amz-date': stamp };
  for (const [k, v] of Object.entries(o.headers ?? {})) all[k.toLowerCase()] = v;
  const names = Object.keys(all).sort();
  const canonicalHeaders = names.map((n) => `${n}:${all[n]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const query = Object.entries(o.query ?? {})
    .map(([k, v]) => `${encode(k, false)}=${encode(v, false)}`)
    .sort()
    .join('&');
  const canonicalRequest = [o.method.toUpperCase(), encode(o.path, true), query, canonicalHeaders, signedHeaders, o.payloadSha256].join('\n');
  const scope = `${day}/${o.credentials.region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${o.credentials.secretAccessKey}`, day), o.credentials.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return {
    'x-amz-date': stamp,
    'x-amz-content-sha256': o.payloadSha256,
    authorization: `AWS4-HMAC-SHA256 Credential=${o.credentials.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`,
  };
}

export function payloadHash(body: Buffer | undefined): string {
  return body ? sha256(body) : EMPTY_SHA256;
}
