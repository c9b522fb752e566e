import { constantTimeEqual } from './constantTimeEqual';

export type ChallengeCheck =
  | { ok: true; challenge: string }
  | { ok: false; reason: 'not_subscribe' | 'token_mismatch' | 'challenge_missing' };

/** Query parameters as Express (or URLSearchParams turned into an object) hands them over. */
export type ChallengeQuery = Record<string, unknown>;

const MAX_CHALLENGE_LENGTH = 512;

function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Meta's subscription handshake: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`.
 * Passes only when the mode is `subscribe` and the token equals META_VERIFY_TOKEN (constant-time);
 * the caller then answers 200 with the bare challenge.
 */
export function verifyMessengerChallenge(query: ChallengeQuery, verifyToken: string): ChallengeCheck {
  if (single(query['hub.mode']) !== 'subscribe') return { ok: false, reason: 'not_subscribe' };
  const token = single(query['hub.verify_token']);
  if (token === undefined || verifyToken === '' || !constantTimeEqual(token, verifyToken)) {
    return { ok: false, reason: 'token_mismatch' };
  }
  const challenge = single(query['hub.challenge']);
  if (challenge === undefined || challenge === '' || challenge.length > MAX_CHALLENGE_LENGTH) {
    return { ok: false, reason: 'challenge_missing' };
  }
  return { ok: true, challenge };
}
