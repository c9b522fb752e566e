import type { Server } from 'node:http';
import express from 'express';
import { createMessengerRouter } from '../../../../src/channels/messenger/router';
import { signMessengerBody } from '../../../../src/channels/messenger/verifySignature';
import type { ChannelEvent } from '../../../../src/conversations/types';
import { createErrorMiddleware } from '../../../../src/http/errorMiddleware';
import { requestId } from '../../../../src/http/requestId';
import { APP_SECRET, messengerConfig, rawFixture, recordingLogger } from './support';

const MAX_BODY_BYTES = 4096;

interface Ingested {
  events: ChannelEvent[];
  requestId: string;
}

describe('createMessengerRouter', () => {
  const ingested: Ingested[] = [];
  let ingestFails = false;
  const { logger, lines } = recordingLogger();
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(requestId);
    app.use(
      '/webhooks/messenger',
      createMessengerRouter({
        config: messengerConfig,
        publicUrl: 'https://baton.example.com',
        maxBodyBytes: MAX_BODY_BYTES,
        ingest: async (events, ctx) => {
          if (ingestFails) throw new Error('queue unavailable');
          ingested.push({ events, requestId: ctx.requestId });
        },
        logger,
      }),
    );
    app.use(createErrorMiddleware(logger));
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}/webhooks/messenger`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(() => {
    ingested.length = 0;
    lines.length = 0;
    ingestFails = false;
  });

  function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(base, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  }
  const signed = (body: string) => ({ 'x-hub-signature-256': signMessengerBody(body, APP_SECRET) });
  const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  describe('GET (subscription handshake)', () => {
    const query = (params: Record<string, string>) => `${base}?${new URLSearchParams(params).toString()}`;

    it('answers 200 with the bare challenge as text/plain when the verify token matches', async () => {
      const res = await fetch(query({ 'hub.mode': 'subscribe', 'hub.verify_token': messengerConfig.verifyToken, 'hub.challenge': '1158201444' }));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe('1158201444');
    });

    it('answers 403 VERIFY_TOKEN_INVALID as JSON when the token is wrong', async () => {
      const res = await fetch(query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': '1158201444' }));
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const error = await errorCode(res);
      expect(error.code).toBe('VERIFY_TOKEN_INVALID');
      expect(error.message).not.toContain(messengerConfig.verifyToken);
    });

    it('answers 403 when hub.mode is missing', async () => {
      const res = await fetch(query({ 'hub.verify_token': messengerConfig.verifyToken, 'hub.challenge': '1' }));
      expect(res.status).toBe(403);
    });
  });

  describe('POST (events)', () => {
    it('ingests the events of a signed fixture and answers 200 EVENT_RECEIVED', async () => {
      const body = rawFixture('text');
      const res = await post(body, signed(body));
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('EVENT_RECEIVED');
      expect(ingested).toHaveLength(1);
      expect(ingested[0]?.events).toEqual([expect.objectContaining({ kind: 'message', text: 'Where is my order?', customerAddress: '6723456789012345' })]);
      expect(ingested[0]?.requestId).toBe(res.headers.get('x-request-id'));
    });

    it('accepts the exact escaped Hindi bytes and ingests Devanagari text', async () => {
      const body = rawFixture('text-hindi');
      const res = await post(body, signed(body));
      expect(res.status).toBe(200);
      expect(ingested[0]?.events[0]).toMatchObject({ text: 'मेरा ऑर्डर कहाँ है?' });
    });

    it('ingests all three events of a two-entry batch in one call', async () => {
      const body = rawFixture('batch');
      const res = await post(body, signed(body));
      expect(res.status).toBe(200);
      expect(ingested).toHaveLength(1);
      expect(ingested[0]?.events.map((e) => e.kind)).toEqual(['message', 'watermark', 'message']);
    });

    it('accepts application/json with a charset', async () => {
      const body = rawFixture('read');
      const res = await post(body, { ...signed(body), 'content-type': 'application/json; charset=utf-8' });
      expect(res.status).toBe(200);
    });

    it('rejects a forged signature with 403 and never ingests', async () => {
      const body = rawFixture('text');
      const res = await post(body, { 'x-hub-signature-256': signMessengerBody(body, 'not-the-app-secret') });
      expect(res.status).toBe(403);
      expect((await errorCode(res)).code).toBe('SIGNATURE_INVALID');
      expect(ingested).toHaveLength(0);
    });

    it('rejects a missing signature with 403 and a message saying what to check', async () => {
      const res = await post(rawFixture('text'));
      expect(res.status).toBe(403);
      const error = await errorCode(res);
      expect(error).toEqual({
        code: 'SIGNATURE_INVALID',
        message: "X-Hub-Signature-256 header missing: is META_APP_SECRET the app's secret and is this request from Meta?",
      });
      expect(ingested).toHaveLength(0);
    });

    it('rejects a body that was re-serialised after signing (different bytes, same JSON)', async () => {
      const original = rawFixture('text-hindi');
      const res = await post(JSON.stringify(JSON.parse(original)), signed(original));
      expect(res.status).toBe(403);
      expect(ingested).toHaveLength(0);
    });

    it('rejects a content type other than application/json with 415, before looking at the signature', async () => {
      const body = rawFixture('text');
      const res = await post(body, { ...signed(body), 'content-type': 'application/x-www-form-urlencoded' });
      expect(res.status).toBe(415);
      expect((await errorCode(res)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(ingested).toHaveLength(0);
    });

    it('rejects a body over MAX_BODY_BYTES with 413, before looking at the signature', async () => {
      const huge = JSON.stringify({ object: 'page', entry: [], pad: 'x'.repeat(MAX_BODY_BYTES) });
      const res = await post(huge);
      expect(res.status).toBe(413);
      expect((await errorCode(res)).code).toBe('PAYLOAD_TOO_LARGE');
      expect(ingested).toHaveLength(0);
    });

    it('rejects signed truncated JSON with 400 MALFORMED_JSON', async () => {
      const body = rawFixture('text').slice(0, 80);
      const res = await post(body, signed(body));
      expect(res.status).toBe(400);
      expect((await errorCode(res)).code).toBe('MALFORMED_JSON');
      expect(ingested).toHaveLength(0);
    });

    it('checks the signature before parsing: unsigned garbage is 403, not 400', async () => {
      const res = await post('<<not json>>', { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` });
      expect(res.status).toBe(403);
    });

    it('rejects signed JSON missing a required field with 400 VALIDATION_FAILED naming it', async () => {
      const body = JSON.stringify({ object: 'page', entry: [{ id: '1', time: 1, messaging: [{ sender: { id: '2' }, recipient: { id: '1' }, message: { text: 'x' } }] }] });
      const res = await post(body, signed(body));
      expect(res.status).toBe(400);
      const error = await errorCode(res);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toContain('entry[0].messaging[0].message.mid');
      expect(ingested).toHaveLength(0);
    });

    it('answers 200 to a signed non-page object without ingesting, and warns', async () => {
      const body = JSON.stringify({ object: 'instagram', entry: [{ id: '1', time: 1, messaging: [] }] });
      const res = await post(body, signed(body));
      expect(res.status).toBe(200);
      expect(ingested).toHaveLength(0);
      expect(lines.some((l) => l.level === 'warn' && l.message.includes('object:instagram'))).toBe(true);
    });

    it('does not acknowledge when ingest fails: 500, so Meta retries', async () => {
      ingestFails = true;
      const body = rawFixture('text');
      const res = await post(body, signed(body));
      expect(res.status).toBe(500);
      expect(await res.text()).not.toContain('EVENT_RECEIVED');
    });

    it('never logs the message text or the PSID', async () => {
      const body = rawFixture('batch');
      await post(body, signed(body));
      const logged = JSON.stringify(lines);
      expect(logged).not.toContain('Pune');
      expect(logged).not.toContain('6723456789012345');
    });
  });

  it('answers 405 to other methods', async () => {
    const res = await fetch(base, { method: 'PUT', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('POST');
  });
});
