import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describeWithRedisServer } from '../../support/redisServers';
import { REPO_ROOT } from '../../support/serverProcess';

/**
 * The memory budget of issue "nothing lost at scale": a conversation of about 20 messages costs at
 * most 8 KB of Redis of its own. Measured by the benchmark itself (`npm run bench:storage`, on a
 * redis-server of its own, through signed webhooks and the agent API), with fewer conversations
 * than its default so it runs in CI; the figure is bytes, not time, so a slow machine does not move it.
 */

const CONVERSATIONS = 120;

function runStorageBench(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--require', 'tsx/cjs', join(REPO_ROOT, 'test/bench/storage.ts')],
      { cwd: REPO_ROOT, env: { ...process.env, BENCH_CONVERSATIONS: String(CONVERSATIONS), LOG_LEVEL: 'error' }, timeout: 240_000, maxBuffer: 8 << 20 },
      (err, stdout, stderr) => (err ? reject(new Error(`bench:storage failed: ${err.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

describeWithRedisServer('what a conversation costs in Redis (npm run bench:storage)', () => {
  let output = '';
  beforeAll(async () => {
    output = await runStorageBench();
  }, 250_000);

  test('the conversations played are about 20 messages long', () => {
    const messages = Number(/Headline \(\d+ conversations of ([\d.]+) messages\)/.exec(output)?.[1]);
    expect(messages).toBeGreaterThanOrEqual(20);
  });

  test('a fresh conversation costs at most 8 KB of its own', () => {
    const own = Number(/fresh: \*\*[\d.]+ KB per conversation\*\* in all = \*\*([\d.]+) KB its own\*\*/.exec(output)?.[1]);
    console.log(`conversation cost: ${own} KB of its own while fresh (${CONVERSATIONS} conversations)`);
    expect(own).toBeGreaterThan(1);
    expect(own).toBeLessThanOrEqual(8);
  });
});
