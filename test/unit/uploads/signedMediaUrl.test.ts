import { signMediaUrl, verifyMediaUrl } from '../../../src/uploads/signedMediaUrl';

const SECRET = 'a-media-secret-of-32-characters!';
const FILE = `up_lq2x9a1b_${'a'.repeat(20)}.png`;
const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);

function parts(url: string): { file: string; expires: string; sig: string } {
  const u = new URL(url);
  return { file: decodeURIComponent(u.pathname.split('/').pop()!), expires: u.searchParams.get('expires')!, sig: u.searchParams.get('sig')! };
}

describe('signed media links', () => {
  const url = signMediaUrl({ publicUrl: 'https://desk.example', secret: SECRET, file: FILE, expiresAtMs: NOW + 600_000 });

  test('point at /media/<file> on PUBLIC_URL and are accepted before they expire', () => {
    expect(url.startsWith(`https://desk.example/media/${FILE}?expires=`)).toBe(true);
    expect(verifyMediaUrl({ secret: SECRET, ...parts(url), nowMs: NOW })).toEqual({ ok: true });
  });

  test('are refused as expired once their time has passed', () => {
    expect(verifyMediaUrl({ secret: SECRET, ...parts(url), nowMs: NOW + 601_000 })).toEqual({ ok: false, reason: 'expired' });
  });

  test('are refused as invalid when the expiry was pushed back', () => {
    const p = parts(url);
    expect(verifyMediaUrl({ secret: SECRET, ...p, expires: String(Number(p.expires) + 3600), nowMs: NOW + 601_000 })).toEqual({ ok: false, reason: 'invalid' });
  });

  test('are refused as invalid for another file, another secret, or a changed signature', () => {
    const p = parts(url);
    expect(verifyMediaUrl({ secret: SECRET, ...p, file: FILE.replace('.png', '.pdf'), nowMs: NOW }).ok).toBe(false);
    expect(verifyMediaUrl({ secret: 'another-secret-of-32-characters!', ...p, nowMs: NOW }).ok).toBe(false);
    expect(verifyMediaUrl({ secret: SECRET, ...p, sig: `${p.sig.slice(0, -1)}${p.sig.endsWith('A') ? 'B' : 'A'}`, nowMs: NOW }).ok).toBe(false);
    expect(verifyMediaUrl({ secret: SECRET, ...p, sig: undefined, nowMs: NOW }).ok).toBe(false);
    expect(verifyMediaUrl({ secret: SECRET, ...p, expires: ['1', '2'], nowMs: NOW }).ok).toBe(false);
  });
});
