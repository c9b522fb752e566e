/**
 * When to try a failed send again: exponential backoff with full jitter, Retry-After honoured, for
 * at most the retry window counted from the first failure (pure; the clock and the dice are given).
 */

export interface RetryPolicy {
  /** The first retry waits up to this long (before jitter). */
  baseDelayMs: number;
  /** No single wait is longer than this (unless the platform's Retry-After asks for more). */
  maxDelayMs: number;
  /** Give up when the next attempt would fall later than this after the first failure. */
  windowMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 60_000, windowMs: 15 * 60_000 };

export interface RetryInput {
  /** Attempts made so far (1 after the first failure). */
  attempts: number;
  /** When the first attempt of this message failed (ms). */
  firstFailureAt: number;
  now: number;
  /** The platform's Retry-After, in ms, when it sent one. */
  retryAfterMs?: number;
  /** A number in [0, 1) (Math.random in production). */
  random: number;
}

export type RetryDecision = { retry: true; at: number } | { retry: false; reason: string };

/** The wait before attempt `attempts + 1`: random in [half, full] of base·2^(attempts−1), capped. */
export function backoffMs(policy: RetryPolicy, attempts: number, random: number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + (exp / 2) * random);
}

export function nextAttempt(policy: RetryPolicy, input: RetryInput): RetryDecision {
  const backoff = backoffMs(policy, input.attempts, input.random);
  // Retry-After is a floor: never earlier than the platform asked, with a little jitter on top so a
  // burst of throttled sends does not come back in the same millisecond.
  const wait = input.retryAfterMs !== undefined ? input.retryAfterMs + Math.round(Math.min(1000, input.retryAfterMs / 10) * input.random) : backoff;
  const at = input.now + wait;
  const deadline = input.firstFailureAt + policy.windowMs;
  if (at > deadline) {
    return { retry: false, reason: `still failing after ${Math.round((input.now - input.firstFailureAt) / 1000)} s and ${input.attempts} attempts (retry window ${Math.round(policy.windowMs / 1000)} s)` };
  }
  return { retry: true, at };
}

/** Retry-After as sent by HTTP servers: seconds, or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
