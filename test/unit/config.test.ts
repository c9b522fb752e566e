import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { parseConfig, usesEmbeddedStore } from '../../src/config';

const twilio = {
  TWILIO_ACCOUNT_SID: 'AC' + 'a'.repeat(32),
  TWILIO_AUTH_TOKEN: '9f8e7d6c5b4a39281716f5e4d3c2b1a0',
  TWILIO_WHATSAPP_NUMBER: 'whatsapp:+14155238886',
};

const meta = {
  META_APP_SECRET: 'a3f1c9e5b7d2468090ab12cd34ef5678',
  META_VERIFY_TOKEN: 'baton-verify-7Qk2',
  META_PAGE_ACCESS_TOKEN: 'EAAGtestPageToken123',
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
    const c = parseConfig(meta);
    expect(c.messenger).toMatchObject({ graphUrl: 'https://graph.facebook.com', graphVersion: 'v21.0' });
    expect(parseConfig({ META_APP_SECRET: meta.META_APP_SECRET }).messengerMissing).toEqual(['META_VERIFY_TOKEN', 'META_PAGE_ACCESS_TOKEN']);
  });

  test('enables the WhatsApp Cloud API only with phone number id, access token, app secret and verify token', () => {
    const meta = { META_APP_SECRET: 'app-secret-0123456789abcdef', META_VERIFY_TOKEN: 'verify-token-0123456789' };
    const c = parseConfig({ ...meta, WHATSAPP_CLOUD_PHONE_NUMBER_ID: '106540352242922', WHATSAPP_CLOUD_ACCESS_TOKEN: 'EAAG-cloud-token-0123456789' });
    expect(c.whatsappCloud).toMatchObject({ phoneNumberId: '106540352242922', graphUrl: 'https://graph.facebook.com', graphVersion: 'v21.0' });
    expect(parseConfig({ ...meta, WHATSAPP_CLOUD_ACCESS_TOKEN: 'EAAG-cloud-token-0123456789' }).whatsappCloudMissing).toEqual(['WHATSAPP_CLOUD_PHONE_NUMBER_ID']);
    expect(() => parseConfig({ WHATSAPP_CLOUD_PHONE_NUMBER_ID: '+1 555 0100' })).toThrow(/WHATSAPP_CLOUD_PHONE_NUMBER_ID must be the digits/);
  });

  test('enables Instagram with its access token and the shared app secret and verify token', () => {
    const token = 'EAAG-instagram-token-0123456789';
    expect(parseConfig({ META_APP_SECRET: 'app-secret-0123456789abcdef', META_VERIFY_TOKEN: 'verify-token-0123456789', INSTAGRAM_ACCESS_TOKEN: token }).instagram).toMatchObject({ accessToken: token });
    expect(parseConfig({ INSTAGRAM_ACCESS_TOKEN: token }).instagramMissing).toEqual(['META_APP_SECRET', 'META_VERIFY_TOKEN']);
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
    ['DEFAULT_PHONE_REGION', 'India'],
    ['DEFAULT_PHONE_REGION', 'XX'],
  ])('refuses a malformed %s with a message naming it', (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  test('reads phone numbers without a country code as Indian unless DEFAULT_PHONE_REGION says otherwise', () => {
    expect(parseConfig({}).facts.phoneRegion).toBe('IN');
    expect(parseConfig({ DEFAULT_PHONE_REGION: 'np' }).facts.phoneRegion).toBe('NP');
  });

  test('cuts the dashboard days in UTC unless DASHBOARD_TIME_ZONE names another zone', () => {
    expect(parseConfig({}).dashboardTimeZone).toBe('UTC');
    expect(parseConfig({ DASHBOARD_TIME_ZONE: 'Asia/Kathmandu' }).dashboardTimeZone).toBe('Asia/Kathmandu');
  });

  test('refuses a DASHBOARD_TIME_ZONE that is not a time zone, saying what to write', () => {
    expect(() => parseConfig({ DASHBOARD_TIME_ZONE: 'Nepal/Pokhara' })).toThrow(/DASHBOARD_TIME_ZONE must be an IANA time zone such as UTC, Asia\/Kathmandu/);
  });

  test('refuses a clarify threshold above the answer threshold', () => {
    expect(() => parseConfig({ NLU_ANSWER_THRESHOLD: '0.4', NLU_CLARIFY_THRESHOLD: '0.6' })).toThrow(/NLU_CLARIFY_THRESHOLD/);
  });

  test('strips a trailing slash from base URLs so paths join cleanly', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://baton.example.com/' }).publicUrl).toBe('https://baton.example.com');
  });

  test('turns the sandbox off in production unless asked for', () => {
    const production = { NODE_ENV: 'production', REDIS_URL: 'redis://127.0.0.1:6379' };
    expect(parseConfig(production).sandboxEnabled).toBe(false);
    expect(parseConfig({ ...production, SANDBOX_ENABLED: 'true' }).sandboxEnabled).toBe(true);
    expect(parseConfig({}).sandboxEnabled).toBe(true);
  });

  test('treats an empty PUBLIC_URL, as .env.example ships it, as unset', () => {
    const c = parseConfig({ PUBLIC_URL: '', PORT: '4000' });
    expect(c.publicUrl).toBe('http://localhost:4000');
    expect(c.publicUrlIsDefault).toBe(true);
  });

  test('treats every empty variable of .env.example as unset and starts', () => {
    const example = readFileSync(path.join(__dirname, '../../.env.example'), 'utf8');
    expect(() => parseConfig(parseEnv(example) as NodeJS.ProcessEnv)).not.toThrow();
  });

  test.each(['TWILIO_AUTH_TOKEN', 'META_APP_SECRET', 'META_VERIFY_TOKEN', 'META_PAGE_ACCESS_TOKEN', 'FULFILLMENT_SECRET', 'METRICS_TOKEN', 'MEDIA_URL_SECRET'])(
    'refuses a %s shorter than 16 characters, naming it',
    (name) => {
      expect(() => parseConfig({ [name]: 'x' })).toThrow(new RegExp(`${name}: ${name} is too short`));
      expect(() => parseConfig({ [name]: 'fifteen-chars-x' })).toThrow(new RegExp(name));
      expect(() => parseConfig({ [name]: 'sixteen-chars-xy' })).not.toThrow();
    },
  );

  test.each(['TWILIO_AUTH_TOKEN', 'META_APP_SECRET', 'FULFILLMENT_SECRET'])('refuses a %s made only of whitespace, naming it', (name) => {
    expect(() => parseConfig({ [name]: ' '.repeat(40) })).toThrow(new RegExp(`${name} is only whitespace`));
    expect(() => parseConfig({ [name]: '\t\n ' })).toThrow(new RegExp(name));
  });

  test('refuses NODE_ENV=production without REDIS_URL', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/REDIS_URL: NODE_ENV=production needs REDIS_URL/);
  });

  test('starts in production on the in-memory store only when ALLOW_MEMORY_STORE=true', () => {
    expect(parseConfig({ NODE_ENV: 'production', ALLOW_MEMORY_STORE: 'true' }).redisUrl).toBeUndefined();
    expect(parseConfig({ NODE_ENV: 'production', REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
  });

  test('reads REDIS_CLUSTER_NODES as the seed nodes of a Redis Cluster, and production starts on it', () => {
    const config = parseConfig({ NODE_ENV: 'production', REDIS_CLUSTER_NODES: '10.0.0.1:7000, 10.0.0.2:7001,redis-3:7002' });
    expect(config.redis.clusterNodes).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: '10.0.0.2', port: 7001 },
      { host: 'redis-3', port: 7002 },
    ]);
    expect(usesEmbeddedStore(config)).toBe(false);
  });

  test('refuses a REDIS_KEY_PREFIX with braces, which would put every key in one cluster slot', () => {
    expect(() => parseConfig({ REDIS_KEY_PREFIX: '{baton}:' })).toThrow(/REDIS_KEY_PREFIX must not contain \{ or \}/);
  });

  test('refuses REDIS_CLUSTER_NODES that are not host:port pairs', () => {
    expect(() => parseConfig({ REDIS_CLUSTER_NODES: 'redis://10.0.0.1:7000' })).toThrow(/REDIS_CLUSTER_NODES must be host:port,host:port/);
    expect(() => parseConfig({ REDIS_CLUSTER_NODES: '10.0.0.1' })).toThrow(/REDIS_CLUSTER_NODES must be host:port/);
  });

  test.each([
    [{ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: '127.0.0.1:7000' }, /REDIS_URL and REDIS_CLUSTER_NODES are both set: set one way to reach Redis/],
    [{ REDIS_SENTINELS: '127.0.0.1:26379', REDIS_SENTINEL_NAME: 'mymaster', REDIS_CLUSTER_NODES: '127.0.0.1:7000' }, /REDIS_SENTINELS and REDIS_CLUSTER_NODES are both set/],
    [{ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_SENTINELS: '127.0.0.1:26379', REDIS_SENTINEL_NAME: 'mymaster' }, /REDIS_URL and REDIS_SENTINELS are both set/],
    [{ REDIS_CLUSTER_NODES: '127.0.0.1:7000', REDIS_SENTINEL_NAME: 'mymaster' }, /REDIS_SENTINEL_NAME is for Sentinel/],
    [{ REDIS_CLUSTER_NODES: '127.0.0.1:7000', REDIS_WAIT_REPLICAS: '1' }, /REDIS_WAIT_REPLICAS cannot wait for replicas on a Redis Cluster/],
  ])('refuses contradictory ways to reach Redis (%o), saying which', (env, why) => {
    expect(() => parseConfig(env)).toThrow(why);
  });

  test.each([
    ['password', /at least 12 characters/],
    ['12345678', /at least 12 characters/],
    ['passwordpassword', /common|easy/],
    ['Password1234!', /common/],
    ['qwerty123456', /common/],
    ['123456789012', /easy to guess/],
    ['admin@example.com', /e-mail/],
    ['admin-2024-admin!', /e-mail/],
  ])('refuses ADMIN_PASSWORD %j, saying why', (password, why) => {
    expect(() => parseConfig({ ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: password })).toThrow(why);
  });

  test('accepts a long ADMIN_PASSWORD of unrelated words', () => {
    expect(parseConfig({ ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'tangerine-kettle-orbit' }).admin).toEqual({
      email: 'admin@example.com',
      password: 'tangerine-kettle-orbit',
    });
  });

  test('marks the session cookie Secure whenever PUBLIC_URL is https', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://baton.example.com' }).secureCookies).toBe(true);
    expect(parseConfig({ PUBLIC_URL: 'http://localhost:3000' }).secureCookies).toBe(false);
    expect(parseConfig({}).secureCookies).toBe(false);
  });

  test('keeps conversations for ever unless RETENTION_DAYS is set, and then exports them to RETENTION_EXPORT_DIR every hour', () => {
    expect(parseConfig({}).retention).toBeNull();
    expect(parseConfig({ RETENTION_DAYS: '365' }).retention).toEqual({ days: 365, exportDir: './data/retention', intervalMs: 3_600_000 });
  });

  test('refuses a PLATFORM_ID_TTL_DAYS shorter than DEDUPE_TTL_SECONDS, naming both', () => {
    expect(() => parseConfig({ PLATFORM_ID_TTL_DAYS: '1', DEDUPE_TTL_SECONDS: String(3 * 24 * 3600) })).toThrow(/PLATFORM_ID_TTL_DAYS \(1 days\) must cover DEDUPE_TTL_SECONDS/);
    expect(parseConfig({ PLATFORM_ID_TTL_DAYS: '3', DEDUPE_TTL_SECONDS: String(3 * 24 * 3600) }).storeTtls.platformIdTtlSeconds).toBe(3 * 24 * 3600);
  });
});
