import type { ChannelName } from '../../conversations/types';
import { graphErrorToSendError } from '../messenger';
import { ChannelSendError } from '../types';

export interface GraphCallOptions {
  channel: ChannelName;
  method: 'GET' | 'POST';
  /** Full URL; may carry the access token, so it is never logged nor put in an error. */
  url: string;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Graph codes worth trying again later (rate limits, temporary failures). */
  retryableCodes: ReadonlySet<number>;
}

function field(err: unknown, name: string): unknown {
  return typeof err === 'object' && err !== null ? (err as Record<string, unknown>)[name] : undefined;
}

/**
 * One Graph API call for the WhatsApp Cloud API and Instagram senders: resolves with the parsed JSON
 * of a 2xx answer; throws ChannelSendError (TIMEOUT, NETWORK, or Meta's `code[:subcode]`) otherwise.
 */
export async function graphCall(o: GraphCallOptions): Promise<unknown> {
  let res: Response;
  let json: unknown;
  try {
    res = await fetch(o.url, {
      method: o.method,
      headers: { ...(o.body ? { 'content-type': 'application/json' } : {}), ...o.headers },
      ...(o.body ? { body: JSON.stringify(o.body) } : {}),
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    const text = await res.text();
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
  } catch (err) {
    const name = field(err, 'name');
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new ChannelSendError(o.channel, 'TIMEOUT', `Graph API did not answer within ${o.timeoutMs} ms`, true);
    }
    const cause = field(field(err, 'cause'), 'message');
    const message = field(err, 'message');
    const reason = typeof cause === 'string' ? cause : typeof message === 'string' ? message : 'unknown error';
    throw new ChannelSendError(o.channel, 'NETWORK', `Graph API unreachable: ${reason}`, true);
  }
  if (!res.ok) throw graphErrorToSendError(res.status, json, o.channel, o.retryableCodes);
  return json;
}
