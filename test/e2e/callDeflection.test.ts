import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { RedisConversationStore } from '../../src/conversations/redisConversationStore';
import { DashboardAggregates } from '../../src/metrics/aggregates/aggregateStore';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../fixtures/twilio';
import { FakeTwilioApi } from '../support/fakePlatforms';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { ensureBuild, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { gatherActionOf, voiceCallBody } from '../support/voiceBodies';
import { whatsappTextBody } from '../support/webhookBodies';

/**
 * Call deflection on the real server process with a fake Twilio: a signed voice webhook gets a
 * Gather in the caller's language; pressing 1 (a signed Gather callback) sends the WhatsApp
 * template through Twilio and hangs up politely; the customer's WhatsApp reply lands in the same
 * conversation, marked as coming from the call. A number that can't get WhatsApp gets an SMS.
 */

jest.setTimeout(120_000);

const TEMPLATE_SID = 'HX0123456789abcdef0123456789abcdef';

describeWithRedis('call deflection on the server process', () => {
  const prefix = uniquePrefix('e2e-voice');
  let twilio: FakeTwilioApi;
  let redis: Redis;
  let store: RedisConversationStore;
  let baton: ServerProcess;

  beforeAll(async () => {
    ensureBuild();
    twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
    redis = new Redis(testRedisUrl, { keyPrefix: prefix });
    store = new RedisConversationStore(redis);
    baton = await startServerProcess({
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        REDIS_URL: testRedisUrl,
        REDIS_KEY_PREFIX: prefix,
        TWILIO_ACCOUNT_SID: TWILIO_TEST_CONFIG.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO_TEST_CONFIG.authToken,
        TWILIO_WHATSAPP_NUMBER: TWILIO_TEST_CONFIG.whatsappNumber,
        TWILIO_API_URL: twilio.url,
        WHATSAPP_TEMPLATES: JSON.stringify({ call_followup: { contentSid: TEMPLATE_SID, variables: [] } }),
        VOICE_DEFLECTION_TEMPLATE: 'call_followup',
        SHUTDOWN_GRACE_MS: '5000',
      },
      readyTimeoutMs: 90_000,
    });
  }, 300_000);

  afterAll(async () => {
    await baton?.stop('SIGTERM', 10_000);
    await twilio?.stop();
    redis?.disconnect();
    await deletePrefix(testRedisUrl, prefix);
  }, 60_000);

  const newCaller = (country = '+9199') => `${country}${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 8)}`;

  function postSigned(url: string, body: string, sign = true): Promise<Response> {
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(sign ? { 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, body) } : {}),
      },
      body,
    });
  }

  async function call(from: string): Promise<string> {
    const res = await postSigned(`${baton.url}/webhooks/twilio/voice`, voiceCallBody({ from }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    return res.text();
  }

  async function press(twiml: string, from: string, digits: string): Promise<string> {
    const res = await postSigned(gatherActionOf(twiml), voiceCallBody({ from, digits }));
    expect(res.status).toBe(200);
    return res.text();
  }

  test('a call gets a Gather offering WhatsApp, in Hindi for an Indian number', async () => {
    const twiml = await call(newCaller('+9198'));
    expect(twiml).toMatch(/<Gather numDigits="1"[^>]*action="http:\/\/127\.0\.0\.1:\d+\/webhooks\/twilio\/voice\/gather\?lang=hi"/);
    expect(twiml).toContain('<Say language="hi-IN">');
    expect(twiml).toMatch(/व्हाट्सऐप/);
  });

  test('an unsigned or forged voice webhook is refused and never offers anything', async () => {
    const url = `${baton.url}/webhooks/twilio/voice`;
    const body = voiceCallBody({ from: newCaller() });
    expect((await postSigned(url, body, false)).status).toBe(400);
    const forged = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest('not-the-token-0000000000000000', url, body) },
      body,
    });
    expect(forged.status).toBe(403);
  });

  test('pressing 1 sends the WhatsApp template, hangs up politely, and the reply lands in the same conversation marked as from a call', async () => {
    const caller = newCaller();
    const offer = await call(caller);
    const goodbye = await press(offer, caller, '1');
    expect(goodbye).toMatch(/<Say language="hi-IN">[^<]+<\/Say><Hangup\/>/);

    const template = await twilio.waitFor((r) => r.form?.get('To') === `whatsapp:${caller}`, 30_000);
    expect(template.form!.get('ContentSid')).toBe(TEMPLATE_SID);
    expect(template.form!.get('From')).toBe(TWILIO_TEST_CONFIG.whatsappNumber);

    const opened = await store.findByAddress('whatsapp', `whatsapp:${caller}`);
    expect(opened?.callDeflection).toMatchObject({ via: 'whatsapp' });

    const reply = whatsappTextBody({ from: `whatsapp:${caller}`, messageSid: `SM${randomBytes(16).toString('hex')}`, text: 'Haan, mera order kab aayega?' });
    expect((await postSigned(`${baton.url}/webhooks/twilio`, reply)).status).toBe(200);
    const until = Date.now() + 30_000;
    for (;;) {
      const conversation = await store.findByAddress('whatsapp', `whatsapp:${caller}`);
      const messages = conversation ? await store.listMessages(conversation.id) : [];
      const customerMessage = messages.find((m) => m.author === 'customer');
      if (customerMessage) {
        expect(conversation!.id).toBe(opened!.id);
        expect(conversation!.callDeflection).toMatchObject({ via: 'whatsapp' });
        expect(messages.some((m) => m.direction === 'internal' && /^Came from a phone call at \d{4}-\d\d-\d\d \d\d:\d\d UTC/.test(m.text ?? ''))).toBe(true);
        expect(messages.some((m) => m.meta?.template === TEMPLATE_SID)).toBe(true);
        break;
      }
      if (Date.now() > until) throw new Error('the customer reply never landed in the conversation');
      await new Promise((r) => setTimeout(r, 50));
    }
    // The dashboard counted the call, on the day of the call, and that it became a conversation.
    const day = new Date(opened!.callDeflection!.at).toISOString().slice(0, 10);
    const marked = async () => (await new DashboardAggregates(redis).markers(day, opened!.id)).filter((m) => m.startsWith('call'));
    for (const waitUntil = Date.now() + 10_000; (await marked()).length < 2 && Date.now() < waitUntil; ) await new Promise((r) => setTimeout(r, 50));
    expect(await marked()).toEqual([`call:${opened!.callDeflection!.callSid}`, `callConv:${opened!.callDeflection!.callSid}`]);
  });

  test('a caller whose number cannot get WhatsApp (63003) hears the alternative and gets an SMS from the same number', async () => {
    const caller = newCaller('+4478');
    const offer = await call(caller);
    expect(offer).toContain('<Say language="en-IN">');
    // Only this caller's WhatsApp message fails: a reply of the previous test still on its way must not take the failure.
    twilio.failNext = {
      count: 1,
      status: 400,
      body: { code: 63003, message: 'Channel could not find To address', more_info: 'https://www.twilio.com/docs/errors/63003', status: 400 },
      when: (r) => r.form?.get('To') === `whatsapp:${caller}`,
    };
    const goodbye = await press(offer, caller, '1');
    expect(goodbye).toMatch(/text message instead/);
    const sms = await twilio.waitFor((r) => r.form?.get('To') === caller, 30_000);
    expect(sms.form!.get('From')).toBe(TWILIO_TEST_CONFIG.whatsappNumber.replace('whatsapp:', ''));
    expect(sms.form!.get('Body')).toMatch(/You just called us/);
    expect((await store.findByAddress('whatsapp', caller))?.callDeflection).toMatchObject({ via: 'sms' });
  });

  test('any other key ends the call politely without sending anything', async () => {
    const caller = newCaller();
    const goodbye = await press(await call(caller), caller, '2');
    expect(goodbye).toMatch(/<Hangup\/>/);
    expect(twilio.messages().some((f) => f.get('To') === `whatsapp:${caller}`)).toBe(false);
  });
});
