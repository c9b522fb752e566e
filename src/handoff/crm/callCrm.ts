import { SIGNATURE_HEADER, signFulfillmentBody, TIMESTAMP_HEADER } from '../../nlu/fulfillment/signRequest';
import type { CrmIdentifiers } from './crmIdentifiers';
import { crmAnswerSchema, type CrmRecord } from './crmRecord';

/** What Baton POSTs to CRM_ENRICHMENT_URL (JSON). */
export interface CrmRequest {
  /** Why Baton asks now. */
  event: 'first_message' | 'handoff';
  customer: CrmIdentifiers;
  conversationId: string;
  channel: string;
}

export interface CrmCallOptions {
  url: string;
  /** CRM_ENRICHMENT_SECRET: requests are signed exactly like fulfillment calls (X-Baton-Timestamp, X-Baton-Signature). */
  secret: string;
  timeoutMs: number;
  now?: () => number;
  fetch?: typeof fetch;
}

export type CrmOutcome =
  | { kind: 'ok'; record: CrmRecord | null }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'http_error'; status: number }
  | { kind: 'bad_response'; issues: string[] }
  | { kind: 'network_error'; message: string };

/** Answers larger than this are refused (a CRM record is a few fields). */
export const MAX_CRM_ANSWER_BYTES = 64 * 1024;

/** POSTs the signed request and validates the answer. Never throws: every failure is an outcome. */
export async function callCrm(request: CrmRequest, options: CrmCallOptions): Promise<CrmOutcome> {
  const body = JSON.stringify(request);
  const timestamp = (options.now ?? Date.now)();
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'User-Agent': 'Baton-CRM-Enrichment/1',
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signFulfillmentBody(body, timestamp, options.secret),
  };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const response = await (options.fetch ?? fetch)(options.url, { method: 'POST', headers, body, signal: controller.signal, redirect: 'manual' });
    const raw = await response.text();
    if (response.status < 200 || response.status >= 300) return { kind: 'http_error', status: response.status };
    if (Buffer.byteLength(raw, 'utf8') > MAX_CRM_ANSWER_BYTES) return { kind: 'bad_response', issues: [`the answer is larger than ${MAX_CRM_ANSWER_BYTES} bytes`] };
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { kind: 'bad_response', issues: ['the answer is not JSON'] };
    }
    const parsed = crmAnswerSchema.safeParse(json);
    if (!parsed.success) {
      return { kind: 'bad_response', issues: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'answer'}: ${i.message}`) };
    }
    return { kind: 'ok', record: parsed.data.customer };
  } catch (err) {
    if (timedOut) return { kind: 'timeout', timeoutMs: options.timeoutMs };
    return { kind: 'network_error', message: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
