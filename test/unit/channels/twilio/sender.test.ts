import winston from 'winston';
import Transport from 'winston-transport';
import { messagingBaseUrl } from '../../../../src/channels/twilio/baseUrls';
import { createTwilioSender, planTwilioMessages } from '../../../../src/channels/twilio/sender';
import { ChannelSendError } from '../../../../src/channels/types';
import { TWILIO_TEST_CONFIG } from '../../../fixtures/twilio';
import { startFakeTwilio, twilioMessageResource, type FakeTwilio } from './fakeTwilio';

const config = TWILIO_TEST_CONFIG;
const PUBLIC_URL = 'https://baton.example.com';
const MESSAGES_PATH = `/2010-04-01/Accounts/${config.accountSid}/Messages.json`;
const BASIC = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
const TO = 'whatsapp:+919876543210';
const opts = { messageId: 'm7.c_mxc8cljt_ab566d6933', author: 'bot' as const };
/** The status callback of a send's last part: it names the message. */
const CALLBACK = 'https://baton.example.com/webhooks/twilio/status?m=m7.c_mxc8cljt_ab566d6933';
const sidNo = (n: number) => `SM${String(n).padStart(32, '0')}`;

class Collect extends Transport {
  lines: Record<string, unknown>[] = [];
  override log(info: Record<string, unknown>, next: () => void): void {
    this.lines.push(info);
    next();
  }
}

let fake: FakeTwilio;
beforeEach(async () => {
  fake = await startFakeTwilio(config.accountSid);
});
afterEach(() => fake.close());

function makeSender(overrides: Partial<{ timeoutMs: number }> = {}) {
  const sink = new Collect();
  const logger = winston.createLogger({ level: 'debug', transports: [sink] });
  const sender = createTwilioSender({
    config: { ...config, apiUrl: fake.url },
    publicUrl: PUBLIC_URL,
    timeoutMs: overrides.timeoutMs ?? 2000,
    logger,
  });
  return { sender, sink };
}

const forms = () => fake.requests.map((r) => r.form);

async function sendError(p: Promise<unknown>): Promise<ChannelSendError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ChannelSendError);
    return err as ChannelSendError;
  }
  throw new Error('expected the send to fail');
}

