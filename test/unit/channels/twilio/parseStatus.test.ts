import { parseTwilioStatus } from '../../../../src/channels/twilio/parseStatus';
import { BatonError } from '../../../../src/errors';
import { TWILIO_TEST_CONFIG, twilioFixtureParams } from '../../../fixtures/twilio';

const NOW = Date.UTC(2026, 6, 14, 9, 31);
const opts = { accountSid: TWILIO_TEST_CONFIG.accountSid, now: NOW };

describe('parseTwilioStatus', () => {
  it('reports a sent message', () => {
    const params = twilioFixtureParams('statusSent');
    expect(parseTwilioStatus(params, opts)).toEqual([
      { kind: 'status', channel: 'whatsapp', platformMessageId: params.MessageSid, status: 'sent', timestamp: NOW },
    ]);
  });

  it("carries the message its callback URL names (the send's `m` query)", () => {
    const params = twilioFixtureParams('statusSent');
    const query = new URLSearchParams({ m: 'm7.c_mxc8cljt_ab566d6933' });
    expect(parseTwilioStatus(params, { ...opts, query })[0]).toMatchObject({ platformMessageId: params.MessageSid, messageId: 'm7.c_mxc8cljt_ab566d6933' });
  });

  it('ignores an `m` query that is not a message id of ours', () => {
    const query = new URLSearchParams({ m: 'conv:{x}' });
    expect(parseTwilioStatus(twilioFixtureParams('statusSent'), { ...opts, query })[0]).not.toHaveProperty('messageId');
  });

  it('reports a delivered message', () => {
    expect(parseTwilioStatus(twilioFixtureParams('statusDelivered'), opts)[0]?.status).toBe('delivered');
  });

  it('reports a WhatsApp read receipt (EventType=READ)', () => {
    expect(parseTwilioStatus(twilioFixtureParams('statusRead'), opts)[0]?.status).toBe('read');
  });

  it('treats EventType=READ as read even when MessageStatus lags behind', () => {
    const params = { ...twilioFixtureParams('statusRead'), MessageStatus: 'delivered' };
    expect(parseTwilioStatus(params, opts)[0]?.status).toBe('read');
  });

  it('reports a failure with the error code and WhatsApp’s own message', () => {
    const [e] = parseTwilioStatus(twilioFixtureParams('statusFailed63016'), opts);
    expect(e).toMatchObject({
      status: 'failed',
      errorCode: '63016',
      errorMessage:
        'Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.',
    });
  });

  it('reports an undelivered SMS with its error code', () => {
    const [e] = parseTwilioStatus(twilioFixtureParams('statusUndeliveredSms'), opts);
    expect(e).toMatchObject({ status: 'undelivered', errorCode: '30008' });
    expect(e?.errorMessage).toBeUndefined();
  });

  it.each([
    ['accepted', 'queued'],
    ['queued', 'queued'],
    ['sending', 'sending'],
    ['partially_delivered', 'delivered'],
    ['canceled', 'failed'],
  ])('maps status %s to %s', (twilioStatus, status) => {
    const params = { ...twilioFixtureParams('statusSent'), MessageStatus: twilioStatus };
    expect(parseTwilioStatus(params, opts)[0]?.status).toBe(status);
  });

  it.each(['scheduled', 'received', 'receiving', 'teleported'])('ignores status %s without failing', (twilioStatus) => {
    const params = { ...twilioFixtureParams('statusSent'), MessageStatus: twilioStatus };
    expect(parseTwilioStatus(params, opts)).toEqual([]);
  });

  it('refuses a callback without MessageStatus, naming the field', () => {
    const { MessageStatus: _omit, ...params } = twilioFixtureParams('statusSent');
    expect(() => parseTwilioStatus(params, opts)).toThrow(/MessageStatus/);
  });

  it('refuses a callback for another Twilio account', () => {
    const params = { ...twilioFixtureParams('statusSent'), AccountSid: 'AC' + 'f'.repeat(32) };
    let err: unknown;
    try {
      parseTwilioStatus(params, opts);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BatonError);
    expect((err as BatonError).code).toBe('VALIDATION_FAILED');
    expect((err as BatonError).message).toBe('AccountSid does not match TWILIO_ACCOUNT_SID');
  });
});
