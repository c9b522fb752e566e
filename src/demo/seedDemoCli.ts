import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import type Redis from 'ioredis';
import type { Cluster } from 'ioredis';
import { parseConfig, usesEmbeddedStore, type Config } from '../config';
import { loadEnvFile } from '../envFile';
import { createLogger } from '../logger';
import { loadCatalog } from '../nlu/catalog';
import { connectRedisFromConfig, describeRedisTarget } from '../store/redisConnection';
import { createDemoClock, createDemoRuntime, DEMO_AGENTS, DEMO_PASSWORD, seedDemo, type SeedSummary } from './seedDemo';

const HELP = `npm run seed:demo -- [options]

Fills a Baton with a made-up month of Sargam Electronics' care desk: customers writing on WhatsApp,
Messenger and the sandbox in English, Hindi, Hinglish, Urdu and Nepali; the bot answering; some
conversations escalated to agents in three teams, handled, resolved and rated. Everything goes
through Baton's own services with the time of each fact, as if it had happened.

  Without REDIS_URL  starts an embedded (in-memory) Baton, seeds it and keeps serving it: open the
                     printed URL and sign in with one of the printed demo logins. Ctrl-C stops it.
  With REDIS_URL     seeds that Redis under REDIS_KEY_PREFIX and exits; start Baton on it as usual.
                     A prefix that already holds Baton data is refused unless --force.

Options:
  --conversations N  how many conversations (default 3000; 60 is enough to look around)
  --seed N           random seed: the same seed writes the same month (default 42)
  --days N           how many days back the month starts (default 30)
  --concurrency N    conversations played at once (default 16)
  --password P       the demo agents' password (default ${DEMO_PASSWORD}; at least 12 characters)
  --port N           embedded: the port to serve on (default PORT, else 3000)
  --no-serve         embedded: exit once seeded (to time the seed)
  --force            seed into a REDIS_KEY_PREFIX that already has Baton data (nothing is deleted;
                     demo agents that exist already keep their password)
  --allow-production seed although NODE_ENV=production (made-up customers and agents with a known
                     password land among real ones: only for a demo server)
  -h, --help         this text

Customers' messages are never sent anywhere: WhatsApp and Messenger replies go to stand-in
senders, whatever credentials the environment holds.`;

function fail(message: string): never {
  process.stderr.write(`seed:demo: ${message}\n`);
  process.exit(1);
}

function positive(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) fail(`--${name} must be a whole number from 1 to ${max} (got "${value}")`);
  return n;
}

/** Baton keys under the prefix besides the connection's own probe and epoch markers. */
async function prefixHasData(client: Redis | Cluster, prefix: string): Promise<boolean> {
  const own = new Set([`${prefix}store:epoch`, `${prefix}store:probe`]);
  const nodes: Redis[] = 'nodes' in client && typeof (client as Cluster).nodes === 'function' && (client as Cluster).isCluster ? (client as Cluster).nodes('master') : [client as Redis];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 1000);
      if (keys.some((k) => !own.has(k))) return true;
      cursor = next;
    } while (cursor !== '0');
  }
  return false;
}

function report(summary: SeedSummary): string {
  const pct = (n: number) => `${Math.round((100 * n) / Math.max(1, summary.conversations))} %`;
  const langs = Object.entries(summary.languages)
    .map(([l, n]) => `${l} ${n}`)
    .join(', ');
  return (
    `Seeded ${summary.conversations} conversations (${langs}) in ${(summary.ms / 1000).toFixed(1)} s: ` +
    `${summary.customerMessages} customer messages, ${summary.escalated} escalated (${pct(summary.escalated)}), ` +
    `${summary.resolved} resolved, ${summary.csatAnswered} CSAT answers.\n`
  );
}

function logins(password: string): string {
  const width = Math.max(...DEMO_AGENTS.map((a) => a.email.length));
  const rows = DEMO_AGENTS.map((a) => `  ${a.email.padEnd(width)}  ${a.role === 'admin' ? 'admin' : 'agent'}  ${a.name} (${a.teams.join(', ')})`);
  return `Demo logins (password: ${password}):\n${rows.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      conversations: { type: 'string' },
      seed: { type: 'string' },
      days: { type: 'string' },
      concurrency: { type: 'string' },
      password: { type: 'string' },
      port: { type: 'string' },
      'no-serve': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'allow-production': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const conversations = positive('conversations', values.conversations, 3000, 50_000);
  const seed = positive('seed', values.seed, 42, 2 ** 31 - 1);
  const days = positive('days', values.days, 30, 365);
  const concurrency = positive('concurrency', values.concurrency, 16, 64);
  const password = values.password ?? DEMO_PASSWORD;
  if (password.length < 12) fail('--password must have at least 12 characters');

  loadEnvFile();
  let config: Config;
  try {
    config = parseConfig({ ...process.env, ...(values.port ? { PORT: values.port } : {}) });
  } catch (err) {
    fail((err as Error).message);
  }
  const embedded = usesEmbeddedStore(config);
  if (config.env === 'production' && !values['allow-production']) {
    fail(
      'NODE_ENV=production: this would add made-up customers, conversations and agents with a known password to a production desk. ' +
        'Point REDIS_URL / REDIS_KEY_PREFIX at a demo Redis, or pass --allow-production if this server is a demo.',
    );
  }
  const logger = createLogger(config.logLevel === 'info' || config.logLevel === 'http' || config.logLevel === 'debug' ? 'warn' : config.logLevel);
  const redis = connectRedisFromConfig(config, logger);
  if (!embedded) {
    const taken = await prefixHasData(redis.client, config.redisKeyPrefix).catch((err: Error) => fail(`cannot read ${describeRedisTarget(config)}: ${err.message}`));
    if (taken && !values.force) {
      await redis.close();
      fail(
        `${describeRedisTarget(config)} already holds Baton data under the prefix "${config.redisKeyPrefix}". ` +
          'Use another REDIS_KEY_PREFIX (e.g. REDIS_KEY_PREFIX=demo:) or pass --force to add the demo month to it.',
      );
    }
    if (config.env === 'production') process.stderr.write(`seed:demo: WARNING: seeding a NODE_ENV=production Baton (--allow-production).\n`);
    process.stderr.write(`Seeding ${conversations} conversations into ${describeRedisTarget(config)}, prefix "${config.redisKeyPrefix}"...\n`);
  } else {
    process.stderr.write(`Seeding ${conversations} conversations into an embedded (in-memory) Baton...\n`);
  }

  const catalog = await loadCatalog(config.intentsDir);
  const clock = createDemoClock();
  const runtime = createDemoRuntime({ config, logger, catalog, clock, redis });
  const summary = await seedDemo(runtime, clock, {
    conversations,
    seed,
    days,
    concurrency,
    password,
    progress: (done, total) => process.stderr.write(`  ${done}/${total} conversations\n`),
  });
  process.stderr.write(report(summary));

  if (!embedded || values['no-serve']) {
    await runtime.stop();
    await redis.close();
    if (!embedded) process.stdout.write(`Start Baton on the same REDIS_URL and REDIS_KEY_PREFIX to see it.\n${logins(password)}`);
    return;
  }

  await runtime.start();
  const server = createServer(runtime.app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === 'EADDRINUSE' ? `port ${config.port} is in use; pass --port <another port>` : err.message)),
    );
    server.listen(config.port, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(`\nThe demo desk is up on http://localhost:${port}/console/ (in memory: it is gone when this process stops).\n${logins(password)}Ctrl-C stops it.\n`);
  const stop = async () => {
    server.close();
    await runtime.stop();
    await redis.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: Error) => fail(err.message));