describe('createTwilioSender.send', () => {
  it('posts to TWILIO_API_URL + Messages.json with Basic auth and returns the sid', async () => {
    const result = await makeSender().sender.send(TO, { text: 'Hello!' }, opts);
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe(MESSAGES_PATH);
    expect(req.authorization).toBe(BASIC);
    expect(req.contentType).toBe('application/x-www-form-urlencoded');
    expect(result).toEqual({ platformMessageId: sidNo(1), status: 'queued' });
    expect(Object.fromEntries(req.form)).toEqual({
      To: TO,
      From: 'whatsapp:+14155238886',
      Body: 'Hello!',
      StatusCallback: CALLBACK,
    });
  });

  it('reports the status Twilio answered with (accepted by a Messaging Service → queued)', async () => {
    fake.reply({ status: 201, body: twilioMessageResource(config.accountSid, sidNo(9), 'accepted') });
    expect(await makeSender().sender.send(TO, { text: 'x' }, opts)).toEqual({ platformMessageId: sidNo(9), status: 'queued' });
  });

  it('sends to an SMS recipient from the same number without the whatsapp: prefix', async () => {
    await makeSender().sender.send('+14155550123', { text: 'Your order shipped' }, opts);
    expect(forms()[0]!.get('From')).toBe('+14155238886');
    expect(forms()[0]!.get('To')).toBe('+14155550123');
  });

  it('appends quick replies to the body as a numbered list in the same message', async () => {
    await makeSender().sender.send(
      TO,
      { text: 'How can I help?', quickReplies: [{ title: 'Store hours', payload: 'a' }, { title: 'Returns', payload: 'b' }] },
      opts,
    );
    expect(forms()).toHaveLength(1);
    expect(forms()[0]!.get('Body')).toBe('How can I help?\n\n1. Store hours\n2. Returns');
  });

  it('sends a template as ContentSid with ContentVariables as a JSON string, and no Body', async () => {
    await makeSender().sender.send(
      TO,
      { text: 'ignored', template: { contentSid: 'HX0123456789abcdef0123456789abcdef', variables: { '1': 'Ana', '2': '10:00' } } },
      opts,
    );
    const form = forms()[0]!;
    expect(form.get('ContentSid')).toBe('HX0123456789abcdef0123456789abcdef');
    expect(JSON.parse(form.get('ContentVariables')!)).toEqual({ '1': 'Ana', '2': '10:00' });
    expect(form.has('Body')).toBe(false);
    expect(form.get('StatusCallback')).toBe(CALLBACK);
  });

  it('repeats MediaUrl for every attachment of an SMS/MMS', async () => {
    await makeSender().sender.send('+14155550123', { text: 'Photos', mediaUrls: ['https://m.example/1.jpg', 'https://m.example/2.jpg'] }, opts);
    expect(forms()).toHaveLength(1);
    expect(forms()[0]!.getAll('MediaUrl')).toEqual(['https://m.example/1.jpg', 'https://m.example/2.jpg']);
  });

  it('sends one attachment per WhatsApp message, the first with the text', async () => {
    const result = await makeSender().sender.send(
      TO,
      { text: 'Photos', mediaUrls: ['https://m.example/1.jpg', 'https://m.example/2.jpg'] },
      opts,
    );
    expect(forms().map((f) => [f.get('Body'), f.getAll('MediaUrl')])).toEqual([
      ['Photos', ['https://m.example/1.jpg']],
      [null, ['https://m.example/2.jpg']],
    ]);
    expect(result.platformMessageId).toBe(sidNo(2));
  });

  it('splits a body over 1,600 characters into ordered parts and returns the last sid', async () => {
    const text = `${'a'.repeat(1500)}\n${'b'.repeat(500)}`;
    const result = await makeSender().sender.send(TO, { text }, opts);
    expect(forms().map((f) => f.get('Body'))).toEqual(['a'.repeat(1500), 'b'.repeat(500)]);
    expect(result.platformMessageId).toBe(sidNo(2));
  });

  it('refuses to send nothing, without calling Twilio', async () => {
    const err = await sendError(makeSender().sender.send(TO, {}, opts));
    expect(err.platformCode).toBe('EMPTY_MESSAGE');
    expect(err.retryable).toBe(false);
    expect(fake.requests).toHaveLength(0);
  });

  it('maps 63016 (outside the 24 h window) to a non-retryable error with Twilio’s code and HTTP status', async () => {
    fake.reply({
      status: 400,
      body: {
        code: 63016,
        message: 'Failed to send freeform message because you are outside the allowed window.',
        more_info: 'https://www.twilio.com/docs/errors/63016',
        status: 400,
      },
    });
    const err = await sendError(makeSender().sender.send(TO, { text: 'late' }, opts));
    expect(err).toMatchObject({ channel: 'whatsapp', platformCode: '63016', retryable: false, httpStatus: 400 });
    expect(err.message).toContain('outside the allowed window');
  });

  it('maps 21211 (invalid To) to a non-retryable error', async () => {
    fake.reply({ status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 } });
    const err = await sendError(makeSender().sender.send(TO, { text: 'x' }, opts));
    expect(err).toMatchObject({ platformCode: '21211', retryable: false, httpStatus: 400 });
  });

  it('treats HTTP 429 as retryable', async () => {
    fake.reply({ status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 } });
    const err = await sendError(makeSender().sender.send(TO, { text: 'x' }, opts));
    expect(err).toMatchObject({ platformCode: '20429', retryable: true, httpStatus: 429 });
  });

  it('keeps the Retry-After of a 429 on the error, so the retry waits that long', async () => {
    fake.reply({ status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 }, headers: { 'retry-after': '7' } });
    const err = await sendError(makeSender().sender.send(TO, { text: 'x' }, opts));
    expect(err).toMatchObject({ platformCode: '20429', retryable: true, retryAfterMs: 7000 });
  });

  it('reads the code and detail of an RFC 9457 problem answer', async () => {
    fake.reply({ status: 400, body: { type: 'https://www.twilio.com/docs/errors/21211', title: 'Invalid To', detail: "The 'To' number is not valid.", status: 400, code: 21211 } });
    const err = await sendError(makeSender().sender.send(TO, { text: 'x' }, opts));
    expect(err).toMatchObject({ platformCode: '21211', retryable: false, httpStatus: 400 });
    expect(err.message).toContain("The 'To' number is not valid.");
  });

  it('treats 63018 (WhatsApp rate limit) as retryable even on a 400', async () => {
    fake.reply({ status: 400, body: { code: 63018, message: 'Rate limit exceeded', status: 400 } });
    const err = await sendError(makeSender().sender.send(TO, { text: 'x' }, opts));
    expect(err).toMatchObject({ platformCode: '63018', retryable: true, httpStatus: 400 });
  });

  it('treats a 5xx without a Twilio body as retryable, coded by its HTTP status', async () => {
    fake.reply({ status: 503, body: 'Service Unavailable' });
    const err = await sendError(makeSender().sender.send(TO, { text: 'x' }, opts));
    expect(err).toMatchObject({ platformCode: 'HTTP_503', retryable: true, httpStatus: 503 });
  });

  it('maps a dropped connection to a retryable NETWORK error', async () => {
    fake.reply({ status: 0, drop: true });
    const err = await sendError(makeSender().sender.send(TO, { text: 'x' }, opts));
    expect(err).toMatchObject({ platformCode: 'NETWORK', retryable: true, httpStatus: undefined });
  });

  it('maps an unreachable host to a retryable NETWORK error', async () => {
    const url = fake.url;
    await fake.close();
    const sender = createTwilioSender({
      config: { ...config, apiUrl: url },
      publicUrl: PUBLIC_URL,
      timeoutMs: 2000,
      logger: winston.createLogger({ silent: true }),
    });
    fake = await startFakeTwilio(config.accountSid); // for afterEach
    const err = await sendError(sender.send(TO, { text: 'x' }, opts));
    expect(err).toMatchObject({ platformCode: 'NETWORK', retryable: true });
  });

  it('gives up after timeoutMs with a retryable TIMEOUT error', async () => {
    fake.reply({ status: 0, hang: true });
    const started = Date.now();
    const err = await sendError(makeSender({ timeoutMs: 150 }).sender.send(TO, { text: 'x' }, opts));
    expect(err).toMatchObject({ platformCode: 'TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('stops at the first failing part of a split message', async () => {
    fake.reply({ status: 201, body: twilioMessageResource(config.accountSid, sidNo(1)) }, { status: 500, body: { code: 20500, message: 'x', status: 500 } });
    const text = `${'a'.repeat(1500)}\n${'b'.repeat(1500)}\n${'c'.repeat(10)}`;
    const err = await sendError(makeSender().sender.send(TO, { text }, opts));
    expect(err.retryable).toBe(true);
    expect(fake.requests).toHaveLength(2);
  });
});

