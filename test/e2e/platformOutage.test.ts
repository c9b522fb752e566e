import { randomBytes } from 'node:crypto';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../fixtures/twilio';
import { FakeTwilioApi } from '../support/fakePlatforms';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { ensureBuild, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { whatsappTextBody } from '../support/webhookBodies';

/**
 * Twilio in trouble, against the real server process on a real Redis: 10 s of 500s, then 5 s of
 * 429s with Retry-After, while customers keep writing. Nothing is answered during the outage;
 * after it every reply is delivered exactly once, in order, and none is left pending or failed.
 */

jest.setTimeout(180_000);

const CUSTOMERS = 6;
const OUTAGE_500_MS = 10_000;
const OUTAGE_429_MS = 5_000;

describeWithRedis('a platform outage of 500s then 429s', () => {
  const prefix = uniquePrefix('outage');
  let twilio: FakeTwilioApi;
  let baton: ServerProcess;

  beforeAll(async () => {
    ensureBuild();
    twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
    baton = await startServerProcess({
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'error',
        REDIS_URL: testRedisUrl,
        REDIS_KEY_PREFIX: prefix,
        TWILIO_ACCOUNT_SID: TWILIO_TEST_CONFIG.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO_TEST_CONFIG.authToken,
        TWILIO_WHATSAPP_NUMBER: TWILIO_TEST_CONFIG.whatsappNumber,
        TWILIO_API_URL: twilio.url,
        SEND_RETRY_BASE_MS: '500',
      },
      readyTimeoutMs: 120_000,
    });
  }, 180_000);

  afterAll(async () => {
    await baton?.stop('SIGKILL');
    await twilio?.stop();
    await deletePrefix(testRedisUrl, prefix);
  });

  async function post(from: string, text: string): Promise<number> {
    const body = whatsappTextBody({ from, messageSid: `SM${randomBytes(16).toString('hex')}`, text });
    const url = `${baton.url}/webhooks/twilio`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, body) },
      body,
    });
    return res.status;
  }

  test('every reply is delivered exactly once after recovery, in the order the customer wrote', async () => {
    const customers = Array.from({ length: CUSTOMERS }, (_, i) => `whatsapp:+97798400${i}${randomBytes(2).readUInt16BE(0) % 1000}`);
    twilio.failNext = { count: Number.MAX_SAFE_INTEGER, status: 500, body: { code: 20500, message: 'Internal Server Error', status: 500 } };
    const outageStarted = Date.now();
    const texts = ['What time does the store open?', 'how long does delivery take to Pokhara'];
    const acks: number[] = [];
    for (const text of texts) for (const c of customers) acks.push(await post(c, text));
    await new Promise((r) => setTimeout(r, Math.max(0, outageStarted + OUTAGE_500_MS - Date.now())));
    twilio.failNext = { count: Number.MAX_SAFE_INTEGER, status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 }, headers: { 'retry-after': '2' } };
    await new Promise((r) => setTimeout(r, OUTAGE_429_MS));
    const tried = twilio.count;
    expect(twilio.accepted).toHaveLength(0);
    twilio.failNext = null;
    const recoveredAt = Date.now();

    expect(acks.every((s) => s === 200)).toBe(true);
    const expected = customers.length * texts.length;
    const deadline = Date.now() + 90_000;
    while (twilio.accepted.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // Anything sent twice would arrive after the first copies: give it a few retry periods.
    await new Promise((r) => setTimeout(r, 5000));
    process.stdout.write(
      `platform outage: ${tried} attempts refused, ${twilio.accepted.length} replies delivered ${Math.max(...twilio.accepted.map((m) => m.createdAt)) - recoveredAt} ms after recovery at the latest\n`,
    );
    expect(twilio.accepted).toHaveLength(expected);
    for (const c of customers) {
      const bodies = twilio.accepted.filter((m) => m.to === c).map((m) => m.body ?? '');
      expect(bodies).toHaveLength(texts.length);
      expect(bodies[0]).toMatch(/10|open|hours/i);
      expect(bodies[1]).toMatch(/deliver|day/i);
    }
  });
});
