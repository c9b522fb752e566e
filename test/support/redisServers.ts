import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis, { Cluster } from 'ioredis';
import { freePort } from './serverProcess';

/**
 * Real `redis-server` processes on loopback for the tests whose subject is Redis trouble: a server
 * that freezes, dies, comes back empty, or fails over under Sentinel. Debian's redis-server package
 * provides the binary (.ci/run installs it).
 */

export function redisServerBinary(): string | undefined {
  for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(p)) return p;
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const binary = redisServerBinary();
if (!binary && process.env.REQUIRE_REDIS === '1') throw new Error('REQUIRE_REDIS=1 but redis-server is not installed (apt-get install redis-server)');

/** `describe` when redis-server can be started here, `describe.skip` otherwise. */
export const describeWithRedisServer: jest.Describe = (binary ? globalThis.describe : globalThis.describe?.skip) as jest.Describe;

export interface RedisServer {
  port: number;
  url: string;
  pid(): number | undefined;
  /** SIGSTOP: the process stays, every command hangs. */
  freeze(): void;
  thaw(): void;
  /** kill -9 and wait for the exit. */
  kill(): Promise<void>;
  /** Starts a fresh, empty server on the same port. */
  restart(extraArgs?: string[]): Promise<void>;
  /** A plain client (the caller disconnects it). */
  client(): Redis;
}

const dirs: string[] = [];

async function waitForPing(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined); // not up yet: connect() rejects, and the loop tries again
    try {
      await r.connect();
      if ((await r.ping()) === 'PONG') return;
    } catch {
      // not yet
    } finally {
      r.disconnect();
    }
    if (Date.now() > until) throw new Error(`redis-server on port ${port} did not answer`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

function spawnServer(args: string[]): ChildProcess {
  const child = spawn(binary!, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.resume();
  return child;
}

/** Starts a redis-server on a free loopback port, nothing kept on disk. */
export async function startRedisServer(extraArgs: string[] = []): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'baton-redis-'));
  dirs.push(dir);
  const args = () => ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...extraArgs];
  let child = spawnServer(args());
  await waitForPing(port);
  const exit = (c: ChildProcess) => new Promise<void>((res) => (c.exitCode !== null || c.signalCode !== null ? res() : c.once('exit', () => res())));
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pid: () => child.pid,
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
    async kill() {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
      await exit(child);
    },
    async restart(more: string[] = []) {
      child = spawnServer([...args(), ...more]);
      await waitForPing(port);
    },
    client() {
      const c = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1 });
      c.on('error', () => undefined);
      return c;
    },
  };
}

export interface SentinelSet {
  name: string;
  master: RedisServer;
  replica: RedisServer;
  sentinels: { host: string; port: number }[];
  /** The address the sentinels currently report as master (asking sentinels[index], the first by default). */
  currentMasterPort(index?: number): Promise<number>;
  /** SIGSTOP one sentinel (by its index in `sentinels`): it accepts connections and answers nothing. */
  freezeSentinel(index: number): void;
  thawSentinel(index: number): void;
  stop(): Promise<void>;
}

/**
 * A master, one replica and three sentinels (quorum 2), failing over one second after the master stops
 * answering. It returns only when the replica finished its first sync, and every sentinel knows the
 * replica and the two other sentinels: a sentinel that has not yet heard the others cannot win the
 * vote, and a lost vote is retried only after twice the failover timeout.
 */
