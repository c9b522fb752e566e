import type { Server } from 'node:http';
import express from 'express';
import winston from 'winston';
import { createTwilioRouter, EMPTY_TWIML } from '../../../../src/channels/twilio/router';
import type { ChannelEvent } from '../../../../src/conversations/types';
import { createErrorMiddleware } from '../../../../src/http/errorMiddleware';
import { requestId } from '../../../../src/http/requestId';
import {
  readTwilioFixture,
  signTwilioRequest,
  TWILIO_TEST_CONFIG,
  type TwilioFixtureName,
} from '../../../fixtures/twilio';

const PUBLIC_URL = 'https://baton.example.com';
const NOW = Date.UTC(2026, 6, 14, 9, 30);
const MAX_BODY = 16 * 1024;
const FORM = 'application/x-www-form-urlencoded';

let server: Server;
let base: string;
let ingested: { events: ChannelEvent[]; requestId: string }[];
let ingestImpl: (events: ChannelEvent[]) => Promise<void>;

beforeAll(async () => {
  const logger = winston.createLogger({ silent: true });
  const app = express();
  app.use(requestId);
  app.use(
    '/webhooks/twilio',
    createTwilioRouter({
      config: TWILIO_TEST_CONFIG,
      publicUrl: `${PUBLIC_URL}/`,
      maxBodyBytes: MAX_BODY,
      logger,
      now: () => NOW,
      ingest: async (events, ctx) => {
        await ingestImpl(events);
        ingested.push({ events, requestId: ctx.requestId });
      },
    }),
  );
  app.use(createErrorMiddleware(logger));
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${addr.port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  ingested = [];
  ingestImpl = async () => undefined;
});

/** Posts a body to `path` (as mounted), signed over PUBLIC_URL + path unless told otherwise. */
function post(
  path: string,
  body: string,
  opts: { signature?: string | null; contentType?: string; signedBody?: string; signedUrl?: string } = {},
) {
  const signature =
    opts.signature === undefined
      ? signTwilioRequest(TWILIO_TEST_CONFIG.authToken, opts.signedUrl ?? PUBLIC_URL + path, opts.signedBody ?? body)
      : opts.signature;
  return fetch(base + path, {
    method: 'POST',
    headers: {
      'content-type': opts.contentType ?? FORM,
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
    },
    body,
  });
}

const postFixture = (path: string, name: TwilioFixtureName) => post(path, readTwilioFixture(name));

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const json = (await res.json()) as { error: { code: string; message: string } };
  expect(json.error.code).toBe(code);
  expect(ingested).toHaveLength(0);
  return json.error;
}

