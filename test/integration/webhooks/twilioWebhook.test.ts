import nock from 'nock';
import { readTwilioFixture, signTwilioRequest, TWILIO_TEST_CONFIG, type TwilioFixtureName } from '../../fixtures/twilio';
import { eventually, startTestBaton, type TestBaton } from '../../support/testBaton';

const MESSAGES_PATH = `/2010-04-01/Accounts/${TWILIO_TEST_CONFIG.accountSid}/Messages.json`;
const CUSTOMER = 'whatsapp:+919876543210';

let baton: TestBaton;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());

beforeEach(async () => {
  // When the bot takes a moment (a loaded machine), Baton shows "typing…" first: answered here,
  // since nothing may reach the real Twilio.
  nock('https://messaging.twilio.com').post('/v2/Indicators/Typing.json').reply(200, { success: true }).persist();
  baton = await startTestBaton();
});
afterEach(async () => {
  nock.cleanAll();
  await baton.close();
});

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(baton.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

function postSigned(fixture: TwilioFixtureName | string, path = '/webhooks/twilio') {
  const body = fixture.includes('=') ? fixture : readTwilioFixture(fixture as TwilioFixtureName);
  const signature = signTwilioRequest(TWILIO_TEST_CONFIG.authToken, baton.url + path, body);
  return post(path, body, { 'x-twilio-signature': signature });
}

/** Intercepts Twilio's Messages.json and records each posted form. */
function twilioReplies(times = 1, reply: { status: number; body: object } = { status: 201, body: {} }) {
  const sent: URLSearchParams[] = [];
  let n = 0;
  const scope = nock('https://api.twilio.com')
    .post(MESSAGES_PATH, (body) => {
      sent.push(new URLSearchParams(body as unknown as Record<string, string>));
      return true;
    })
    .times(times)
    .reply(() => {
      n++;
      return [
        reply.status,
        reply.status < 300 ? { sid: `SM${String(n).padStart(32, '0')}`, status: 'queued', ...reply.body } : reply.body,
      ];
    });
  return { sent, scope };
}

test('answers a signed WhatsApp message through the Twilio REST API', async () => {
  const { sent } = twilioReplies();
  const res = await postSigned('whatsappText');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/xml/);
  expect(await res.text()).toContain('<Response/>');
  await eventually(() => (sent.length ? true : undefined));
  const form = sent[0]!;
  expect(form.get('To')).toBe(CUSTOMER);
  expect(form.get('From')).toBe(TWILIO_TEST_CONFIG.whatsappNumber);
  expect(form.get('StatusCallback')).toMatch(new RegExp(`^${baton.url}/webhooks/twilio/status\\?m=m1\\.c_[0-9a-z]+_[0-9a-f]+$`));
  expect(form.get('Body')).toMatch(/10:00/); // the store-hours answer
});

test('records the customer message and the bot reply on the conversation', async () => {
  twilioReplies();
  await postSigned('whatsappText');
  const conversation = await eventually(async () => {
    const c = await baton.runtime.store.findByAddress('whatsapp', CUSTOMER);
    return c && c.messageCount >= 2 ? c : undefined;
  });
  await baton.settle();
  const messages = await baton.runtime.store.listMessages(conversation.id);
  expect(conversation.customerName).toBe('Asha Verma');
  expect(messages.map((m) => [m.direction, m.author, m.status])).toEqual([
    ['inbound', 'customer', 'received'],
    ['outbound', 'bot', 'queued'],
  ]);
  expect(messages[0]).toMatchObject({ text: 'What time does the store open?', platformMessageId: 'SM1cb251ec0d568de6a929b520c4aed8d1' });
});

test('refuses a forged signature with 403 and records and sends nothing', async () => {
  const { scope } = twilioReplies();
  const res = await post('/webhooks/twilio', readTwilioFixture('whatsappText'), { 'x-twilio-signature': 'bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==' });
  expect(res.status).toBe(403);
  expect(await res.json()).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } });
  await new Promise((r) => setTimeout(r, 150));
  expect(scope.isDone()).toBe(false);
  expect(await baton.runtime.store.findByAddress('whatsapp', CUSTOMER)).toBeNull();
});

test('refuses a request signed for other parameters (a tampered body)', async () => {
  const body = readTwilioFixture('whatsappText');
  const signature = signTwilioRequest(TWILIO_TEST_CONFIG.authToken, `${baton.url}/webhooks/twilio`, body);
  const res = await post('/webhooks/twilio', body.replace('store+open', 'store+close'), { 'x-twilio-signature': signature });
  expect(res.status).toBe(403);
});

test('refuses an unsigned request with 400 and records nothing', async () => {
  const { scope } = twilioReplies();
  const res = await post('/webhooks/twilio', readTwilioFixture('whatsappText'));
  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({ error: { code: 'SIGNATURE_MISSING' } });
  expect(scope.isDone()).toBe(false);
  expect(await baton.runtime.store.findByAddress('whatsapp', CUSTOMER)).toBeNull();
});

