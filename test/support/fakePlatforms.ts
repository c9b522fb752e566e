import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signTwilioRequest } from '../fixtures/twilio/sign';

/**
 * Local stand-ins for Twilio's REST API and Meta's Graph API: plain HTTP servers on a free port
 * that record what Baton sends and answer like the real ones. End-to-end tests and the webhook
 * benchmark point TWILIO_API_URL / META_GRAPH_URL at them.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  form?: URLSearchParams;
  json?: unknown;
  at: number;
}

abstract class FakeServer {
  readonly requests: RecordedRequest[] = [];
  protected server?: Server;
  private waiters: { pred: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  /** When set, the next N requests to the messages endpoint fail with this status, body and headers (e.g. Retry-After). */
  failNext: { count: number; status: number; body: unknown; headers?: Record<string, string>; when?: (rec: RecordedRequest) => boolean } | null = null;

  get url(): string {
    const a = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${a.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const rec: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, at: Date.now() };
        const type = req.headers['content-type'] ?? '';
        if (type.includes('x-www-form-urlencoded')) rec.form = new URLSearchParams(body);
        if (type.includes('json') && body) {
          try {
            rec.json = JSON.parse(body);
          } catch {
            /* recorded as text */
          }
        }
        if (!this.quiet) this.requests.push(rec);
        this.handle(rec, res);
        this.waiters = this.waiters.filter((w) => {
          if (!w.pred(rec)) return true;
          w.resolve(rec);
          return false;
        });
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r));
    return this;
  }

  /** Stops recording bodies (benchmarks), keeping only counters. */
  quiet = false;
  count = 0;

  /** Resolves with the first request (already received or future) that matches. */
  waitFor(pred: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const seen = this.requests.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`fake ${this.constructor.name}: no matching request within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (r) => {
          clearTimeout(t);
          resolve(r);
        },
      });
    });
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }

  protected abstract handle(rec: RecordedRequest, res: ServerResponse): void;

  protected takeFailure(res: ServerResponse, rec: RecordedRequest): boolean {
    if (!this.failNext || this.failNext.count <= 0) return false;
    if (this.failNext.when && !this.failNext.when(rec)) return false;
    this.failNext.count--;
    res.writeHead(this.failNext.status, { 'content-type': 'application/json', ...this.failNext.headers });
    res.end(JSON.stringify(this.failNext.body));
    return true;
  }
}

export class FakeTwilioApi extends FakeServer {
  constructor(
    readonly accountSid: string,
    /** When set, the fake posts signed `sent` and `delivered` status callbacks like Twilio does. */
    private readonly callbacks?: { authToken: string },
  ) {
    super();
  }

  /** What the fake accepted, as Twilio keeps it (the Messages list answers from here). */
  readonly accepted: { sid: string; to: string; from: string; body: string | null; status: string; createdAt: number }[] = [];
  /**
   * When set and true for a create, the fake accepts the message (it is kept and listed) but never
   * answers: a send whose result is unknown to the sender.
   */
  hangWhen: ((form: URLSearchParams) => boolean) | null = null;

  /** Message creates (POST …/Messages.json), in the order received. */
  messages(): URLSearchParams[] {
    return this.requests.filter((r) => r.path.endsWith('/Messages.json')).map((r) => r.form!);
  }

  protected handle(rec: RecordedRequest, res: ServerResponse): void {
    if (rec.method === 'POST' && rec.path === `/2010-04-01/Accounts/${this.accountSid}/Messages.json`) {
      this.count++;
      if (this.takeFailure(res, rec)) return;
      const sid = `SM${randomBytes(16).toString('hex')}`;
      const form = rec.form ?? new URLSearchParams(rec.body);
      const kept = { sid, to: form.get('To') ?? '', from: form.get('From') ?? '', body: form.get('Body'), status: 'queued', createdAt: Date.now() };
      this.accepted.push(kept);
      if (this.hangWhen?.(form)) return; // accepted, never answered
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify(this.resource(kept)));
      const callbackUrl = form.get('StatusCallback');
      if (this.callbacks && callbackUrl) void this.sendCallbacks(callbackUrl, sid, form);
      return;
    }
    const list = `/2010-04-01/Accounts/${this.accountSid}/Messages.json`;
    if (rec.method === 'GET' && rec.path.split('?')[0] === list) {
      // The Messages list with Twilio's To and DateSent> filters (newest first, one page).
      const q = new URLSearchParams(rec.path.split('?')[1] ?? '');
      const to = q.get('To');
      const after = q.get('DateSent>');
      const since = after ? Date.parse(after) : undefined;
      const found = this.accepted
        .filter((m) => (to === null || m.to === to) && (since === undefined || m.createdAt >= since))
        .reverse();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          messages: found.map((m) => this.resource(m)),
          first_page_uri: rec.path,
          next_page_uri: null,
          previous_page_uri: null,
          page: 0,
          page_size: found.length,
          uri: rec.path,
          end: Math.max(0, found.length - 1),
          start: 0,
        }),
      );
      return;
    }
    if (rec.method === 'POST' && rec.path === '/v2/Indicators/Typing.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: true }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 20404, message: 'The requested resource was not found', status: 404 }));
  }

  private resource(m: FakeTwilioApi['accepted'][number]): Record<string, unknown> {
    return {
      sid: m.sid,
      account_sid: this.accountSid,
      to: m.to,
      from: m.from,
      body: m.body,
      status: m.status,
      num_media: '0',
      num_segments: '1',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: new Date(m.createdAt).toUTCString(),
      date_sent: new Date(m.createdAt).toUTCString(),
      error_code: null,
      error_message: null,
      uri: `/2010-04-01/Accounts/${this.accountSid}/Messages/${m.sid}.json`,
    };
  }

  private async sendCallbacks(url: string, sid: string, form: URLSearchParams): Promise<void> {
    for (const status of ['sent', 'delivered']) {
      const params: Record<string, string> = {
        AccountSid: this.accountSid,
        ApiVersion: '2010-04-01',
        ChannelPrefix: 'whatsapp',
        From: form.get('From') ?? '',
        To: form.get('To') ?? '',
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: status,
        SmsStatus: status,
      };
      const body = new URLSearchParams(params).toString();
      await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signTwilioRequest(this.callbacks!.authToken, url, params),
        },
        body,
      }).catch(() => undefined);
    }
  }
}

export class FakeGraphApi extends FakeServer {
  /** Messenger messages the fake answered with a message id (failed attempts are not in it), in order. */
  readonly accepted: { recipient: string; text: string | undefined; createdAt: number }[] = [];

  /** Message sends (with a `message`), not sender actions. */
  messages(): { recipient: { id: string }; message: Record<string, unknown>; messaging_type: string; tag?: string }[] {
    return this.requests
      .filter((r) => r.path.includes('/me/messages') && (r.json as { message?: unknown })?.message)
      .map((r) => r.json as never);
  }

  senderActions(): string[] {
    return this.requests
      .filter((r) => (r.json as { sender_action?: string })?.sender_action)
      .map((r) => (r.json as { sender_action: string }).sender_action);
  }

  /** WhatsApp Cloud API sends (`POST /{phone-number-id}/messages` with a `type`), not read receipts. */
  cloudMessages(): { to: string; type: string; text?: { body: string }; interactive?: Record<string, unknown>; template?: Record<string, unknown> }[] {
    return this.requests
      .filter((r) => /^\/v\d+\.\d+\/\d+\/messages/.test(r.path) && (r.json as { type?: unknown })?.type)
      .map((r) => r.json as never);
  }

  protected handle(rec: RecordedRequest, res: ServerResponse): void {
    const cloudSend = /^\/v\d+\.\d+\/\d+\/messages(\?|$)/.test(rec.path);
    if (rec.method === 'POST' && cloudSend) {
      this.count++;
      const json = rec.json as { to?: string; type?: string; status?: string } | undefined;
      if (json?.type && this.takeFailure(res, rec)) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          json?.status
            ? { success: true }
            : { messaging_product: 'whatsapp', contacts: [{ input: json?.to, wa_id: json?.to }], messages: [{ id: `wamid.${randomBytes(24).toString('base64url')}` }] },
        ),
      );
      return;
    }
    const mediaLookup = /^\/v\d+\.\d+\/(\d+)(\?|$)/.exec(rec.path);
    if (rec.method === 'GET' && mediaLookup) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ url: `${this.url}/whatsapp_business/attachments/?mid=${mediaLookup[1]}`, mime_type: 'image/jpeg', file_size: 30325, id: mediaLookup[1], messaging_product: 'whatsapp' }));
      return;
    }
    if (rec.method === 'POST' && /^\/v\d+\.\d+\/me\/messages/.test(rec.path)) {
      this.count++;
      const json = rec.json as { recipient?: { id?: string }; message?: unknown } | undefined;
      if (json?.message && this.takeFailure(res, rec)) return;
      if (json?.message) this.accepted.push({ recipient: json.recipient?.id ?? '', text: (json.message as { text?: string }).text, createdAt: Date.now() });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          json?.message
            ? { recipient_id: json.recipient?.id, message_id: `m_${randomBytes(16).toString('hex')}` }
            : { recipient_id: json?.recipient?.id },
        ),
      );
      return;
    }
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'Unknown path', type: 'OAuthException', code: 100, fbtrace_id: 'fake' } }));
  }
}
