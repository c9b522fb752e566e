import cluster from 'node:cluster';
import { createServer, type Server } from 'node:http';
import { createDialogueBrain } from './bot/dialogueBrain';
import { parseConfig, usesEmbeddedStore, type Config } from './config';
import { loadEnvFile } from './envFile';
import { createLogger, type Logger } from './logger';
import { loadCatalog, watchCatalog } from './nlu/catalog';
import { checkKeyNamesAtStart } from './migrations/startupCheck';
import { createRuntime } from './runtime';

/** Boot: configuration, catalog, store, HTTP, graceful shutdown. */

function announce(config: Config, logger: Logger): void {
  if (usesEmbeddedStore(config)) {
    const banner = [
      '',
      '  ############################################################################',
      '  #  REDIS_URL is not set: Baton runs on an EMBEDDED IN-MEMORY STORE.        #',
      '  #  Conversations vanish when this process stops and are not shared with    #',
      '  #  other instances. Fine for trying Baton out; NEVER for production.       #',
      '  #  Set REDIS_URL=redis://host:6379 to use Redis, the store of record.      #',
      '  ############################################################################',
      '',
    ].join('\n');
    process.stderr.write(`${banner}\n`);
    logger.warn('embedded in-memory store in use: not for production (set REDIS_URL)', { code: 'EMBEDDED_STORE' });
  }
  if (!config.twilio) {
    logger.warn(`WhatsApp (Twilio) channel disabled: ${config.twilioMissing.join(', ')} not set`, { channel: 'whatsapp' });
  } else if (config.publicUrlIsDefault) {
    logger.warn(
      `PUBLIC_URL is not set: Twilio signatures are checked against ${config.publicUrl}; set PUBLIC_URL to the URL configured in Twilio`,
    );
  }
  if (!config.messenger) {
    logger.warn(`Messenger channel disabled: ${config.messengerMissing.join(', ')} not set`, { channel: 'messenger' });
  }
  // The newer doors are opt-in: say something only when they are half configured.
  if (!config.whatsappCloud && !['WHATSAPP_CLOUD_PHONE_NUMBER_ID', 'WHATSAPP_CLOUD_ACCESS_TOKEN'].every((v) => config.whatsappCloudMissing.includes(v))) {
    logger.warn(`WhatsApp (Cloud API) channel disabled: ${config.whatsappCloudMissing.join(', ')} not set`, { channel: 'whatsapp_cloud' });
  }
  if (!config.instagram && !config.instagramMissing.includes('INSTAGRAM_ACCESS_TOKEN')) {
    logger.warn(`Instagram channel disabled: ${config.instagramMissing.join(', ')} not set`, { channel: 'instagram' });
  }
  if (config.sandboxEnabled && config.env === 'production') {
    logger.warn('the sandbox channel is enabled in production (SANDBOX_ENABLED): anyone can post as a customer');
  }
}

/** Binds the port, or rejects with the listen error (EADDRINUSE…): nothing is announced before this. */
function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Exit status when the port is taken (EX_UNAVAILABLE), so scripts can tell it from a bad config (1). */
const EXIT_PORT_IN_USE = 69;

