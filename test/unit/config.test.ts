import { parseConfig } from '../../src/config';

const twilio = {
  TWILIO_ACCOUNT_SID: 'AC' + 'a'.repeat(32),
  TWILIO_AUTH_TOKEN: 'secret-token',
  TWILIO_WHATSAPP_NUMBER: 'whatsapp:+14155238886',
};

describe('parseConfig', () => {
  test('starts with no environment at all, on defaults', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ port: 3000, publicUrl: 'http://localhost:3000', intentsDir: './intents', twilio: null, messenger: null });
    expect(c.redisUrl).toBeUndefined();
  });

  test('treats empty strings as unset', () => {
    const c = parseConfig({ PORT: '', REDIS_URL: '', TWILIO_API_URL: '' });
    expect(c.port).toBe(3000);
    expect(c.redisUrl).toBeUndefined();
  });

  test('enables the Twilio channel only when all its credentials are set', () => {
    expect(parseConfig(twilio).twilio).toMatchObject({ accountSid: twilio.TWILIO_ACCOUNT_SID, apiUrl: 'https://api.twilio.com' });
    const partial = parseConfig({ ...twilio, TWILIO_AUTH_TOKEN: undefined });
    expect(partial.twilio).toBeNull();
    expect(partial.twilioMissing).toEqual(['TWILIO_AUTH_TOKEN']);
  });

  test('accepts a WhatsApp number without the whatsapp: prefix and adds it', () => {
    expect(parseConfig({ ...twilio, TWILIO_WHATSAPP_NUMBER: '+14155238886' }).twilio!.whatsappNumber).toBe('whatsapp:+14155238886');
  });

  test('enables Messenger only with app secret, verify token and page token', () => {
    const c = parseConfig({ META_APP_SECRET: 's', META_VERIFY_TOKEN: 'v', META_PAGE_ACCESS_TOKEN: 'p' });
    expect(c.messenger).toMatchObject({ graphUrl: 'https://graph.facebook.com', graphVersion: 'v21.0' });
    expect(parseConfig({ META_APP_SECRET: 's' }).messengerMissing).toEqual(['META_VERIFY_TOKEN', 'META_PAGE_ACCESS_TOKEN']);
  });

  test('enables the WhatsApp Cloud API only with phone number id, access token, app secret and verify token', () => {
    const meta = { META_APP_SECRET: 's', META_VERIFY_TOKEN: 'v' };
    const c = parseConfig({ ...meta, WHATSAPP_CLOUD_PHONE_NUMBER_ID: '106540352242922', WHATSAPP_CLOUD_ACCESS_TOKEN: 't' });
    expect(c.whatsappCloud).toMatchObject({ phoneNumberId: '106540352242922', graphUrl: 'https://graph.facebook.com', graphVersion: 'v21.0' });
    expect(parseConfig({ ...meta, WHATSAPP_CLOUD_ACCESS_TOKEN: 't' }).whatsappCloudMissing).toEqual(['WHATSAPP_CLOUD_PHONE_NUMBER_ID']);
    expect(() => parseConfig({ WHATSAPP_CLOUD_PHONE_NUMBER_ID: '+1 555 0100' })).toThrow(/WHATSAPP_CLOUD_PHONE_NUMBER_ID must be the digits/);
  });

  test('enables Instagram with its access token and the shared app secret and verify token', () => {
    expect(parseConfig({ META_APP_SECRET: 's', META_VERIFY_TOKEN: 'v', INSTAGRAM_ACCESS_TOKEN: 'i' }).instagram).toMatchObject({ accessToken: 'i' });
    expect(parseConfig({ INSTAGRAM_ACCESS_TOKEN: 'i' }).instagramMissing).toEqual(['META_APP_SECRET', 'META_VERIFY_TOKEN']);
  });

  test('accepts a Cloud API template with a name and language and no Twilio ContentSid', () => {
    const c = parseConfig({ WHATSAPP_TEMPLATES: JSON.stringify({ order_update: { language: 'en_US', variables: ['1'] } }) });
    expect(c.whatsappTemplates.order_update).toEqual({ language: 'en_US', variables: ['1'] });
    expect(() => parseConfig({ WHATSAPP_TEMPLATES: JSON.stringify({ order_update: { language: 'English' } }) })).toThrow(/language must be a WhatsApp language code/);
  });

  test.each([
    ['PUBLIC_URL', 'not a url'],
    ['TWILIO_API_URL', 'ftp://example.com'],
    ['REDIS_URL', 'localhost:6379'],
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['TWILIO_WHATSAPP_NUMBER', '12345'],
    ['TWILIO_ACCOUNT_SID', 'ACshort'],
    ['META_GRAPH_VERSION', '21'],
    ['LOG_LEVEL', 'loud'],
    ['NLU_ANSWER_THRESHOLD', '1.5'],
  ])('refuses a malformed %s with a message naming it', (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  test('refuses a clarify threshold above the answer threshold', () => {
    expect(() => parseConfig({ NLU_ANSWER_THRESHOLD: '0.4', NLU_CLARIFY_THRESHOLD: '0.6' })).toThrow(/NLU_CLARIFY_THRESHOLD/);
  });

  test('strips a trailing slash from base URLs so paths join cleanly', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://baton.example.com/' }).publicUrl).toBe('https://baton.example.com');
  });

  test('turns the sandbox off in production unless asked for', () => {
    expect(parseConfig({ NODE_ENV: 'production' }).sandboxEnabled).toBe(false);
    expect(parseConfig({ NODE_ENV: 'production', SANDBOX_ENABLED: 'true' }).sandboxEnabled).toBe(true);
    expect(parseConfig({}).sandboxEnabled).toBe(true);
  });
});
