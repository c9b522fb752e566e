import { randomBytes } from 'node:crypto';
import Redis, { Cluster, type RedisOptions } from 'ioredis';
import RedisMock from 'ioredis-mock';
import type { Config } from '../config';
import type { Logger } from '../logger';

/**
 * The store of record is Redis. Without REDIS_URL (or REDIS_SENTINELS) Baton runs on an embedded,
 * in-process Redis emulation (ioredis-mock): the same commands, Lua scripts and pub/sub, nothing kept
 * after exit, nothing shared with another process. Good for trying Baton out; never for production.
 *
 * With REDIS_CLUSTER_NODES it is ioredis's Cluster client: commands go to the master of their key's
 * slot, following MOVED/ASK. Every script and MULTI in Baton touches the keys of one slot (the key
 * naming rule is in ./keys.ts), so the same code runs on one server, under Sentinel and on a cluster.
 *
 * Against a real Redis the connection:
 * - fails commands after `commandTimeoutMs` instead of hanging while Redis is frozen or gone, so
 *   requests answer 503 STORE_UNAVAILABLE fast and recover by themselves when Redis is back;
 * - follows Sentinel to the current master (asking the next sentinel when one does not answer within
 *   the command timeout), and reconnects when a write meets READONLY (the node it talks to was
 *   demoted in a failover);
 * - connects a client again when ioredis gave it up without its owner closing it (see OwnedRedis):
 *   after a failover every client talks to the new master again, however slow the machine;
 * - keeps an epoch key: written once, checked on every reconnect. A Redis that comes back without it
 *   restarted empty (or is another server): the instance reports not ready and says why, instead of
 *   answering messages twice and failing sessions silently.
 */
export interface RedisConnection {
  /** Commands (auto-pipelined). */
  client: Redis;
  /** Opens a dedicated connection (pub/sub subscribers need their own). */
  duplicate(): Redis;
  embedded: boolean;
  /** Checks Redis answers writes, on a master, with Baton's data still there. */
  health(): Promise<StoreHealth>;
  /**
   * Waits until the writes made so far reached the configured number of replicas. Resolves false
   * when they did not within the timeout (the caller must not acknowledge what it wrote).
   */
  waitForReplicas(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreHealth {
  ok: boolean;
  /** Why not, in words an operator can act on. */
  reason?: string;
}

export interface RedisConnectionOptions {
  url?: string;
  sentinels?: { host: string; port: number }[];
  sentinelName?: string;
  /** Seed nodes of a Redis Cluster. */
  clusterNodes?: { host: string; port: number }[];
  keyPrefix: string;
  logger: Logger;
  commandTimeoutMs?: number;
  /**
   * How long a sentinel may take to name the master before the next one is asked (default:
   * commandTimeoutMs). Without a limit one frozen sentinel holds every reconnect for as long as it is frozen.
   */
  sentinelLookupTimeoutMs?: number;
  waitReplicas?: 'auto' | number;
  waitTimeoutMs?: number;
}

const EPOCH_KEY = 'store:epoch';
const PROBE_KEY = 'store:probe';
/** How often the replicas connected to the master are counted again (WAIT targets them). */
const REPLICA_RECOUNT_MS = 10_000;

/** Errors after which ioredis should reconnect (and resend the command): a demoted master. */
export function reconnectOnError(err: Error): boolean | 1 | 2 {
  return err.message.startsWith('READONLY') ? 2 : false;
}

/**
 * ioredis's client, knowing whether its owner closed it (quit, or disconnect without reconnecting).
 *
 * ioredis can also end a client by itself, for good. Under Sentinel its failover detector listens to
 * the sentinels for +switch-master and, when it hears one, stops the client's connector. If the
 * client is at that moment reconnecting and waiting for a sentinel to name the master (the master
 * just died; a sentinel or the machine is slow to answer), the lookup then fails with "Connection is
 * closed." and ioredis puts the client in status "end": no retryStrategy, no reconnect, every
 * command fails from then on. Baton connects such a client again (keepConnected).
 */
export class OwnedRedis extends Redis {
  closedByOwner = false;

  override disconnect(reconnect = false): void {
    if (!reconnect) this.closedByOwner = true;
    super.disconnect(reconnect);
  }

  override sendCommand(...args: Parameters<Redis['sendCommand']>): unknown {
    if (args[0].name === 'quit') this.closedByOwner = true;
    return super.sendCommand(...args);
  }
}

/** Wait before connecting again a client ioredis ended: 100 ms, doubling, at most 2 s. */
export function reconnectAfterEndDelay(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt - 1, 5), 2000);
}

/**
 * Connects a client again whenever it ends without its owner (or the connection's close) asking
 * for it; it keeps trying until it is ready. Returns a function that cancels a pending attempt.
 */
