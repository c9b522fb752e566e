import { createHmac } from 'node:crypto';
import { signMessengerBody, verifyMessengerSignature } from '../../../../src/channels/messenger/verifySignature';
import { APP_SECRET, rawFixture } from './support';

const hmacHex = (body: string | Buffer, secret: string) => createHmac('sha256', secret).update(body).digest('hex');

describe('verifyMessengerSignature', () => {
  const raw = rawFixture('text');
  const body = Buffer.from(raw, 'utf8');
  const header = `sha256=${hmacHex(body, APP_SECRET)}`;

  it('accepts the HMAC-SHA256 of the raw body keyed with the App Secret', () => {
    expect(verifyMessengerSignature(body, header, APP_SECRET)).toEqual({ ok: true });
  });

  it('accepts an uppercase hex digest', () => {
    expect(verifyMessengerSignature(body, `sha256=${hmacHex(body, APP_SECRET).toUpperCase()}`, APP_SECRET)).toEqual({ ok: true });
  });

  it('rejects a signature made with another secret', () => {
    expect(verifyMessengerSignature(body, `sha256=${hmacHex(body, 'another-secret')}`, APP_SECRET)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects a body changed by one byte', () => {
    const tampered = Buffer.from(raw.replace('Where', 'where'), 'utf8');
    expect(verifyMessengerSignature(tampered, header, APP_SECRET)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('reports a missing header as missing', () => {
    expect(verifyMessengerSignature(body, undefined, APP_SECRET)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyMessengerSignature(body, '', APP_SECRET)).toEqual({ ok: false, reason: 'missing' });
  });

  it('reports a legacy sha1 header or a truncated digest as malformed', () => {
    const sha1 = `sha1=${createHmac('sha1', APP_SECRET).update(body).digest('hex')}`;
    expect(verifyMessengerSignature(body, sha1, APP_SECRET)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyMessengerSignature(body, header.slice(0, -2), APP_SECRET)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('accepts a body signed with any secret of the rotation list', () => {
    const signedWithOld = `sha256=${hmacHex(body, 'previous-secret')}`;
    expect(verifyMessengerSignature(body, signedWithOld, [APP_SECRET, 'previous-secret'])).toEqual({ ok: true });
    expect(verifyMessengerSignature(body, signedWithOld, [APP_SECRET])).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('never accepts anything when the only secret is empty', () => {
    expect(verifyMessengerSignature(body, `sha256=${hmacHex(body, '')}`, '')).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('verifies the exact bytes of a \\uXXXX-escaped Hindi body, which a re-serialising verifier would reject', () => {
    const hindi = rawFixture('text-hindi');
    expect(hindi).toContain('"text":"\\u092e\\u0947\\u0930\\u093e \\u0911\\u0930\\u094d\\u0921\\u0930');
    const signature = signMessengerBody(hindi, APP_SECRET);

    expect(verifyMessengerSignature(Buffer.from(hindi, 'utf8'), signature, APP_SECRET)).toEqual({ ok: true });

    const reserialised = JSON.stringify(JSON.parse(hindi));
    expect(reserialised).toContain('मेरा ऑर्डर'); // same JSON value, different bytes
    expect(verifyMessengerSignature(Buffer.from(reserialised, 'utf8'), signature, APP_SECRET)).toEqual({ ok: false, reason: 'mismatch' });
  });
});

describe('signMessengerBody', () => {
  it('produces the header Meta sends: sha256= and 64 lowercase hex digits', () => {
    expect(signMessengerBody('{}', 'secret')).toBe(`sha256=${hmacHex('{}', 'secret')}`);
    expect(signMessengerBody('{}', 'secret')).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});
