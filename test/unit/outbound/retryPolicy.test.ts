import { backoffMs, nextAttempt, parseRetryAfter, type RetryPolicy } from '../../../src/outbound/retryPolicy';

const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 60_000, windowMs: 15 * 60_000 };
const t0 = Date.UTC(2026, 0, 5, 10, 0, 0);

describe('backoffMs', () => {
  it('doubles with every attempt, between half and all of base·2^(n−1)', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(policy, n, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => backoffMs(policy, n, 0.999999))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffMs(policy, 30, 0.999999)).toBe(60_000);
  });
});

describe('nextAttempt', () => {
  it('schedules the next attempt after the backoff', () => {
    expect(nextAttempt(policy, { attempts: 3, firstFailureAt: t0, now: t0 + 5000, random: 0 })).toEqual({ retry: true, at: t0 + 5000 + 2000 });
  });

  it("waits at least the platform's Retry-After, with at most a tenth more as jitter", () => {
    const d = nextAttempt(policy, { attempts: 1, firstFailureAt: t0, now: t0, retryAfterMs: 5000, random: 0.999 });
    expect(d.retry && d.at - t0).toBeGreaterThanOrEqual(5000);
    expect(d.retry && d.at - t0).toBeLessThanOrEqual(5500);
  });

  it('gives up when the next attempt would fall after the retry window, saying how long it tried', () => {
    const d = nextAttempt(policy, { attempts: 12, firstFailureAt: t0, now: t0 + 14.5 * 60_000, random: 0.5 });
    expect(d).toEqual({ retry: false, reason: 'still failing after 870 s and 12 attempts (retry window 900 s)' });
  });

  it('still retries when the next attempt falls exactly at the end of the window', () => {
    expect(nextAttempt({ ...policy, windowMs: 1000 }, { attempts: 1, firstFailureAt: t0, now: t0, random: 0.999999 }).retry).toBe(true);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds', () => expect(parseRetryAfter('3', t0)).toBe(3000));
  it('reads an HTTP date', () => expect(parseRetryAfter(new Date(t0 + 7000).toUTCString(), t0)).toBe(7000));
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter('soon', t0)).toBeUndefined();
    expect(parseRetryAfter(undefined, t0)).toBeUndefined();
  });
});