export async function startSentinelSet(name = 'batonmaster'): Promise<SentinelSet> {
  const master = await startRedisServer();
  const replica = await startRedisServer(['--replicaof', '127.0.0.1', String(master.port)]);
  const sentinelProcs: ChildProcess[] = [];
  const sentinels: { host: string; port: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), 'baton-sentinel-'));
    dirs.push(dir);
    const conf = path.join(dir, 'sentinel.conf');
    writeFileSync(
      conf,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${master.port} 2`,
        `sentinel down-after-milliseconds ${name} 1000`,
        `sentinel failover-timeout ${name} 3000`,
        `sentinel parallel-syncs ${name} 1`,
        '',
      ].join('\n'),
    );
    sentinelProcs.push(spawnServer([conf, '--sentinel']));
    await waitForPing(port);
    sentinels.push({ host: '127.0.0.1', port });
  }
  const ask = async (index = 0): Promise<number> => {
    const s = new Redis({ port: sentinels[index]!.port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
    s.on('error', () => undefined);
    try {
      const addr = (await s.call('SENTINEL', 'get-master-addr-by-name', name)) as [string, string];
      return Number(addr[1]);
    } finally {
      s.disconnect();
    }
  };
  // Wait until the replica holds the master's data: its first sync waits repl-diskless-sync-delay
  // (5 s by default) for more replicas, and a master killed before then fails over to an empty one.
  const synced = Date.now() + 20_000;
  for (;;) {
    const r = replica.client();
    const info = await r.info('replication').catch(() => '');
    r.disconnect();
    if (/master_link_status:up/.test(info)) break;
    if (Date.now() > synced) throw new Error('the replica never finished its first sync with the master');
    await new Promise((res) => setTimeout(res, 200));
  }
  // Wait until every sentinel knows the replica (a failover needs one) and the other sentinels (a vote needs them).
  const until = Date.now() + 20_000;
  const ready = async (port: number): Promise<boolean> => {
    const s = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
    s.on('error', () => undefined);
    try {
      const replicas = (await s.call('SENTINEL', 'replicas', name).catch(() => [])) as unknown[];
      const others = (await s.call('SENTINEL', 'sentinels', name).catch(() => [])) as unknown[];
      return replicas.length > 0 && others.length >= sentinels.length - 1;
    } finally {
      s.disconnect();
    }
  };
  for (;;) {
    const states = await Promise.all(sentinels.map((s) => ready(s.port)));
    if (states.every(Boolean)) break;
    if (Date.now() > until) throw new Error('the sentinels never saw the replica and each other');
    await new Promise((res) => setTimeout(res, 200));
  }
  return {
    name,
    master,
    replica,
    sentinels,
    currentMasterPort: ask,
    freezeSentinel: (index) => sentinelProcs[index]!.kill('SIGSTOP'),
    thawSentinel: (index) => sentinelProcs[index]!.kill('SIGCONT'),
    async stop() {
      for (const p of sentinelProcs) p.kill('SIGKILL');
      await master.kill().catch(() => undefined);
      await replica.kill().catch(() => undefined);
    },
  };
}

/** Removes the temporary directories of every server started by this file. */
export function cleanRedisDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface RedisClusterSet {
  /** Every node, masters and replicas, as REDIS_CLUSTER_NODES wants them: host:port,host:port,… */
  nodesEnv: string;
  nodes: RedisServer[];
  /** The nodes currently serving slots, with the slot ranges each serves. */
  masters(): Promise<{ port: number; slots: [number, number][] }[]>;
  /** A cluster client (the caller disconnects it). */
  client(keyPrefix?: string): Cluster;
  /** Every key under a prefix, per master port. */
  keysByMaster(prefix: string): Promise<Map<number, string[]>>;
  /** Deletes every key under a prefix on every master. */
  deletePrefix(prefix: string): Promise<void>;
  stop(): Promise<void>;
}

export function redisCliBinary(): string | undefined {
  for (const p of ['/usr/bin/redis-cli', '/usr/local/bin/redis-cli']) if (existsSync(p)) return p;
  return undefined;
}

/** `describe` when a Redis Cluster can be started here (redis-server and redis-cli), `describe.skip` otherwise. */
export const describeWithRedisCluster: jest.Describe = (binary && redisCliBinary() ? globalThis.describe : globalThis.describe?.skip) as jest.Describe;
if (binary && !redisCliBinary() && process.env.REQUIRE_REDIS === '1') throw new Error('REQUIRE_REDIS=1 but redis-cli is not installed (apt-get install redis-tools)');

/**
 * A Redis Cluster of 6 real redis-server processes on loopback: 3 masters, 3 replicas, built with
 * `redis-cli --cluster create … --cluster-replicas 1`. Each node gets its own free cluster-bus port
 * (the default, port + 10000, may be taken or out of range). Returns when every slot is served and
 * the cluster says ok.
 */
export async function startRedisCluster(): Promise<RedisClusterSet> {
  const nodes: RedisServer[] = [];
  for (let i = 0; i < 6; i++) {
    const busPort = await freePort();
    nodes.push(await startRedisServer(['--cluster-enabled', 'yes', '--cluster-port', String(busPort), '--cluster-config-file', `nodes-${i}.conf`, '--cluster-node-timeout', '2000']));
  }
  const addrs = nodes.map((n) => `127.0.0.1:${n.port}`);
  let stopped = false;
  await new Promise<void>((resolve, reject) => {
    const cli = spawn(redisCliBinary()!, ['--cluster', 'create', ...addrs, '--cluster-replicas', '1', '--cluster-yes'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    cli.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    cli.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    cli.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`redis-cli --cluster create failed (${code}):\n${out}`))));
  });
  const ask = async <T>(port: number, ...args: string[]): Promise<T> => {
    const r = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
    r.on('error', () => undefined);
    try {
      return (await r.call(args[0]!, ...args.slice(1))) as T;
    } finally {
      r.disconnect();
    }
  };
  // Every node must see the whole cluster as ok (slots assigned, the others met) before clients use it.
  const until = Date.now() + 30_000;
  for (;;) {
    const infos = await Promise.all(nodes.map((n) => ask<string>(n.port, 'CLUSTER', 'INFO').catch(() => '')));
    if (infos.every((i) => /cluster_state:ok/.test(i) && /cluster_known_nodes:6/.test(i))) break;
    if (Date.now() > until) throw new Error('the Redis Cluster never reached cluster_state:ok on every node');
    await new Promise((res) => setTimeout(res, 200));
  }
  const masters = async () => {
    const slots = await ask<[number, number, [string, number, string]][]>(nodes[0]!.port, 'CLUSTER', 'SLOTS');
    const byPort = new Map<number, [number, number][]>();
    for (const [from, to, [, port]] of slots) byPort.set(Number(port), [...(byPort.get(Number(port)) ?? []), [from, to]]);
    return [...byPort].map(([port, ranges]) => ({ port, slots: ranges }));
  };
  const keysByMaster = async (prefix: string) => {
    const out = new Map<number, string[]>();
    for (const { port } of await masters()) {
      const r = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
      try {
        const keys: string[] = [];
        let cursor = '0';
        do {
          const [next, batch] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          cursor = next;
          keys.push(...batch);
        } while (cursor !== '0');
        out.set(port, keys);
      } finally {
        r.disconnect();
      }
    }
    return out;
  };
  return {
    nodesEnv: addrs.join(','),
    nodes,
    masters,
    client(keyPrefix?: string) {
      const c = new Cluster(nodes.map((n) => ({ host: '127.0.0.1', port: n.port })), { keyPrefix, redisOptions: { maxRetriesPerRequest: 1 } });
      c.on('error', () => undefined);
      return c;
    },
    keysByMaster,
    async deletePrefix(prefix: string) {
      // Stopped already (its afterAll ran first): nothing is left to delete.
      if (stopped) return;
      for (const [port, keys] of await keysByMaster(prefix)) {
        const r = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
        try {
          // One key per DEL: a node refuses a DEL of keys in two slots.
          for (const k of keys) await r.del(k);
        } finally {
          r.disconnect();
        }
      }
    },
    async stop() {
      stopped = true;
      await Promise.all(nodes.map((n) => n.kill().catch(() => undefined)));
    },
  };
}

/**
 * One Redis Cluster for the tests of a file: started before them, stopped after. The getter
 * gives it inside hooks and tests.
 */
export function useRedisCluster(): () => RedisClusterSet {
  let cluster: RedisClusterSet | undefined;
  beforeAll(async () => {
    cluster = await startRedisCluster();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  return () => {
    if (!cluster) throw new Error('the Redis Cluster is not started (use inside tests and hooks)');
    return cluster;
  };
}
