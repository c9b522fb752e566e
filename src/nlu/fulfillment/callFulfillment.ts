import type { FulfillmentSpec, Lang } from '../types';
import { FulfillmentReply, fulfillmentReplySchema } from './fulfillmentReply';
import { SIGNATURE_HEADER, signFulfillmentBody, TIMESTAMP_HEADER } from './signRequest';

/** What Baton POSTs to an intent's fulfillment URL (JSON). */
export interface FulfillmentRequest {
  intent: string;
  slots: Record<string, string>;
  language: Lang;
  customer: { ref: string; channel: string };
  conversationId: string;
}

export interface FulfillmentOptions {
  /** Used when the intent sets no timeoutMs (FULFILLMENT_TIMEOUT_MS). */
  timeoutMs: number;
  /** FULFILLMENT_SECRET: when set, requests are signed (see signRequest.ts). */
  secret?: string;
  /** Clock for the signature timestamp; tests pass a fixed one. */
  now?: () => number;
  fetch?: typeof fetch;
}

export type FulfillmentFailure =
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'http_error'; status: number }
  | { kind: 'bad_response'; issues: string[] }
  | { kind: 'network_error'; message: string };

export type FulfillmentOutcome = { kind: 'ok'; reply: FulfillmentReply } | FulfillmentFailure;

/** The shape the dialogue engine depends on, so tests can inject a fake. */
export type Fulfill = (spec: FulfillmentSpec, request: FulfillmentRequest, options: FulfillmentOptions) => Promise<FulfillmentOutcome>;

/** Replies larger than this are refused as bad responses (a reply is a chat message). */
export const MAX_REPLY_BYTES = 64 * 1024;

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
}

/**
 * POSTs the request as JSON to spec.url and validates the reply. Never throws: every failure
 * (timeout, non-2xx status, invalid reply, connection error) comes back as an outcome.
 */
export async function callFulfillment(
  spec: FulfillmentSpec,
  request: FulfillmentRequest,
  options: FulfillmentOptions,
): Promise<FulfillmentOutcome> {
  const timeoutMs = spec.timeoutMs ?? options.timeoutMs;
  const body = JSON.stringify(request);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'User-Agent': 'Baton-Fulfillment/1',
  };
  if (options.secret) {
    const timestamp = (options.now ?? Date.now)();
    headers[TIMESTAMP_HEADER] = String(timestamp);
    headers[SIGNATURE_HEADER] = signFulfillmentBody(body, timestamp, options.secret);
  }

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await (options.fetch ?? fetch)(spec.url, {
      method: 'POST',
      headers,
      body,
      signal: controller.signal,
      redirect: 'manual',
    });
    const raw = await response.text();
    if (response.status < 200 || response.status >= 300) return { kind: 'http_error', status: response.status };
    if (Buffer.byteLength(raw, 'utf8') > MAX_REPLY_BYTES) {
      return { kind: 'bad_response', issues: [`the reply is larger than ${MAX_REPLY_BYTES} bytes`] };
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { kind: 'bad_response', issues: ['the reply is not JSON'] };
    }
    const parsed = fulfillmentReplySchema.safeParse(json);
    if (!parsed.success) return { kind: 'bad_response', issues: describeIssues(parsed.error.issues) };
    return { kind: 'ok', reply: parsed.data };
  } catch (err) {
    if (timedOut) return { kind: 'timeout', timeoutMs };
    return { kind: 'network_error', message: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
