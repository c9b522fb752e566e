import { randomBytes } from 'node:crypto';
import { TWILIO_TEST_CONFIG } from '../fixtures/twilio';

/** A Twilio voice webhook body as Twilio posts it when a call comes in (the fields of a real request). */
export function voiceCallBody(opts: { from: string; callSid?: string; digits?: string }): string {
  const params = new URLSearchParams({
    AccountSid: TWILIO_TEST_CONFIG.accountSid,
    ApiVersion: '2010-04-01',
    CallSid: opts.callSid ?? `CA${randomBytes(16).toString('hex')}`,
    CallStatus: opts.digits === undefined ? 'ringing' : 'in-progress',
    Called: '+14155238886',
    CalledCountry: 'US',
    Caller: opts.from,
    Direction: 'inbound',
    From: opts.from,
    To: '+14155238886',
    ToCountry: 'US',
  });
  if (opts.digits !== undefined) {
    params.set('Digits', opts.digits);
    params.set('FinishedOnKey', '');
  }
  return params.toString();
}

/** The Gather action URL of an offer TwiML (XML-unescaped). */
export function gatherActionOf(twiml: string): string {
  const m = /<Gather[^>]* action="([^"]+)"/.exec(twiml);
  if (!m) throw new Error(`no Gather action in ${twiml}`);
  return m[1]!.replace(/&amp;/g, '&');
}
