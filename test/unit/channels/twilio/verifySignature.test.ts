import twilio from 'twilio';
import {
  computeTwilioSignature,
  isValidTwilioSignature,
  twilioSignedUrlCandidates,
} from '../../../../src/channels/twilio/verifySignature';
import { TWILIO_FIXTURES, TWILIO_TEST_CONFIG, twilioFixtureParams, type TwilioFixtureName } from '../../../fixtures/twilio';

// The official vector from twilio-node's spec/validation.spec.js (protocols.md §1.2).
const TOKEN = '12345';
const URL_ = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
};
const EXPECTED = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

describe('computeTwilioSignature', () => {
  it('reproduces the official test vector', () => {
    expect(computeTwilioSignature(TOKEN, URL_, PARAMS)).toBe(EXPECTED);
  });

  it('does not depend on the order the parameters arrive in', () => {
    const reversed = Object.fromEntries(Object.entries(PARAMS).reverse());
    expect(computeTwilioSignature(TOKEN, URL_, reversed)).toBe(EXPECTED);
  });

  it('signs array values de-duplicated and sorted, like twilio-node', () => {
    const params = { MediaUrl: ['https://b.example/2', 'https://a.example/1', 'https://b.example/2'], Body: 'x' };
    expect(computeTwilioSignature(TOKEN, URL_, params)).toBe(twilio.getExpectedTwilioSignature(TOKEN, URL_, params));
    expect(computeTwilioSignature(TOKEN, URL_, params)).toBe(
      computeTwilioSignature(TOKEN, URL_, { Body: 'x', MediaUrl: ['https://a.example/1', 'https://b.example/2'] }),
    );
  });

  it('hashes non-ASCII values as UTF-8, like twilio-node', () => {
    const params = { Body: 'दुकान कब खुलती है؟ آپ کی دکان', ProfileName: 'عائشہ' };
    expect(computeTwilioSignature(TOKEN, URL_, params)).toBe(twilio.getExpectedTwilioSignature(TOKEN, URL_, params));
  });

  it('sorts names byte-wise and case-sensitively (upper case before lower case)', () => {
    const params = { b: '1', B: '2', a: '3' };
    const manual = require('node:crypto').createHmac('sha1', TOKEN).update(`${URL_}B2a3b1`).digest('base64');
    expect(computeTwilioSignature(TOKEN, URL_, params)).toBe(manual);
  });
});

describe('isValidTwilioSignature', () => {
  const valid = { authToken: TOKEN, signature: EXPECTED, url: URL_, params: PARAMS };

  it('accepts the official test vector', () => {
    expect(isValidTwilioSignature(valid)).toBe(true);
  });

  it('rejects a tampered parameter value', () => {
    expect(isValidTwilioSignature({ ...valid, params: { ...PARAMS, Digits: '1235' } })).toBe(false);
  });

  it('rejects an added parameter', () => {
    expect(isValidTwilioSignature({ ...valid, params: { ...PARAMS, Extra: '' } })).toBe(false);
  });

  it('rejects a different URL', () => {
    expect(isValidTwilioSignature({ ...valid, url: 'https://mycompany.com/myapp.php?foo=1&bar=3' })).toBe(false);
  });

  it('rejects the right signature under the wrong auth token', () => {
    expect(isValidTwilioSignature({ ...valid, authToken: '54321' })).toBe(false);
  });

  it('rejects a missing, empty or truncated signature', () => {
    expect(isValidTwilioSignature({ ...valid, signature: undefined })).toBe(false);
    expect(isValidTwilioSignature({ ...valid, signature: '' })).toBe(false);
    expect(isValidTwilioSignature({ ...valid, signature: EXPECTED.slice(0, -1) })).toBe(false);
  });

  it('never verifies with an empty auth token', () => {
    const sig = computeTwilioSignature('', URL_, PARAMS);
    expect(isValidTwilioSignature({ ...valid, authToken: '', signature: sig })).toBe(false);
  });

  it('accepts a request signed with the default port when received without it', () => {
    const sig = computeTwilioSignature(TOKEN, 'https://mycompany.com:443/myapp.php?foo=1&bar=2', PARAMS);
    expect(isValidTwilioSignature({ ...valid, signature: sig })).toBe(true);
  });

  it('accepts a request signed without the port when received with it', () => {
    expect(isValidTwilioSignature({ ...valid, url: 'https://mycompany.com:443/myapp.php?foo=1&bar=2' })).toBe(true);
  });

  it('accepts a request whose query string Twilio signed in the legacy querystring encoding', () => {
    const received = 'https://mycompany.com/myapp.php?ids[]=1|2';
    const legacy = 'https://mycompany.com/myapp.php?ids%5B%5D=1%7C2';
    const sig = computeTwilioSignature(TOKEN, legacy, PARAMS);
    expect(isValidTwilioSignature({ ...valid, url: received, signature: sig })).toBe(true);
    expect(twilio.validateRequest(TOKEN, sig, received, PARAMS)).toBe(true);
  });

  it('ignores a connection-override fragment, which Twilio leaves out of the signed URL', () => {
    expect(isValidTwilioSignature({ ...valid, url: `${URL_}#rc=3&rp=5xx` })).toBe(true);
  });

  it('accepts a request whose URL Twilio signed WHATWG-normalised (quote escaped)', () => {
    const sig = computeTwilioSignature(TOKEN, 'https://mycompany.com/myapp.php?n=O%27B', PARAMS);
    expect(isValidTwilioSignature({ ...valid, url: "https://mycompany.com/myapp.php?n=O'B", signature: sig })).toBe(true);
  });

  it('lists the URL forms Twilio may have signed, as received first', () => {
    expect(twilioSignedUrlCandidates('http://example.com:8080/hook?a=1')).toEqual([
      'http://example.com/hook?a=1',
      'http://example.com:8080/hook?a=1',
    ]);
  });

  it.each(Object.keys(TWILIO_FIXTURES) as TwilioFixtureName[])('agrees with twilio.validateRequest on fixture %s', (name) => {
    const params = twilioFixtureParams(name);
    const url = 'https://baton.example.com/webhooks/twilio/status?trace=a%20b';
    const sig = twilio.getExpectedTwilioSignature(TWILIO_TEST_CONFIG.authToken, url, params);
    expect(isValidTwilioSignature({ authToken: TWILIO_TEST_CONFIG.authToken, signature: sig, url, params })).toBe(true);
    const forged = { ...params, Body: 'forged' };
    expect(isValidTwilioSignature({ authToken: TWILIO_TEST_CONFIG.authToken, signature: sig, url, params: forged })).toBe(
      twilio.validateRequest(TWILIO_TEST_CONFIG.authToken, sig, url, forged),
    );
  });
});
