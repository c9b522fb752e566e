import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Meta signs every webhook POST with: `sha256=<lowercase hex HMAC-SHA256(raw body, App Secret)>`. */
export const SIGNATURE_HEADER = 'x-hub-signature-256';

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' };

const HEADER_FORMAT = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Checks `X-Hub-Signature-256` against the EXACT raw bytes Meta sent (never a re-serialised body:
 * Meta escapes non-ASCII as `\uXXXX` and `/` as `\/`, which JSON.stringify would not reproduce).
 * Several secrets may be given (the current one first, then the previous one while rotating);
 * the body passes when any of them produced the signature. Comparison is constant-time.
 */
export function verifyMessengerSignature(
  rawBody: Buffer,
  header: string | readonly string[] | undefined,
  secrets: string | readonly string[],
): SignatureCheck {
  if (header === undefined || header.length === 0) return { ok: false, reason: 'missing' };
  if (typeof header !== 'string') return { ok: false, reason: 'malformed' };
  const match = HEADER_FORMAT.exec(header.trim());
  const hex = match?.[1];
  if (hex === undefined) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(hex, 'hex');

  let matched = false;
  for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
    if (secret === '') continue;
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    // Keep looping after a match so the time taken does not tell which secret matched.
    if (timingSafeEqual(expected, given)) matched = true;
  }
  return matched ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** The header value Meta would send for this body: used by tests and local tools to sign payloads. */
export function signMessengerBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
