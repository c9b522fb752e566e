import { execFileSync } from 'node:child_process';
import { createConnection } from 'node:net';
import path from 'node:path';

/**
 * Finds out once, before any suite runs, whether a Redis answers at TEST_REDIS_URL
 * (default redis://127.0.0.1:6379). Suites whose subject is the Redis store read the answer
 * from BATON_TEST_REDIS and run against it; without one they are skipped with a clear message,
 * unless REQUIRE_REDIS=1 (set by .ci/run), in which case the whole run fails.
 */
function ping(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: u.hostname, port: Number(u.port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

export default async function globalSetup(): Promise<void> {
  // The console bundle the browser tests load, rebuilt once from the current sources (esbuild, < 1 s).
  execFileSync(process.execPath, [path.join(__dirname, '../../scripts/build-console.mjs')], { stdio: 'pipe' });

  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const ok = await ping(url);
  if (ok) {
    process.env.BATON_TEST_REDIS = url;
    return;
  }
  process.env.BATON_TEST_REDIS = '';
  if (process.env.REQUIRE_REDIS === '1') {
    throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${url}; start redis-server or set TEST_REDIS_URL`);
  }
  console.warn(
    `\n[baton tests] No Redis answers at ${url}: suites that need a real Redis are SKIPPED.\n` +
      `              Start one (redis-server --port 6379) or set TEST_REDIS_URL to run them.\n`,
  );
}
