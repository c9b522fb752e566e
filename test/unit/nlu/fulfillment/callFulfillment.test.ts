/**
 * callFulfillment against a real HTTP server on 127.0.0.1 (an ephemeral port), so the request
 * bytes, headers, status codes and timeouts are the real thing.
 * (nock 15 is ESM-only and cannot be loaded by this jest setup on Node 20; see the report.)
 */
import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callFulfillment, FulfillmentRequest } from '../../../../src/nlu/fulfillment';

interface Received {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Handler = (res: ServerResponse, received: Received) => void;

let server: Server;
let base: string;
let handler: Handler;
let received: Received[];
const openResponses = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      openResponses.add(res);
      res.on('close', () => openResponses.delete(res));
      handler(res, r);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  received = [];
  handler = (res) => json(res, 200, { text: 'ok' });
});

afterEach(() => {
  for (const res of openResponses) res.destroy();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

const request: FulfillmentRequest = {
  intent: 'order_status',
  slots: { order_number: 'SG-482913' },
  language: 'hi',
  customer: { ref: 'whatsapp:+919876543210', channel: 'whatsapp' },
  conversationId: 'conv-1',
};
const options = { timeoutMs: 2000 };
const spec = () => ({ url: `${base}/status` });

describe('callFulfillment', () => {
  it('posts the intent, slots, language, customer and conversation as JSON', async () => {
    await callFulfillment(spec(), request, options);
    expect(received).toHaveLength(1);
    expect(received[0]!.method).toBe('POST');
    expect(received[0]!.url).toBe('/status');
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received[0]!.body)).toEqual(request);
  });

  it('returns the reply when the endpoint answers with a valid reply', async () => {
    handler = (res) =>
      json(res, 200, {
        text: 'आपका ऑर्डर आज निकलेगा।',
        quickReplies: [{ title: 'Track', payload: 'intent:track' }],
        slots: { courier: 'BlueDart' },
      });
    await expect(callFulfillment(spec(), request, options)).resolves.toEqual({
      kind: 'ok',
      reply: {
        text: 'आपका ऑर्डर आज निकलेगा।',
        quickReplies: [{ title: 'Track', payload: 'intent:track' }],
        slots: { courier: 'BlueDart' },
      },
    });
  });

  it('accepts a reply that only asks for a person', async () => {
    handler = (res) => json(res, 200, { handoff: { reason: 'order lost', team: 'care' } });
    await expect(callFulfillment(spec(), request, options)).resolves.toEqual({
      kind: 'ok',
      reply: { handoff: { reason: 'order lost', team: 'care' } },
    });
  });

  it('times out after the intent timeout', async () => {
    handler = (res) => setTimeout(() => json(res, 200, { text: 'too late' }), 1500).unref();
    const started = Date.now();
    const outcome = await callFulfillment({ ...spec(), timeoutMs: 150 }, request, { timeoutMs: 5000 });
    expect(outcome).toEqual({ kind: 'timeout', timeoutMs: 150 });
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it('times out after the configured default when the intent sets none', async () => {
    handler = () => undefined; // never answers
    await expect(callFulfillment(spec(), request, { timeoutMs: 150 })).resolves.toEqual({ kind: 'timeout', timeoutMs: 150 });
  });

  it('times out when the endpoint sends headers but stalls the body', async () => {
    handler = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"text":');
    };
    await expect(callFulfillment(spec(), request, { timeoutMs: 150 })).resolves.toEqual({ kind: 'timeout', timeoutMs: 150 });
  });

  it('reports an HTTP error status', async () => {
    handler = (res) => json(res, 500, 'oops');
    await expect(callFulfillment(spec(), request, options)).resolves.toEqual({ kind: 'http_error', status: 500 });
  });

  it('reports a redirect as an HTTP error instead of following it', async () => {
    handler = (res) => {
      res.writeHead(302, { Location: `${base}/elsewhere` });
      res.end();
    };
    await expect(callFulfillment(spec(), request, options)).resolves.toEqual({ kind: 'http_error', status: 302 });
    expect(received).toHaveLength(1);
  });

  it('reports a reply without text or handoff as a bad response', async () => {
    handler = (res) => json(res, 200, { quickReplies: [{ title: 'x', payload: 'y' }], handoff: false });
    await expect(callFulfillment(spec(), request, options)).resolves.toEqual({
      kind: 'bad_response',
      issues: ['a fulfillment reply needs a text, a handoff, or both'],
    });
  });

  it('reports a reply with a wrongly typed field as a bad response naming the field', async () => {
    handler = (res) => json(res, 200, { text: 42 });
    const outcome = await callFulfillment(spec(), request, options);
    expect(outcome.kind).toBe('bad_response');
    expect(outcome.kind === 'bad_response' ? outcome.issues[0] : '').toMatch(/^text: /);
  });

  it('reports a reply that is not JSON as a bad response', async () => {
    handler = (res) => json(res, 200, '<html>hello</html>');
    await expect(callFulfillment(spec(), request, options)).resolves.toEqual({ kind: 'bad_response', issues: ['the reply is not JSON'] });
  });

  it('reports a dropped connection as a network error', async () => {
    handler = (res) => res.socket?.destroy();
    const outcome = await callFulfillment(spec(), request, options);
    expect(outcome.kind).toBe('network_error');
  });

  it('reports a refused connection as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await callFulfillment({ url: `http://127.0.0.1:${port}/x` }, request, options);
    expect(outcome.kind).toBe('network_error');
  });

  it('signs the timestamp and raw body with HMAC-SHA256 when a secret is configured', async () => {
    await callFulfillment(spec(), request, { timeoutMs: 2000, secret: 'shh-its-a-secret', now: () => 1700000000000 });
    const { headers, body } = received[0]!;
    expect(body).toBe(
      '{"intent":"order_status","slots":{"order_number":"SG-482913"},"language":"hi","customer":{"ref":"whatsapp:+919876543210","channel":"whatsapp"},"conversationId":"conv-1"}',
    );
    expect(headers['x-baton-timestamp']).toBe('1700000000000');
    // printf '%s' "1700000000000.<body above>" | openssl dgst -sha256 -hmac 'shh-its-a-secret'
    expect(headers['x-baton-signature']).toBe('sha256=f5306cab6388ead1ba945762642546fca443b959b29f1c51f42dd8ebf991e7a3');
  });

  it('sends no signature headers when no secret is configured', async () => {
    await callFulfillment(spec(), request, options);
    expect(received[0]!.headers['x-baton-signature']).toBeUndefined();
    expect(received[0]!.headers['x-baton-timestamp']).toBeUndefined();
  });
});