function listenFailed(what: string, port: number, err: NodeJS.ErrnoException): never {
  const reason =
    err.code === 'EADDRINUSE'
      ? `port ${port} is already in use (another Baton, or another program, is listening there). Stop it, or set ${what}=<another port>.`
      : err.code === 'EACCES'
        ? `not allowed to listen on port ${port}; use a port above 1023 (${what}).`
        : `cannot listen on port ${port}: ${err.message}`;
  process.stderr.write(`Baton cannot start: ${reason}\n`);
  process.exit(err.code === 'EADDRINUSE' ? EXIT_PORT_IN_USE : 1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    loadEnvFile();
    config = parseConfig(process.env);
  } catch (err) {
    process.stderr.write(`Baton cannot start. ${(err as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  // Data under the key names of a Baton from before Redis Cluster support: refuse to start (once,
  // in the primary) rather than serve a desk that looks empty and writes a second one beside it.
  if (cluster.isPrimary && !usesEmbeddedStore(config)) {
    const refusal = await checkKeyNamesAtStart(config, logger);
    if (refusal) {
      logger.error('redis holds keys under old names: run npm run migrate:keys', { code: 'OLD_KEY_NAMES' });
      process.stderr.write(`Baton cannot start: ${refusal}\n`);
      process.exit(1);
    }
  }
  if (config.workers > 1 && cluster.isPrimary) {
    runPrimary(config, logger);
    return;
  }
  if (cluster.isPrimary) announce(config, logger);

  let catalog;
  try {
    catalog = await loadCatalog(config.intentsDir);
  } catch (err) {
    process.stderr.write(`Baton cannot start: the intent catalog in ${config.intentsDir} is invalid.\n${(err as Error).message}\n`);
    process.exit(1);
  }
  logger.info('catalog loaded', { dir: config.intentsDir, intents: catalog.intents.length, languages: catalog.languages });

  const runtime = createRuntime({ config, logger, catalog, createBrain: createDialogueBrain });
  // Bind first: a second copy on a busy port says so and exits before it claims to be up.
  const server: Server = createServer(runtime.app);
  server.keepAliveTimeout = 65_000;
  let port: number;
  try {
    port = await listen(server, config.port);
  } catch (err) {
    listenFailed('PORT', config.port, err as NodeJS.ErrnoException);
  }
  let metricsServer: Server | undefined;
  if (runtime.metricsApp && config.metrics.port !== undefined && (cluster.isPrimary || cluster.worker?.id === 1)) {
    metricsServer = createServer(runtime.metricsApp);
    try {
      const metricsPort = await listen(metricsServer, config.metrics.port, '127.0.0.1');
      logger.info(`metrics on http://127.0.0.1:${metricsPort}/metrics`, { port: metricsPort });
    } catch (err) {
      listenFailed('METRICS_PORT', config.metrics.port, err as NodeJS.ErrnoException);
    }
  }
  await runtime.start();

  const stopWatching = watchCatalog(
    config.intentsDir,
    (next) => {
      runtime.setCatalog(next);
      logger.info('catalog reloaded', { intents: next.intents.length });
    },
    (err) => logger.error('catalog reload failed; keeping the last good catalog', { reason: (err as Error).message }),
  );

  logger.info(`Baton listening on http://localhost:${port}`, { port, store: usesEmbeddedStore(config) ? 'embedded' : config.redis.sentinels ? 'sentinel' : config.redis.clusterNodes ? 'cluster' : 'redis' });
  if (config.sandboxEnabled && (cluster.isPrimary || cluster.worker?.id === 1)) {
    process.stderr.write(
      `\nBaton is up on http://localhost:${port}. Try the bot without any Twilio or Meta account:\n` +
        `  curl -s localhost:${port}/sandbox/messages -H 'content-type: application/json' -d '{"from":"demo","text":"hi"}'\n\n`,
    );
  }
  server.on('error', (err) => {
    logger.error(`the HTTP server failed: ${err.message}`, { code: 'LISTEN_FAILED' });
    process.exit(1);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    stopWatching();
    server.close();
    metricsServer?.close();
    await runtime.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * WEB_CONCURRENCY > 1: a primary forks that many workers sharing the port (node:cluster); each is
 * a full Baton instance on the same Redis, which is what makes several instances safe anyway.
 */
function runPrimary(config: Config, logger: Logger): void {
  announce(config, logger);
  let stopping = false;
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (code === EXIT_PORT_IN_USE) {
      // Restarting would only fail again: the worker already said which port is taken.
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      process.exit(EXIT_PORT_IN_USE);
    }
    logger.error('worker exited; starting another', { worker: worker.id, code, signal });
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down workers', { signal });
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
