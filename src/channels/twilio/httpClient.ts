import http from 'node:http';
import https from 'node:https';

/**
 * twilio-node's `httpClient` seam, on node:http/https with keep-alive agents for both protocols,
 * instead of the SDK's axios client: sends still go through the SDK (it builds the request and reads
 * the answer), but without axios' per-request config merging, interceptors and adapters, and with
 * connections reused over plain http too (the SDK's agent is https-only, so a TWILIO_API_URL on
 * http opened a connection per message).
 */

/** What twilio-node passes to `httpClient.request` (BaseTwilio.request). */
export interface TwilioHttpRequest {
  method: string;
  uri: string;
  username?: string;
  password?: string;
  headers?: Record<string, string>;
  params?: Record<string, unknown>;
  data?: Record<string, unknown>;
  timeout?: number;
}

/** What twilio-node reads back: a string body is parsed as JSON by the SDK (Version.create/fetch/page). */
export interface TwilioHttpResponse {
  statusCode: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export interface TwilioHttpClientOptions {
  /** The whole request, from sending to the last byte of the answer (ms). */
  timeout: number;
  keepAlive: boolean;
  /** Sockets per host (default 64). */
  maxSockets?: number;
}

/** Form or query encoding as twilio-node's `qs.stringify(…, { arrayFormat: 'repeat' })` does for flat values. */
export function encodeTwilioParams(values: Record<string, unknown>): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) out.append(key, String(v));
    else out.append(key, value instanceof Date ? value.toISOString() : String(value));
  }
  return out.toString();
}

export class TwilioHttpClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(private readonly opts: TwilioHttpClientOptions) {
    const agent = { keepAlive: opts.keepAlive, maxSockets: opts.maxSockets ?? 64 };
    this.httpAgent = new http.Agent(agent);
    this.httpsAgent = new https.Agent(agent);
  }

  request(o: TwilioHttpRequest): Promise<TwilioHttpResponse> {
    const url = new URL(o.uri);
    if (o.params) {
      const query = encodeTwilioParams(o.params);
      if (query) url.search = url.search ? `${url.search}&${query}` : `?${query}`;
    }
    const headers: Record<string, string | number> = { ...o.headers, Connection: this.opts.keepAlive ? 'keep-alive' : 'close' };
    if (o.username && o.password) headers.Authorization = `Basic ${Buffer.from(`${o.username}:${o.password}`).toString('base64')}`;
    let body: string | undefined;
    if (o.data) {
      body = headers['Content-Type'] === 'application/json' ? JSON.stringify(o.data) : encodeTwilioParams(o.data);
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    const secure = url.protocol === 'https:';
    const timeoutMs = o.timeout ?? this.opts.timeout;
    return new Promise<TwilioHttpResponse>((resolve, reject) => {
      const req = (secure ? https : http).request(url, { method: o.method.toUpperCase(), headers, agent: secure ? this.httpsAgent : this.httpAgent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers });
        });
        res.on('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
      });
      const timer = setTimeout(() => {
        const err = Object.assign(new Error(`timeout of ${timeoutMs}ms exceeded`), { code: 'ETIMEDOUT' });
        req.destroy(err);
      }, timeoutMs);
      req.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      req.end(body);
    });
  }
}
