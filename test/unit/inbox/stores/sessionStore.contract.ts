import { SessionStore, sessionKeys, tokenDigest } from '../../../../src/inbox/auth/sessionStore';
import { withHarness, type MakeHarness } from './harness';

export function sessionStoreContract(make: MakeHarness): void {
  const h = withHarness(make);
  let now = 1_700_000_000_000;
  const store = () => new SessionStore(h().client, { ttlHours: 12, now: () => now });
  beforeEach(() => {
    now = 1_700_000_000_000;
  });

  test('issues a 32-byte base64url token expiring after the configured hours', async () => {
    const s = await store().create('ag_1');
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.expiresAt).toBe(now + 12 * 3600_000);
    expect(await store().resolve(s.token)).toEqual({ agentId: 'ag_1', expiresAt: s.expiresAt });
  });

  test('keeps only the sha256 of the token, with a Redis expiry', async () => {
    const s = await store().create('ag_1');
    expect(await h().client.exists(sessionKeys.session(s.token))).toBe(0);
    expect(await h().client.exists(sessionKeys.session(tokenDigest(s.token)))).toBe(1);
    const ttl = await h().client.pttl(sessionKeys.session(tokenDigest(s.token)));
    expect(ttl).toBeGreaterThan(11 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(12 * 3600_000);
  });

  test('does not resolve unknown or malformed tokens', async () => {
    expect(await store().resolve('A'.repeat(43))).toBeNull();
    expect(await store().resolve('not a token')).toBeNull();
  });

  test('does not resolve a session past its expiry', async () => {
    const s = await store().create('ag_1');
    now += 12 * 3600_000;
    expect(await store().resolve(s.token)).toBeNull();
  });

  test('revokes one session', async () => {
    const a = await store().create('ag_1');
    const b = await store().create('ag_1');
    await store().revoke(a.token);
    expect(await store().resolve(a.token)).toBeNull();
    expect(await store().resolve(b.token)).not.toBeNull();
  });

  test("revokes all of one agent's sessions and no one else's", async () => {
    const a = await store().create('ag_1');
    const b = await store().create('ag_1');
    const other = await store().create('ag_2');
    expect(await store().revokeAll('ag_1')).toBe(2);
    expect(await store().resolve(a.token)).toBeNull();
    expect(await store().resolve(b.token)).toBeNull();
    expect(await store().resolve(other.token)).not.toBeNull();
  });
}
