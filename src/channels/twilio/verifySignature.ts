import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse as parseLegacyQuery, stringify as stringifyLegacyQuery } from 'node:querystring';

/**
 * `X-Twilio-Signature` for form-encoded webhooks (protocols.md §1.2), written from the algorithm that
 * twilio-node's `getExpectedTwilioSignature` / `validateRequest` implement:
 * URL + every POST parameter sorted by name (byte-wise), `name + value` with no separators
 * (array values de-duplicated, sorted, once per value), HMAC-SHA1 keyed with the Auth Token, base64.
 */

/** Decoded form parameters as received; a name posted more than once carries all its values. */
export type TwilioParams = Record<string, string | string[]>;

function appendParam(name: string, value: string | string[]): string {
  if (Array.isArray(value)) {
    return Array.from(new Set(value))
      .sort()
      .map((v) => name + v)
      .join('');
  }
  return name + value;
}

/** The signature Twilio would send for this URL and these parameters. */
export function computeTwilioSignature(authToken: string, url: string, params: TwilioParams): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, name) => acc + appendParam(name, params[name] ?? ''), url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf-8')).digest('base64');
}

interface UrlParts {
  scheme: string;
  userInfo: string;
  host: string;
  port: string;
  rest: string;
}

/** Splits a URL without normalising it, so the path and query keep the exact characters Twilio signed. */
function splitUrl(url: string): UrlParts | null {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!match) return null;
  const [prefix, scheme = '', authority = ''] = match;
  const userInfoEnd = authority.lastIndexOf('@');
  const hostAndPort = authority.slice(userInfoEnd + 1);
  // A colon only starts the port after the closing bracket of an IPv6 literal.
  const portStart = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
  return {
    scheme,
    userInfo: authority.slice(0, userInfoEnd + 1),
    host: portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart),
    port: portStart === -1 ? '' : hostAndPort.slice(portStart),
    rest: url.slice(prefix.length),
  };
}

function withoutPort(url: string): string {
  const p = splitUrl(url);
  return p ? p.scheme + p.userInfo + p.host + p.rest : url;
}

function withDefaultPort(url: string): string {
  const p = splitUrl(url);
  if (!p || p.port) return url;
  const port = p.scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return p.scheme + p.userInfo + p.host + port + p.rest;
}

/** The query string re-encoded the way Node's legacy `querystring` module does (`'` → `%27`, …). */
function withLegacyQuery(url: string): string {
  const q = url.indexOf('?');
  if (q === -1 || q === url.length - 1) return url;
  return url.slice(0, q) + '?' + stringifyLegacyQuery(parseLegacyQuery(url.slice(q + 1)));
}

/**
 * Every URL form Twilio may have signed for `url`, most likely first: as received without and with the
 * default port, then the WHATWG-normalised URL without/with port, each also with the legacy query encoding.
 * A `#…` fragment (connection overrides) is never part of the signed URL and is dropped.
 */
export function twilioSignedUrlCandidates(url: string): string[] {
  const hash = url.indexOf('#');
  const received = hash === -1 ? url : url.slice(0, hash);
  const candidates = [withoutPort(received), withDefaultPort(received)];
  let normalized: string | null = null;
  try {
    normalized = new URL(received).toString();
  } catch {
    normalized = null;
  }
  if (normalized !== null) {
    const a = withoutPort(normalized);
    const b = withDefaultPort(normalized);
    candidates.push(a, b, withLegacyQuery(a), withLegacyQuery(b));
  }
  return Array.from(new Set(candidates));
}

function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf-8');
  const y = Buffer.from(b, 'utf-8');
  // The expected length is fixed by the algorithm (28 base64 chars), so an early length check leaks nothing secret.
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface TwilioSignatureInput {
  authToken: string;
  /** The X-Twilio-Signature header value; undefined or empty never verifies. */
  signature: string | undefined;
  /** The full public URL Twilio called, query string included (e.g. `${PUBLIC_URL}/webhooks/twilio`). */
  url: string;
  /** Every decoded POST parameter received (never a whitelist: Twilio adds fields without notice). */
  params: TwilioParams;
}

/** True when the signature matches one of the URL forms Twilio signs (compared in constant time). */
export function isValidTwilioSignature({ authToken, signature, url, params }: TwilioSignatureInput): boolean {
  if (!signature || !authToken) return false;
  return twilioSignedUrlCandidates(url).some((candidate) =>
    constantTimeEqual(signature, computeTwilioSignature(authToken, candidate, params)),
  );
}
