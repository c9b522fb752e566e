/**
 * The console's one door to the server: same-origin fetch with the session cookie, JSON in and out,
 * `{error:{code,message}}` answers turned into ApiError, and any 401 announced as an expired session.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** 401 from any call: the session is gone (expired, logged out elsewhere, server restarted). */
export class SessionExpiredError extends ApiError {
  constructor(code: string, message: string) {
    super(401, code, message);
    this.name = 'SessionExpiredError';
  }
}

type ExpiredListener = (error: SessionExpiredError) => void;
const expiredListeners = new Set<ExpiredListener>();

/** Subscribes to "the session expired"; returns the unsubscribe function. */
export function onSessionExpired(listener: ExpiredListener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

export const API_BASE = '/api/v1';

export interface RequestOptions {
  /** Do not announce a 401 as an expired session (the login call and the first `me`). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

function readError(status: number, body: unknown, fallback: string): { code: string; message: string; details?: unknown } {
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  return {
    code: typeof e?.code === 'string' ? e.code : `HTTP_${status}`,
    message: typeof e?.message === 'string' ? e.message : fallback,
    details: e?.details,
  };
}

export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(API_BASE + path, {
      method,
      credentials: 'same-origin',
      // A FormData body (an upload) goes as multipart: the browser writes its Content-Type and boundary.
      headers: body === undefined || body instanceof FormData ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached; check the connection and try again');
  }
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (res.ok) return parsed as T;
  const { code, message, details } = readError(res.status, parsed, `${res.status} ${res.statusText || 'error'}`);
  if (res.status === 401) {
    const expired = new SessionExpiredError(code, message);
    if (!opts.quiet401) for (const l of expiredListeners) l(expired);
    throw expired;
  }
  throw new ApiError(res.status, code, message, details);
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body ?? {}, opts),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body ?? {}, opts),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
};

/** Builds `?a=1&b=2` from the defined values only. */
export function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The text to show for any error thrown by a call. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return (err as Error)?.message ?? String(err);
}
