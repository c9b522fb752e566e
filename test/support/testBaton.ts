import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { createDialogueBrain } from '../../src/bot/dialogueBrain';
import { parseConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { loadCatalog } from '../../src/nlu/catalog';
import type { Catalog } from '../../src/nlu/types';
import { createRuntime, type Runtime } from '../../src/runtime';
import { connectRedisFromConfig } from '../../src/store/redisConnection';
import { TWILIO_TEST_CONFIG } from '../fixtures/twilio';
import { deletePrefix, uniquePrefix } from './redis';
import { freePort } from './serverProcess';

export const MESSENGER_TEST_ENV = {
  META_APP_SECRET: 'a3f1c9e5b7d2468090ab12cd34ef5678',
  META_VERIFY_TOKEN: 'baton-verify-7Qk2',
  META_PAGE_ACCESS_TOKEN: 'EAAGtestPageToken123',
  META_APP_ID: '1517776481860111',
};

export const TWILIO_TEST_ENV = {
  TWILIO_ACCOUNT_SID: TWILIO_TEST_CONFIG.accountSid,
  TWILIO_AUTH_TOKEN: TWILIO_TEST_CONFIG.authToken,
  TWILIO_WHATSAPP_NUMBER: TWILIO_TEST_CONFIG.whatsappNumber,
  // nock cannot answer through twilio-node's keep-alive https.Agent (the request hangs).
  TWILIO_HTTP_KEEP_ALIVE: 'false',
};

let catalogCache: Promise<Catalog> | undefined;
/** The default catalog in intents/, loaded once per test file. */
export function defaultCatalog(): Promise<Catalog> {
  catalogCache ??= loadCatalog(path.join(__dirname, '../../intents'));
  return catalogCache;
}

export interface TestBaton {
  url: string;
  config: Config;
  runtime: Runtime;
  /** Waits until every lane this instance holds is handled. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Baton in-process on a free port, on the embedded store or (redisUrl) a real Redis under a
 * unique key prefix. Both channels are enabled with test credentials; PUBLIC_URL is the URL the
 * test calls, so Twilio signatures are computed over it.
 */
export async function startTestBaton(
  opts: { env?: Record<string, string>; redisUrl?: string; prefix?: string; catalog?: Catalog; clock?: () => number } = {},
): Promise<TestBaton> {
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'error');
  const prefix = opts.prefix ?? uniquePrefix('app');
  let server: Server | undefined;
  const port = await freePort();
  const config = parseConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    REDIS_KEY_PREFIX: prefix,
    ...TWILIO_TEST_ENV,
    ...MESSENGER_TEST_ENV,
    // Agents' uploads of tests go to the OS temp folder, never into the repository's data/.
    UPLOADS_DIR: path.join(tmpdir(), 'baton-test-uploads'),
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
    ...opts.env,
  });
  const redis = connectRedisFromConfig(config, logger);
  const runtime = createRuntime({
    config,
    logger,
    catalog: opts.catalog ?? (await defaultCatalog()),
    createBrain: createDialogueBrain,
    redis,
    // Tests run from src/ (ts-jest); the console assets are built into dist/console.
    consoleDir: path.join(__dirname, '../../dist/console'),
    clock: opts.clock,
  });
  await runtime.start();
  await new Promise<void>((resolve) => {
    server = runtime.app.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    runtime,
    settle: () => runtime.queue.idle(),
    async close() {
      server?.closeAllConnections();
      await new Promise<void>((r) => server!.close(() => r()));
      await runtime.stop();
      if (opts.redisUrl && !opts.prefix) await deletePrefix(opts.redisUrl, prefix);
      await redis.close();
    },
  };
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export { Redis };
