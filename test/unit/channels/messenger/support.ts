import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'winston';
import type { MessengerConfig } from '../../../../src/config';

/** A fixture exactly as Meta would send it: raw bytes, read as a string without any re-serialisation. */
export function rawFixture(name: string): string {
  return readFileSync(join(__dirname, '../../../fixtures/messenger', `${name}.json`), 'utf8');
}

export const APP_SECRET = 'a3f1c9e5b7d2468090ab12cd34ef5678';

export const messengerConfig: MessengerConfig = {
  appSecret: APP_SECRET,
  verifyToken: 'baton-verify-7Qk2',
  pageAccessToken: 'EAAGtestPageToken123',
  appId: '1517776481860111',
  graphUrl: 'https://graph.facebook.com',
  graphVersion: 'v21.0',
};

export interface RecordingLogger {
  logger: Logger;
  lines: { level: string; message: string; meta: unknown }[];
}

/** A logger that keeps what it was told, so tests can check what (and what not) gets logged. */
export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  const at = (level: string) => (message: string, meta?: unknown) => {
    lines.push({ level, message, meta });
  };
  const logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') } as unknown as Logger;
  return { logger, lines };
}

export interface FakeGraphRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface FakeGraphReply {
  status: number;
  body?: unknown;
  /** Never answer: for timeouts. */
  hang?: boolean;
}

export interface FakeGraph {
  url: string;
  requests: FakeGraphRequest[];
  /** Queues the next replies, in order; with the queue empty the server answers 500. */
  reply(...replies: FakeGraphReply[]): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for graph.facebook.com on 127.0.0.1 (nock 15 is ESM-only and cannot be loaded by
 * this CommonJS jest setup): the sender is pointed at it through `graphUrl`, exactly like META_GRAPH_URL.
 */
export async function startFakeGraph(): Promise<FakeGraph> {
  const { createServer } = await import('node:http');
  const requests: FakeGraphRequest[] = [];
  const queue: FakeGraphReply[] = [];
  const hanging: import('node:http').ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        path: u.pathname,
        query: Object.fromEntries(u.searchParams),
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      });
      const next = queue.shift() ?? { status: 500, body: { error: { message: 'no reply queued', code: 1 } } };
      if (next.hang) {
        hanging.push(res);
        return;
      }
      const payload = next.body === undefined ? '' : typeof next.body === 'string' ? next.body : JSON.stringify(next.body);
      res.writeHead(next.status, { 'content-type': typeof next.body === 'string' ? 'text/plain' : 'application/json' });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake Graph did not get a port');
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
