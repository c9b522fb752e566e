import { clearedSessionCookie, parseCookies, sessionCookie } from '../../../../src/inbox/auth/cookies';

describe('session cookie', () => {
  test('parses a Cookie header into names and decoded values', () => {
    expect(parseCookies('a=1; baton_session=abc%2Ddef; theme="dark"')).toEqual({ a: '1', baton_session: 'abc-def', theme: 'dark' });
  });

  test('keeps the first of two cookies with one name and skips malformed pairs', () => {
    expect(parseCookies('x=1; junk; =2; x=3; y=%E0%A4')).toEqual({ x: '1', y: '%E0%A4' });
  });

  test('answers nothing for a missing header', () => {
    expect(parseCookies(undefined)).toEqual({});
  });

  test('is httpOnly, SameSite=Strict, on every path, and Secure over https', () => {
    expect(sessionCookie('tok', 3600, true)).toBe('baton_session=tok; HttpOnly; SameSite=Strict; Path=/; Max-Age=3600; Secure');
    expect(sessionCookie('tok', 3600, false)).not.toContain('Secure');
  });

  test('clears with an empty value and Max-Age=0', () => {
    expect(clearedSessionCookie(false)).toBe('baton_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
  });
});
