import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
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
  /** The address the sentinels currently report as master. */
  currentMasterPort(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A master, one replica and three sentinels (quorum 2), failing over one second after the master stops
 * answering. It returns only when every sentinel knows the replica and the two other sentinels: a
 * sentinel that has not yet heard the others cannot win the vote, and a lost vote is retried only after
 * twice the failover timeout.
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
  const ask = async (): Promise<number> => {
    const s = new Redis({ port: sentinels[0]!.port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
    s.on('error', () => undefined);
    try {
      const addr = (await s.call('SENTINEL', 'get-master-addr-by-name', name)) as [string, string];
      return Number(addr[1]);
    } finally {
      s.disconnect();
    }
  };
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
