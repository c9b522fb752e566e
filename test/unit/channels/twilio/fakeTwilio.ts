import { createServer, type ServerResponse } from 'node:http';

export interface FakeTwilioRequest {
  method: string;
  path: string;
  authorization?: string;
  contentType?: string;
  form: URLSearchParams;
}

export interface FakeTwilioReply {
  status: number;
  body?: unknown;
  /** Never answer (the client must time out). */
  hang?: boolean;
  /** Drop the connection without an answer (a network failure). */
  drop?: boolean;
  /** Extra response headers (Retry-After…). */
  headers?: Record<string, string>;
}

export interface FakeTwilio {
  url: string;
  requests: FakeTwilioRequest[];
  /** Queues the next replies, in order; with the queue empty it answers 201 with a fresh message. */
  reply(...replies: FakeTwilioReply[]): void;
  close(): Promise<void>;
}

/** A Twilio REST message resource as Messages.json returns it. */
export function twilioMessageResource(accountSid: string, sid: string, status = 'queued'): Record<string, unknown> {
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: 'x',
    date_created: 'Tue, 14 Jul 2026 09:30:00 +0000',
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    messaging_service_sid: null,
    num_media: '0',
    num_segments: '1',
    price: null,
    sid,
    status,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}

/**
 * A local stand-in for api.twilio.com / messaging.twilio.com on 127.0.0.1 (nock 15 is ESM-only and cannot be
 * loaded by this CommonJS jest setup): the sender reaches it through TWILIO_API_URL, as a deployment would.
 * Default answer: 201 with a message whose sid is SM + the request number padded to 32 digits.
 */
export async function startFakeTwilio(accountSid: string): Promise<FakeTwilio> {
  const requests: FakeTwilioRequest[] = [];
  const queue: FakeTwilioReply[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: new URL(req.url ?? '/', 'http://127.0.0.1').pathname,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf-8')),
      });
      const next = queue.shift() ?? {
        status: 201,
        body: twilioMessageResource(accountSid, `SM${String(requests.length).padStart(32, '0')}`),
      };
      if (next.hang) {
        hanging.push(res);
        return;
      }
      if (next.drop) {
        res.socket?.destroy();
        return;
      }
      const isText = typeof next.body === 'string';
      res.writeHead(next.status, { 'content-type': isText ? 'text/plain' : 'application/json', ...next.headers });
      res.end(next.body === undefined ? '' : isText ? (next.body as string) : JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake Twilio did not get a port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
