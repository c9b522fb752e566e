import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * The real Baton server (`node dist/main.js`) as a child process, for end-to-end tests and the
 * webhook benchmark. Nothing of the parent's environment leaks in except PATH/HOME: the child sees
 * exactly the variables it is given, so no real platform credentials can ever be picked up.
 */

export const REPO_ROOT = join(__dirname, '../..');

/** Compiles src/ into dist/ when dist/ is missing or older than src/ (what `npm start` does). */
export function ensureBuild(): void {
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/ensure-build.js')], { cwd: REPO_ROOT, stdio: 'inherit' });
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  /** Sends `signal` (SIGTERM by default) and resolves with the exit code; SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

export interface StartServerOptions {
  env: Record<string, string>;
  /** Defaults to a free port; PORT and PUBLIC_URL are set from it unless env has them. */
  port?: number;
  /** Extra node flags, e.g. ['--cpu-prof']. */
  nodeArgs?: string[];
  /** The script to run, relative to the repository (default `dist/main.js`); it must answer GET /readyz. */
  script?: string;
  readyTimeoutMs?: number;
}

/** Starts `node dist/main.js` (or `opts.script`) and resolves once GET /readyz answers 200; rejects (and kills it) otherwise. */
export async function startServerProcess(opts: StartServerOptions): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), join(REPO_ROOT, opts.script ?? 'dist/main.js')], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      PUBLIC_URL: url,
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

  const stop = async (signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`the server process exited before it was ready (code ${child.exitCode}):\n${out}`);
    const ready = await fetch(`${url}/readyz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop('SIGKILL');
      throw new Error(`the server process was not ready within ${opts.readyTimeoutMs ?? 60_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, child, output: () => out, stop };
}
