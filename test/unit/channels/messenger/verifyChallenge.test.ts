import { verifyMessengerChallenge } from '../../../../src/channels/messenger/verifyChallenge';

const TOKEN = 'baton-verify-7Qk2';

describe('verifyMessengerChallenge', () => {
  it('returns the bare challenge when mode is subscribe and the token matches', () => {
    expect(
      verifyMessengerChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': TOKEN, 'hub.challenge': '1158201444' }, TOKEN),
    ).toEqual({ ok: true, challenge: '1158201444' });
  });

  it('refuses a wrong verify token', () => {
    expect(
      verifyMessengerChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' }, TOKEN),
    ).toEqual({ ok: false, reason: 'token_mismatch' });
  });

  it('refuses a token that is only a prefix of the right one', () => {
    expect(
      verifyMessengerChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': TOKEN.slice(0, -1), 'hub.challenge': '1' }, TOKEN),
    ).toEqual({ ok: false, reason: 'token_mismatch' });
  });

  it('refuses a mode other than subscribe', () => {
    expect(
      verifyMessengerChallenge({ 'hub.mode': 'unsubscribe', 'hub.verify_token': TOKEN, 'hub.challenge': '1' }, TOKEN),
    ).toEqual({ ok: false, reason: 'not_subscribe' });
  });

  it('refuses repeated parameters (arrays) instead of picking one', () => {
    expect(
      verifyMessengerChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': [TOKEN, TOKEN], 'hub.challenge': '1' }, TOKEN),
    ).toEqual({ ok: false, reason: 'token_mismatch' });
  });

  it('refuses a missing challenge', () => {
    expect(verifyMessengerChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': TOKEN }, TOKEN)).toEqual({
      ok: false,
      reason: 'challenge_missing',
    });
  });

  it('refuses everything when no verify token is configured', () => {
    expect(verifyMessengerChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '1' }, '')).toEqual({
      ok: false,
      reason: 'token_mismatch',
    });
  });
});
