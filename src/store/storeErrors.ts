/**
 * Recognises the errors ioredis raises when Redis is unreachable, frozen, or demoted, so the HTTP
 * layer answers 503 STORE_UNAVAILABLE (fast, no stack trace) instead of 500.
 */
const OUTAGE_MESSAGES = [
  'Command timed out',
  'Connection is closed',
  'Reached the max retries per request limit',
  "Stream isn't writeable",
  'READONLY',
  'LOADING',
  'MASTERDOWN',
  'CLUSTERDOWN',
  'TRYAGAIN',
  'Failed to refresh slots cache',
  'None of startup nodes is available',
  'All sentinels are unreachable',
];
const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'ENETUNREACH']);
const OUTAGE_NAMES = new Set(['MaxRetriesPerRequestError', 'ClusterAllFailedError']);

export function isStoreOutage(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { name?: unknown; code?: unknown; message?: unknown };
  if (typeof e.name === 'string' && OUTAGE_NAMES.has(e.name)) return true;
  if (typeof e.code === 'string' && OUTAGE_CODES.has(e.code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return OUTAGE_MESSAGES.some((m) => message.startsWith(m) || message.includes(`${m} `) || message.includes(`${m}.`));
}
