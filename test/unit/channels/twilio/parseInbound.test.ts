import { parseTwilioInbound } from '../../../../src/channels/twilio/parseInbound';
import { BatonError } from '../../../../src/errors';
import { TWILIO_TEST_CONFIG, twilioFixtureParams } from '../../../fixtures/twilio';

const NOW = Date.UTC(2026, 6, 14, 9, 30);
const opts = { accountSid: TWILIO_TEST_CONFIG.accountSid, now: NOW };
const parseOne = (params: Record<string, string | string[]>) => {
  const events = parseTwilioInbound(params, opts);
  expect(events).toHaveLength(1);
  return events[0]!;
};

function validationError(fn: () => unknown): BatonError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BatonError);
    return err as BatonError;
  }
  throw new Error('expected a VALIDATION_FAILED error');
}

describe('parseTwilioInbound', () => {
  it('turns a WhatsApp text message into one answerable customer message', () => {
    const params = twilioFixtureParams('whatsappText');
    expect(parseOne(params)).toEqual({
      kind: 'message',
      channel: 'whatsapp',
      customerAddress: 'whatsapp:+919876543210',
      platformMessageId: params.MessageSid,
      timestamp: NOW,
      author: 'customer',
      text: 'What time does the store open?',
      media: [],
      profileName: 'Asha Verma',
      platformUserId: '919876543210',
      answerable: true,
      extra: { messageType: 'text', externalUserId: 'whatsapp:ID.1349028847311523' },
    });
  });

  it('keeps Hindi text and a Devanagari profile name intact', () => {
    const e = parseOne(twilioFixtureParams('whatsappTextHindi'));
    expect(e.text).toBe('नमस्ते, दुकान कितने बजे खुलती है?');
    expect(e.profileName).toBe('आशा शर्मा');
  });

  it('keeps Urdu text and an Arabic-script profile name intact', () => {
    const e = parseOne(twilioFixtureParams('whatsappTextUrdu'));
    expect(e.text).toBe('السلام علیکم، آپ کی دکان کب کھلتی ہے؟');
    expect(e.profileName).toBe('عائشہ خان');
    expect(e.platformUserId).toBe('923001234567');
  });

  it('reads a WhatsApp image with its caption', () => {
    const params = twilioFixtureParams('whatsappImage');
    const e = parseOne(params);
    expect(e.text).toBe('The box arrived damaged');
    expect(e.media).toEqual([{ url: params.MediaUrl0, contentType: 'image/jpeg', kind: 'image' }]);
  });

  it('reads every media item of an MMS, in order, with its kind', () => {
    const params = twilioFixtureParams('mmsTwoImages');
    const e = parseOne(params);
    expect(e.media).toEqual([
      { url: params.MediaUrl0, contentType: 'image/jpeg', kind: 'image' },
      { url: params.MediaUrl1, contentType: 'image/png', kind: 'image' },
    ]);
    expect(e.text).toBeUndefined();
  });

  it('reads a shared location with address and label', () => {
    const e = parseOne(twilioFixtureParams('whatsappLocation'));
    expect(e.location).toEqual({
      latitude: 28.6139391,
      longitude: 77.2090212,
      address: 'Rajpath, New Delhi, Delhi 110001',
      label: 'India Gate',
    });
    expect(e.text).toBeUndefined();
  });

  it('ignores a location whose coordinates are not numbers', () => {
    const params = { ...twilioFixtureParams('whatsappLocation'), Latitude: 'north', Longitude: '77.2' };
    expect(parseOne(params).location).toBeUndefined();
  });

  it('turns a button tap into its text and payload, and keeps the replied-to sid', () => {
    const params = twilioFixtureParams('whatsappButton');
    const e = parseOne(params);
    expect(e.text).toBe('Store hours');
    expect(e.payload).toBe('intent:store_hours');
    expect(e.replyToPlatformId).toBe(params.OriginalRepliedMessageSid);
    expect(e.extra?.originalRepliedMessageSender).toBe('whatsapp:+14155238886');
  });

  it('uses ButtonText as the text when Body is empty', () => {
    const params = { ...twilioFixtureParams('whatsappButton'), Body: '' };
    expect(parseOne(params).text).toBe('Store hours');
  });

  it('keeps Click-to-WhatsApp referral fields and the forwarded flag in extra', () => {
    const e = parseOne(twilioFixtureParams('whatsappReferralForwarded'));
    expect(e.text).toBe('Hi! I saw your ad & want the 20% offer');
    expect(e.extra).toMatchObject({
      forwarded: 'true',
      referralSourceType: 'ad',
      referralSourceId: '120208561234567890',
      referralSourceUrl: 'https://fb.me/3abcDEF12',
      referralHeadline: 'Monsoon sale: 20% off',
      referralBody: 'Tap to chat with us on WhatsApp',
      referralMediaId: '1187654321098765',
      referralMediaContentType: 'image/jpeg',
      referralMediaUrl: 'https://scontent.xx.fbcdn.net/v/t45.1600-4/ad.jpg?stp=dst-jpg&_nc_cat=1',
    });
  });

  it('leaves out the ReferralNumMedia=0 that comes with every message', () => {
    expect(parseOne(twilioFixtureParams('whatsappText')).extra).not.toHaveProperty('referralNumMedia');
  });

  it('keeps an SMS on channel whatsapp, addressed by the bare number and marked transport sms', () => {
    const e = parseOne(twilioFixtureParams('smsText'));
    expect(e.channel).toBe('whatsapp');
    expect(e.customerAddress).toBe('+14155550123');
    expect(e.extra?.transport).toBe('sms');
    expect(e.text).toBe('Hi, has my order #4521 shipped yet?');
    expect(e.platformUserId).toBeUndefined();
  });

  it('does not mark WhatsApp messages as SMS', () => {
    expect(parseOne(twilioFixtureParams('whatsappText')).extra?.transport).toBeUndefined();
  });

  it('falls back to ExternalUserId when WaId is absent (username users, protocols.md §3.4)', () => {
    const { WaId: _omit, ...params } = twilioFixtureParams('whatsappText');
    expect(parseOne(params).platformUserId).toBe('whatsapp:ID.1349028847311523');
  });

  it('accepts fields Twilio adds without notice', () => {
    const params = { ...twilioFixtureParams('whatsappText'), ChannelMetadata: '{"type":"whatsapp"}', BrandNewField: 'x' };
    expect(parseOne(params).text).toBe('What time does the store open?');
  });

  it.each(['MessageSid', 'From', 'To', 'AccountSid'])('refuses a message without %s, naming the field', (field) => {
    const params = { ...twilioFixtureParams('whatsappText') };
    delete params[field];
    const err = validationError(() => parseTwilioInbound(params, opts));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toContain(field);
  });

  it('refuses a field posted twice where one value is expected', () => {
    const params = { ...twilioFixtureParams('whatsappText'), MessageSid: ['SMa', 'SMb'] };
    const err = validationError(() => parseTwilioInbound(params, opts));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toContain('MessageSid');
  });

  it('refuses a webhook for another Twilio account', () => {
    const params = { ...twilioFixtureParams('whatsappText'), AccountSid: 'AC' + '1'.repeat(32) };
    const err = validationError(() => parseTwilioInbound(params, opts));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toBe('AccountSid does not match TWILIO_ACCOUNT_SID');
  });

  it('refuses a NumMedia that is not a number', () => {
    const params = { ...twilioFixtureParams('whatsappText'), NumMedia: 'two' };
    expect(validationError(() => parseTwilioInbound(params, opts)).message).toContain('NumMedia');
  });
});