function keepConnected(client: OwnedRedis, role: string, closing: () => boolean, logger: Logger): () => void {
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;
  const wanted = () => !client.closedByOwner && !closing();
  client.on('ready', () => {
    if (attempt > 0) logger.info('redis client connected again after ioredis had ended it', { role, attempts: attempt });
    attempt = 0;
  });
  client.on('end', () => {
    if (!wanted() || timer) return;
    attempt += 1;
    const delayMs = reconnectAfterEndDelay(attempt);
    if (attempt === 1) logger.warn('redis client ended without being closed; connecting it again', { code: 'STORE_UNAVAILABLE', role, delayMs });
    timer = setTimeout(() => {
      timer = undefined;
      // A failed connect() ends the client again, which schedules the next attempt.
      if (wanted() && client.status === 'end') client.connect().catch(() => undefined);
    }, delayMs);
  });
  return () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
}

/** The connection the configuration describes (REDIS_URL or REDIS_SENTINELS, timeouts, replica waits). */
export function connectRedisFromConfig(config: Pick<Config, 'redisUrl' | 'redis' | 'redisKeyPrefix'>, logger: Logger): RedisConnection {
  return connectRedis({
    url: config.redisUrl,
    sentinels: config.redis.sentinels,
    sentinelName: config.redis.sentinelName,
    clusterNodes: config.redis.clusterNodes,
    keyPrefix: config.redisKeyPrefix,
    logger,
    commandTimeoutMs: config.redis.commandTimeoutMs,
    waitReplicas: config.redis.waitReplicas,
    waitTimeoutMs: config.redis.waitTimeoutMs,
  });
}

