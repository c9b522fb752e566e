import { parseArgs } from 'node:util';
import { parseConfig, usesEmbeddedStore, type Config } from '../config';
import { loadEnvFile } from '../envFile';
import { createLogger } from '../logger';
import { migrateKeys } from '../migrations/migrateKeys';
import { formatReport } from '../migrations/migrationReport';
import { connectRedisFromConfig, describeRedisTarget } from '../store/redisConnection';

const HELP = `npm run migrate:keys -- [options]

Moves the Redis keys a Baton from before Redis Cluster support wrote (conversations, messages,
customers, agents, sessions, canned answers, follow-ups, queues, audit indexes…) to the names
today's Baton reads. Uses the server's settings: REDIS_URL, REDIS_SENTINELS + REDIS_SENTINEL_NAME or
REDIS_CLUSTER_NODES, and REDIS_KEY_PREFIX (from the environment or .env).

Stop every Baton instance first. Run with --dry-run, read what it prints, then run without.
A key whose new name is already taken is a conflict: reported, left as it is. Running again is
safe: it finishes what a stopped run left, and does nothing when nothing is left.

Options:
  --dry-run          count per kind what would move; change nothing
  --batch N          keys per SCAN call and moved at once (default 500, 10 to 10000)
  --list-conflicts   print the names of conflicting keys (they can hold phone numbers or e-mails)
  -h, --help         this text

Exit status: 0 done (or nothing to do), 2 done but conflicts were left, 1 failed.`;

function fail(message: string): never {
  process.stderr.write(`migrate:keys: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      batch: { type: 'string' },
      'list-conflicts': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const batch = values.batch === undefined ? 500 : Number(values.batch);
  if (!Number.isInteger(batch) || batch < 10 || batch > 10_000) fail(`--batch must be a whole number from 10 to 10000 (got "${values.batch}")`);

  loadEnvFile();
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    fail((err as Error).message);
  }
  if (usesEmbeddedStore(config)) {
    fail('no Redis is configured (REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES): the embedded store keeps nothing between runs, so there is nothing to move.');
  }
  const dryRun = values['dry-run'];
  // The connection's own errors are summed up below in one sentence, not logged as JSON.
  const logger = createLogger('error');
  logger.silent = true;
  const redis = connectRedisFromConfig(config, logger);
  let connectionError: string | undefined;
  redis.client.on('error', (err: Error) => (connectionError ??= err.message));
  try {
    await redis.client.ping();
  } catch (err) {
    await redis.close().catch(() => undefined);
    fail(
      `cannot reach ${describeRedisTarget(config)} (${connectionError ?? (err as Error).message}). ` +
        'Start that Redis, or fix REDIS_URL / REDIS_SENTINELS / REDIS_CLUSTER_NODES, then run again. Nothing was changed.',
    );
  }
  process.stderr.write(`${dryRun ? 'Dry run: counting' : 'Moving'} keys under old names in ${describeRedisTarget(config)}, prefix "${config.redisKeyPrefix}"...\n`);
  let lastShown = 0;
  try {
    const report = await migrateKeys({
      client: redis.client,
      prefix: config.redisKeyPrefix,
      dryRun,
      batch,
      onBatch: (r) => {
        if (r.scanned - lastShown < 50_000) return;
        lastShown = r.scanned;
        process.stderr.write(`  ${r.scanned.toLocaleString('en-US')} keys looked at\n`);
      },
    });
    process.stdout.write(formatReport(report, { listConflicts: values['list-conflicts'] }));
    if (dryRun && [...report.byKind.values()].some((c) => c.moved + c.finished > 0)) {
      process.stdout.write('Nothing was changed (dry run). Run `npm run migrate:keys` to move them.\n');
    }
    await redis.close();
    if (report.conflicts.length) process.exit(2);
  } catch (err) {
    await redis.close().catch(() => undefined);
    fail(`stopped: ${(err as Error).message}. What moved so far stays moved; run again to finish.`);
  }
}

main().catch((err: Error) => fail(err.message));
