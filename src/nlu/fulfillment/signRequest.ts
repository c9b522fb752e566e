import { createHmac } from 'node:crypto';

/**
 * How a fulfillment endpoint can check that a request really comes from Baton
 * (quoted in the README):
 *
 *   Baton sends two headers with every fulfillment POST when FULFILLMENT_SECRET is set:
 *     X-Baton-Timestamp: <milliseconds since 1970-01-01 UTC, when the request was signed>
 *     X-Baton-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed with FULFILLMENT_SECRET>
 *   To verify: take the raw request body bytes exactly as received (before any JSON parsing),
 *   compute HMAC-SHA256(secret, timestamp + "." + body), hex-encode it, and compare it with the
 *   part after "sha256=" using a constant-time comparison. Reject requests whose timestamp is
 *   more than a few minutes from your clock, so a captured request cannot be replayed later.
 *   Without FULFILLMENT_SECRET neither header is sent.
 */
export const SIGNATURE_HEADER = 'X-Baton-Signature';
export const TIMESTAMP_HEADER = 'X-Baton-Timestamp';

export function signFulfillmentBody(body: string, timestampMs: number, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampMs}.${body}`, 'utf8').digest('hex')}`;
}