export function connectRedis(opts: RedisConnectionOptions): RedisConnection {
  if (!opts.url && !opts.sentinels?.length && !opts.clusterNodes?.length) return embeddedConnection(opts.keyPrefix);
  const { logger } = opts;
  const options: RedisOptions = {
    keyPrefix: opts.keyPrefix,
    enableAutoPipelining: true,
    // One retry across a reconnect, then the command fails (with the timeout below, a frozen Redis
    // costs a request at most commandTimeoutMs).
    maxRetriesPerRequest: 1,
    commandTimeout: opts.commandTimeoutMs ?? 2000,
    connectTimeout: 5000,
    reconnectOnError,
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
    ...(opts.sentinels?.length
      ? {
          sentinels: opts.sentinels,
          name: opts.sentinelName,
          sentinelRetryStrategy: () => 500,
          sentinelCommandTimeout: opts.sentinelLookupTimeoutMs ?? opts.commandTimeoutMs ?? 2000,
          failoverDetector: true,
        }
      : {}),
  };
  const clustered = Boolean(opts.clusterNodes?.length);
  const client = clustered
    ? connectCluster(opts.clusterNodes!, options)
    : opts.sentinels?.length
      ? new OwnedRedis(options)
      : new OwnedRedis(opts.url!, options);
  const extra: Redis[] = [];
  let closing = false;
  const cancels: (() => void)[] = [];
  if (client instanceof OwnedRedis) cancels.push(keepConnected(client, 'commands', () => closing, logger));

  let lastError = '';
  let epoch: string | undefined;
  let lost: string | undefined;
  let replicasSeen = 0;

  const checkEpoch = async (): Promise<void> => {
    const fresh = randomBytes(8).toString('hex');
    const wasSet = await client.set(EPOCH_KEY, fresh, 'NX');
    const current = wasSet ? fresh : await client.get(EPOCH_KEY);
    if (epoch === undefined) {
      epoch = current ?? fresh;
      return;
    }
    if (current !== epoch) {
      lost =
        'Redis came back without Baton\'s data (its epoch key changed): it restarted empty or is another server. ' +
        'Messages may be answered twice and sessions are gone. Restore it, or restart Baton to start over on the empty store.';
      logger.error('redis lost its data', { code: 'STORE_LOST' });
    }
  };
  const countReplicas = async (): Promise<void> => {
    // On a cluster each master has its own replicas and WAIT speaks for one connection only: no waits (see waitTarget).
    if (clustered) return;
    const info = await client.info('replication');
    const m = /connected_slaves:(\d+)/.exec(info);
    replicasSeen = m ? Number(m[1]) : 0;
  };

  client.on('error', (err: Error) => {
    if (err.message !== lastError) logger.error('redis connection error', { code: 'STORE_UNAVAILABLE', reason: err.message });
    lastError = err.message;
  });
  client.on('ready', () => {
    if (lastError) logger.info('redis connection restored');
    lastError = '';
    void Promise.all([checkEpoch(), countReplicas()]).catch((err: Error) => logger.warn('redis checks after connecting failed', { reason: err.message }));
  });

  // A replica added later is waited for too: count them again now and then.
  const recount = setInterval(() => {
    if (client.status === 'ready') void countReplicas().catch(() => undefined);
  }, REPLICA_RECOUNT_MS);
  recount.unref();

  const waitTarget = (): number => {
    if (clustered) return 0;
    if (opts.waitReplicas === undefined || opts.waitReplicas === 'auto') return Math.min(replicasSeen, 1);
    return opts.waitReplicas;
  };

  /**
   * WAIT blocks its connection (every command sent after it waits behind it), and it covers the
   * writes this connection sent before it. So waits are shared: callers that arrive while one WAIT
   * is out all ride on the next one, sent when it returns. Without this, after a failover left the
   * master without replicas, each webhook's WAIT held the connection for the whole timeout in turn,
   * commands timed out behind them, and even the replica recount queued there (a 20 s stall).
   */
  let waiting: Promise<number> | null = null;
  let nextWait: { target: number; promise: Promise<number> } | null = null;
  const sharedWait = (target: number): Promise<number> => {
    if (!waiting) {
      waiting = Promise.resolve(client.wait(target, opts.waitTimeoutMs ?? 1000)).then(Number).finally(() => (waiting = null));
      return waiting;
    }
    if (nextWait && nextWait.target >= target) return nextWait.promise;
    const after = waiting.catch(() => 0).then(() => {
      nextWait = null;
      return sharedWait(target);
    });
    nextWait = { target, promise: after };
    return after;
  };

  return {
    client,
    embedded: false,
    duplicate: () => {
      // A Cluster duplicates itself; a single client is duplicated as an OwnedRedis, kept connected too.
      const d = client instanceof OwnedRedis ? new OwnedRedis({ ...client.options }) : client.duplicate();
      d.on('error', () => undefined);
      if (d instanceof OwnedRedis) cancels.push(keepConnected(d, 'subscriber', () => closing, logger));
      extra.push(d);
      return d;
    },
    async health() {
      if (lost) return { ok: false, reason: lost };
      try {
        // A write, so a replica left behind by a failover (READONLY) is not "ready".
        await client.set(PROBE_KEY, Date.now(), 'PX', 10_000);
        if (epoch === undefined) await checkEpoch();
        return lost ? { ok: false, reason: lost } : { ok: true };
      } catch (err) {
        return { ok: false, reason: `Redis does not accept writes: ${(err as Error).message}` };
      }
    },
    async waitForReplicas() {
      const target = waitTarget();
      if (target <= 0) return true;
      const acked = await sharedWait(target);
      if (acked >= target) return true;
      if (opts.waitReplicas !== undefined && opts.waitReplicas !== 'auto') return false;
      // "auto" waits for a replica while one exists. The one counted may be gone (it died, or a
      // failover promoted it): count again, and stop waiting when none is connected any more.
      await countReplicas();
      if (waitTarget() > 0) return false;
      logger.warn('no replica is connected to the Redis master; events are acknowledged without a replica copy', { code: 'STORE_NO_REPLICA' });
      return true;
    },
    close: async () => {
      closing = true;
      for (const cancel of cancels) cancel();
      clearInterval(recount);
      await Promise.allSettled(extra.map((d) => d.quit()));
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/**
 * ioredis's Cluster client with the single-server options (timeouts, READONLY reconnects) on every
 * node connection. It speaks Redis's commands; Baton's stores are typed against the Redis class, so
 * it is handed to them as one.
 */
function connectCluster(nodes: { host: string; port: number }[], options: RedisOptions): Redis {
  const { keyPrefix, enableAutoPipelining, maxRetriesPerRequest, ...perNode } = options;
  const cluster = new Cluster(nodes, {
    keyPrefix,
    enableAutoPipelining,
    maxRedirections: 16,
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
    clusterRetryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
    redisOptions: { ...perNode, maxRetriesPerRequest },
  });
  return cluster as unknown as Redis;
}

function embeddedConnection(keyPrefix: string): RedisConnection {
  const extra: Redis[] = [];
  const client = new RedisMock({ keyPrefix }) as unknown as Redis;
  return {
    client,
    embedded: true,
    duplicate: () => {
      const d = (client as unknown as { duplicate(): Redis }).duplicate();
      extra.push(d);
      return d;
    },
    health: async () => ({ ok: true }),
    waitForReplicas: async () => true,
    close: async () => {
      for (const d of extra) d.disconnect();
      client.disconnect();
    },
  };
}

/** The Redis the settings point at, for messages to the operator: never its password. */
export function describeRedisTarget(config: Config): string {
  if (config.redisUrl) {
    try {
      const u = new URL(config.redisUrl);
      return `${u.protocol}//${u.host}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
    } catch {
      return 'REDIS_URL';
    }
  }
  return config.redis.sentinels ? 'Redis (Sentinel)' : config.redis.clusterNodes ? 'Redis Cluster' : 'Redis';
}