describe('createTwilioSender.senderAction', () => {
  const SID = 'SM0123456789abcdef0123456789abcdef';

  it('posts a typing indicator to the Messaging domain on the same fake host, with Basic auth', async () => {
    fake.reply({ status: 200, body: { success: true } });
    await makeSender().sender.senderAction(TO, 'typing_on', SID);
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req.path).toBe('/v2/Indicators/Typing.json');
    expect(req.authorization).toBe(BASIC);
    expect(Object.fromEntries(req.form)).toEqual({ channel: 'whatsapp', messageId: SID });
  });

  it('never throws, and logs a failure at warn without the phone number', async () => {
    fake.reply({ status: 500, body: { code: 20500, message: 'Internal', status: 500 } });
    const { sender, sink } = makeSender();
    await expect(sender.senderAction(TO, 'typing_on', SID)).resolves.toBeUndefined();
    const warn = sink.lines.find((l) => l.level === 'warn');
    expect(warn).toMatchObject({ code: '20500', httpStatus: 500 });
    expect(JSON.stringify(sink.lines)).not.toContain('919876543210');
  });

  it('never throws when Twilio cannot be reached', async () => {
    fake.reply({ status: 0, drop: true });
    const { sender, sink } = makeSender();
    await expect(sender.senderAction(TO, 'typing_on', SID)).resolves.toBeUndefined();
    expect(sink.lines.find((l) => l.level === 'warn')).toMatchObject({ code: 'NETWORK' });
  });

  it('does nothing for SMS recipients, without a message to reply to, or for other actions', async () => {
    const { sender } = makeSender();
    await sender.senderAction('+14155550123', 'typing_on', SID);
    await sender.senderAction(TO, 'typing_on');
    await sender.senderAction(TO, 'mark_seen', SID);
    await sender.senderAction(TO, 'typing_off', SID);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('messagingBaseUrl', () => {
  it.each([
    ['https://api.twilio.com', 'https://messaging.twilio.com'],
    ['https://api.sydney.au1.twilio.com', 'https://messaging.sydney.au1.twilio.com'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['https://twilio-fake.test', 'https://twilio-fake.test'],
  ])('derives %s → %s', (apiUrl, expected) => {
    expect(messagingBaseUrl(apiUrl)).toBe(expected);
  });
});

describe('planTwilioMessages', () => {
  it('puts the media on the last text part when a long body is split', () => {
    const plan = planTwilioMessages(TO, { text: `${'a'.repeat(1595)}\n${'b'.repeat(10)}`, mediaUrls: ['https://m/1.jpg'] }, {
      from: config.whatsappNumber,
      statusCallback: 'cb',
    });
    expect(plan.map((p) => p.mediaUrl)).toEqual([undefined, ['https://m/1.jpg']]);
  });

  it("names the message in the last part's status callback only (the earlier parts' sids are on no message)", () => {
    const plan = planTwilioMessages(TO, { text: `${'a'.repeat(1595)}\n${'b'.repeat(10)}` }, {
      from: config.whatsappNumber,
      statusCallback: 'https://baton.example.com/webhooks/twilio/status',
      messageId: 'm7.c_mxc8cljt_ab566d6933',
    });
    expect(plan.map((p) => p.statusCallback)).toEqual(['https://baton.example.com/webhooks/twilio/status', CALLBACK]);
  });

  it('sends media alone when there is no text', () => {
    const plan = planTwilioMessages(TO, { mediaUrls: ['https://m/1.jpg'] }, { from: config.whatsappNumber, statusCallback: 'cb' });
    expect(plan).toEqual([{ to: TO, from: config.whatsappNumber, statusCallback: 'cb', mediaUrl: ['https://m/1.jpg'] }]);
  });
});