test('answers a retried delivery of the same MessageSid once', async () => {
  const { sent } = twilioReplies(3);
  const [a, b] = await Promise.all([postSigned('whatsappText'), postSigned('whatsappText')]);
  const c = await postSigned('whatsappText');
  expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
  await eventually(() => (sent.length ? true : undefined));
  await baton.settle();
  await new Promise((r) => setTimeout(r, 200));
  expect(sent).toHaveLength(1);
});

/** The reply's id and the path of its status callback (`/webhooks/twilio/status?m=<its id>`), once Baton recorded its sid. */
async function sentReply(sent: URLSearchParams[], sid: string): Promise<{ id: string; callbackPath: string }> {
  const callback = await eventually(() => sent[0]?.get('StatusCallback') ?? undefined);
  const id = new URL(callback).searchParams.get('m')!;
  await eventually(() => baton.runtime.store.getMessage(id).then((m) => (m?.platformMessageId === sid ? m : undefined)));
  return { id, callbackPath: callback.slice(baton.url.length) };
}

test('moves a sent reply forward with signed status callbacks, whatever order they arrive in', async () => {
  const { sent } = twilioReplies();
  await postSigned('whatsappText');
  const sid = `SM${'1'.padStart(32, '0')}`;
  const reply = await sentReply(sent, sid);
  const status = (s: string) =>
    new URLSearchParams({
      AccountSid: TWILIO_TEST_CONFIG.accountSid,
      ApiVersion: '2010-04-01',
      ChannelPrefix: 'whatsapp',
      From: TWILIO_TEST_CONFIG.whatsappNumber,
      To: CUSTOMER,
      MessageSid: sid,
      SmsSid: sid,
      MessageStatus: s,
      SmsStatus: s,
    }).toString();
  for (const s of ['read', 'sent', 'delivered']) {
    const res = await postSigned(status(s), reply.callbackPath);
    expect(res.status).toBe(200);
  }
  expect((await baton.runtime.store.getMessage(reply.id))!.status).toBe('read');
  // Its receipts name it: no sid → message key was written for it.
  expect(await baton.runtime.store.findMessageByPlatformId('whatsapp', sid)).toBeNull();
});

test('keeps a send Twilio refused on the transcript as failed, with its error code', async () => {
  const { sent } = twilioReplies(1, { status: 400, body: { code: 63016, message: 'Outside the allowed window', status: 400 } });
  await postSigned('whatsappText');
  await eventually(() => (sent.length ? true : undefined));
  const conversation = (await baton.runtime.store.findByAddress('whatsapp', CUSTOMER))!;
  const failed = await eventually(async () =>
    (await baton.runtime.store.listMessages(conversation.id)).find((m) => m.direction === 'outbound' && m.status === 'failed'),
  );
  expect(failed.errorCode).toBe('63016');
});

test('answers a Hindi message in Hindi', async () => {
  const { sent } = twilioReplies();
  await postSigned('whatsappTextHindi');
  await eventually(() => (sent.length ? true : undefined));
  expect(sent[0]!.get('Body')).toMatch(/[\u0900-\u097F]/);
});

test('asks for a voice note in writing, and keeps it on the transcript for an agent', async () => {
  const { sent } = twilioReplies();
  await postSigned('whatsappVoiceNote');
  await eventually(() => (sent.length ? true : undefined));
  expect(sent[0]!.get('Body')).toMatch(/can't listen to voice notes/);
  const conversation = (await baton.runtime.store.findByAddress('whatsapp', CUSTOMER))!;
  const [voiceNote] = await baton.runtime.store.listMessages(conversation.id);
  expect(voiceNote!.media).toEqual([expect.objectContaining({ kind: 'audio', contentType: 'audio/ogg' })]);
});

describe('bad input gets a 4xx JSON error and changes nothing', () => {
  test('wrong content type is 415', async () => {
    const res = await fetch(`${baton.url}/webhooks/twilio`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  test('a body over the size limit is 413', async () => {
    const res = await post('/webhooks/twilio', `Body=${'a'.repeat(2 * 1024 * 1024)}`, { 'x-twilio-signature': 'x' });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  test('a signed body missing MessageSid is 400 naming the field', async () => {
    const body = readTwilioFixture('whatsappText').replace(/&MessageSid=[^&]+/, '').replace(/&SmsMessageSid=[^&]+|SmsMessageSid=[^&]+&/, '').replace(/&SmsSid=[^&]+/, '');
    const res = await postSigned(body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/MessageSid/);
  });

  test('a GET on the webhook is 405 or 404, as JSON', async () => {
    const res = await fetch(`${baton.url}/webhooks/twilio`);
    expect([404, 405]).toContain(res.status);
    expect(await res.json()).toHaveProperty('error.code');
  });
});
