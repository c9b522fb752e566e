import { ApiError } from '../shared/api';
import type { SandboxMessage } from '../shared/types';

/** The sandbox channel's HTTP API (no login: it plays the customer's phone). */

export interface SandboxPostResult {
  conversationId: string | null;
  status: string;
  language: string | null;
  replies: SandboxMessage[];
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T | null> {
  const res = await fetch(`/sandbox${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (res.status === 404 && method === 'GET') return null;
  if (!res.ok) throw new ApiError(res.status, parsed?.error?.code ?? `HTTP_${res.status}`, parsed?.error?.message ?? res.statusText);
  return parsed as T;
}

export function postSandboxMessage(body: { from: string; text?: string; payload?: string; name?: string }): Promise<SandboxPostResult | null> {
  return call<SandboxPostResult>('POST', '/messages', { ...body, wait: 3000 });
}

/** The whole transcript, or null when this customer has not written yet. */
export async function getSandboxTranscript(from: string): Promise<{ status: string; language?: string; messages: SandboxMessage[] } | null> {
  const r = await call<{ conversation: { status: string; language?: string }; messages: SandboxMessage[] }>('GET', `/conversations/${encodeURIComponent(from)}`);
  return r ? { status: r.conversation.status, language: r.conversation.language, messages: r.messages } : null;
}