describe('POST /webhooks/twilio (inbound messages)', () => {
  it('answers a signed message with empty TwiML after ingesting its event', async () => {
    const res = await postFixture('/webhooks/twilio', 'whatsappText');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await res.text()).toBe(EMPTY_TWIML);
    expect(ingested).toHaveLength(1);
    expect(ingested[0]!.events).toEqual([
      expect.objectContaining({
        kind: 'message',
        channel: 'whatsapp',
        customerAddress: 'whatsapp:+919876543210',
        text: 'What time does the store open?',
        timestamp: NOW,
      }),
    ]);
    expect(ingested[0]!.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('decodes non-ASCII text from the raw UTF-8 body', async () => {
    const res = await postFixture('/webhooks/twilio', 'whatsappTextUrdu');
    expect(res.status).toBe(200);
    expect(ingested[0]!.events[0]).toMatchObject({ text: 'السلام علیکم، آپ کی دکان کب کھلتی ہے؟', profileName: 'عائشہ خان' });
  });

  it('accepts an explicit UTF-8 charset on the content type', async () => {
    const res = await post('/webhooks/twilio', readTwilioFixture('smsText'), { contentType: `${FORM}; charset=UTF-8` });
    expect(res.status).toBe(200);
    expect(ingested[0]!.events[0]).toMatchObject({ customerAddress: '+14155550123', extra: { transport: 'sms' } });
  });

  it('checks the signature over the query string too', async () => {
    const res = await postFixture('/webhooks/twilio?source=wa', 'whatsappImage');
    expect(res.status).toBe(200);
  });

  it('refuses a body changed after signing with 403, without ingesting', async () => {
    const original = readTwilioFixture('whatsappText');
    const forged = original.replace('What+time+does+the+store+open%3F', 'Refund+me+now');
    await expectError(await post('/webhooks/twilio', forged, { signedBody: original }), 403, 'SIGNATURE_INVALID');
  });

  it('refuses a signature made for another URL with 403', async () => {
    const res = await post('/webhooks/twilio', readTwilioFixture('whatsappText'), {
      signedUrl: 'https://attacker.example/webhooks/twilio',
    });
    await expectError(res, 403, 'SIGNATURE_INVALID');
  });

  it('refuses a signature made with another auth token with 403', async () => {
    const body = readTwilioFixture('whatsappText');
    const res = await post('/webhooks/twilio', body, {
      signature: signTwilioRequest('0'.repeat(32), `${PUBLIC_URL}/webhooks/twilio`, body),
    });
    await expectError(res, 403, 'SIGNATURE_INVALID');
  });

  it('refuses a request without X-Twilio-Signature with 400', async () => {
    await expectError(await post('/webhooks/twilio', readTwilioFixture('whatsappText'), { signature: null }), 400, 'SIGNATURE_MISSING');
  });

  it('refuses JSON with 415 before looking at the signature', async () => {
    const res = await post('/webhooks/twilio', '{"MessageSid":"SM1"}', { contentType: 'application/json', signature: null });
    await expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a non-UTF-8 charset with 415', async () => {
    const res = await post('/webhooks/twilio', readTwilioFixture('whatsappText'), { contentType: `${FORM}; charset=ISO-8859-1` });
    await expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a body over maxBodyBytes with 413 before looking at the signature', async () => {
    const body = `${readTwilioFixture('whatsappText')}&Padding=${'x'.repeat(MAX_BODY)}`;
    await expectError(await post('/webhooks/twilio', body, { signature: null }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a chunked body (no Content-Length) once it grows over maxBodyBytes with 413', async () => {
    const chunk = new TextEncoder().encode(`Padding=${'x'.repeat(4096)}&`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${base}/webhooks/twilio`, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses signed garbage with 400 naming the missing field', async () => {
    const err = await expectError(await post('/webhooks/twilio', '%%%not a form%%%'), 400, 'VALIDATION_FAILED');
    expect(err.message).toContain('MessageSid');
  });

  it('refuses a truncated body with 400 even when it is signed as received', async () => {
    const body = readTwilioFixture('whatsappText').slice(0, 60);
    await expectError(await post('/webhooks/twilio', body), 400, 'VALIDATION_FAILED');
  });

  it('refuses a signed message for another Twilio account with 400', async () => {
    const body = readTwilioFixture('whatsappText').replace(TWILIO_TEST_CONFIG.accountSid, `AC${'1'.repeat(32)}`);
    const err = await expectError(await post('/webhooks/twilio', body), 400, 'VALIDATION_FAILED');
    expect(err.message).toBe('AccountSid does not match TWILIO_ACCOUNT_SID');
  });

  it('refuses GET with 405', async () => {
    const res = await fetch(`${base}/webhooks/twilio`);
    await expectError(res, 405, 'METHOD_NOT_ALLOWED');
  });

  it('does not acknowledge a message that could not be ingested', async () => {
    ingestImpl = async () => {
      throw new Error('queue down');
    };
    const res = await postFixture('/webhooks/twilio', 'whatsappText');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('<Response');
  });

  it('answers only once ingest has finished', async () => {
    let finished = false;
    ingestImpl = () =>
      new Promise((resolve) =>
        setTimeout(() => {
          finished = true;
          resolve();
        }, 150),
      );
    const res = await postFixture('/webhooks/twilio', 'whatsappText');
    expect(finished).toBe(true);
    expect(res.status).toBe(200);
  });
});

describe('POST /webhooks/twilio/status (status callbacks)', () => {
  it('answers a signed status callback with an empty 200 after ingesting it', async () => {
    const res = await postFixture('/webhooks/twilio/status', 'statusRead');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(ingested[0]!.events).toEqual([expect.objectContaining({ kind: 'status', status: 'read', timestamp: NOW })]);
  });

  it('passes on the message the signed callback URL names', async () => {
    const res = await postFixture('/webhooks/twilio/status?m=m7.c_mxc8cljt_ab566d6933', 'statusRead');
    expect(res.status).toBe(200);
    expect(ingested[0]!.events[0]).toMatchObject({ status: 'read', messageId: 'm7.c_mxc8cljt_ab566d6933' });
  });

  it('refuses a callback whose message id was changed after Twilio signed the URL', async () => {
    const body = readTwilioFixture('statusRead');
    const res = await post('/webhooks/twilio/status?m=m8.c_mxc8cljt_ab566d6933', body, { signedUrl: `${PUBLIC_URL}/webhooks/twilio/status?m=m7.c_mxc8cljt_ab566d6933` });
    await expectError(res, 403, 'SIGNATURE_INVALID');
    expect(ingested).toHaveLength(0);
  });

  it('ingests a failure with its error code', async () => {
    await postFixture('/webhooks/twilio/status', 'statusFailed63016');
    expect(ingested[0]!.events[0]).toMatchObject({ status: 'failed', errorCode: '63016' });
  });

  it('acknowledges a status that means nothing for delivery without ingesting', async () => {
    const body = readTwilioFixture('statusSent').replace(/MessageStatus=sent/, 'MessageStatus=scheduled');
    const res = await post('/webhooks/twilio/status', body);
    expect(res.status).toBe(200);
    expect(ingested).toHaveLength(0);
  });

  it('refuses an inbound-message signature replayed on the status URL', async () => {
    const body = readTwilioFixture('statusSent');
    const res = await post('/webhooks/twilio/status', body, { signedUrl: `${PUBLIC_URL}/webhooks/twilio` });
    await expectError(res, 403, 'SIGNATURE_INVALID');
  });

  it('refuses a callback without MessageStatus with 400', async () => {
    const body = readTwilioFixture('statusSent').replace(/&?MessageStatus=sent/, '');
    const err = await expectError(await post('/webhooks/twilio/status', body), 400, 'VALIDATION_FAILED');
    expect(err.message).toContain('MessageStatus');
  });
});
