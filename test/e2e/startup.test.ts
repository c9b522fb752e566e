import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild, freePort, REPO_ROOT } from '../support/serverProcess';

/**
 * Starting the real server process (`node dist/main.js`): it refuses weak setups with a message
 * naming the variable, says it is up only once the port is bound, exits clearly when the port is
 * taken, reads .env, and keeps /metrics closed unless asked.
 */

jest.setTimeout(120_000);

const INTENTS_DIR = join(REPO_ROOT, 'intents');

interface Exited {
  code: number | null;
  output: string;
}

interface Started {
  output(): string;
  stop(): Promise<number | null>;
}

function spawnBaton(env: Record<string, string>, cwd = REPO_ROOT) {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/main.js')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', CONSOLE_ENABLED: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners: (() => void)[] = [];
  const keep = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const l of [...listeners]) l();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited, onOutput: (l: () => void) => listeners.push(l) };
}

/** Runs the server until it exits on its own (a refused start). */
async function runToExit(env: Record<string, string>): Promise<Exited> {
  const p = spawnBaton(env);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 60_000);
  const code = await p.exited;
  clearTimeout(timer);
  return { code, output: p.output() };
}

/** Starts the server and resolves once it says it is up on `port`. */
async function startUp(env: Record<string, string>, port: number, cwd?: string): Promise<Started> {
  const p = spawnBaton({ ...env, PORT: env.PORT ?? String(port) }, cwd);
  const stop = async () => {
    if (p.child.exitCode === null) p.child.kill('SIGTERM');
    return p.exited;
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not up within 90 s:\n${p.output()}`)), 90_000);
    const check = () => {
      if (p.output().includes(`Baton is up on http://localhost:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    p.onOutput(check);
    void p.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before it was up:\n${p.output()}`));
    });
  });
  return { output: p.output, stop };
}

beforeAll(() => ensureBuild(), 300_000);

describe('starting the server process', () => {
  test('on a busy port: no "up" message, a clear error naming the port, exit code 69', async () => {
    const port = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((r) => squatter.listen(port, r));
    try {
      const r = await runToExit({ PORT: String(port), SANDBOX_ENABLED: 'true', INTENTS_DIR });
      expect(r.code).toBe(69);
      expect(r.output).toContain(`Baton cannot start: port ${port} is already in use`);
      expect(r.output).not.toMatch(/is up on|Baton listening/);
    } finally {
      await new Promise((r) => squatter.close(r));
    }
  });

  test('once it says it is up, the port answers', async () => {
    const port = await freePort();
    const baton = await startUp({ SANDBOX_ENABLED: 'true', INTENTS_DIR }, port);
    try {
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      expect(await baton.stop()).toBe(0);
    }
  });

  test.each([
    ['TWILIO_AUTH_TOKEN', 'x'],
    ['META_APP_SECRET', '   '],
    ['FULFILLMENT_SECRET', 'short-secret'],
  ])('refuses a weak %s at start, naming it', async (name, value) => {
    const r = await runToExit({ PORT: String(await freePort()), INTENTS_DIR, [name]: value });
    expect(r.code).toBe(1);
    expect(r.output).toContain('Baton cannot start');
    expect(r.output).toContain(`${name}: ${name}`);
  });

  test('refuses NODE_ENV=production without REDIS_URL, and starts with ALLOW_MEMORY_STORE=true', async () => {
    const refused = await runToExit({ PORT: String(await freePort()), NODE_ENV: 'production', INTENTS_DIR });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/REDIS_URL: NODE_ENV=production needs REDIS_URL/);
    const port = await freePort();
    const allowed = await startUp({ NODE_ENV: 'production', ALLOW_MEMORY_STORE: 'true', SANDBOX_ENABLED: 'true', INTENTS_DIR }, port);
    await allowed.stop();
  });

  test('reads .env from the working directory: a copy of .env.example (PUBLIC_URL= empty) starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-start-'));
    const port = await freePort();
    const env = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8')
      .replace(/^PORT=.*$/m, `PORT=${port}`)
      .replace(/^INTENTS_DIR=.*$/m, `INTENTS_DIR=${INTENTS_DIR}`)
      .replace(/^SANDBOX_ENABLED=.*$/m, 'SANDBOX_ENABLED=true');
    expect(env).toMatch(/^PUBLIC_URL=$/m);
    writeFileSync(join(dir, '.env'), env);
    // PORT and INTENTS_DIR come only from the file.
    const baton = await startUp({}, port, dir);
    try {
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await baton.stop();
    }
  });

  test('keeps /metrics closed on PORT, and serves it on METRICS_PORT bound to 127.0.0.1', async () => {
    const port = await freePort();
    const metricsPort = await freePort();
    const baton = await startUp({ METRICS_PORT: String(metricsPort), SANDBOX_ENABLED: 'true', INTENTS_DIR }, port);
    try {
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(403);
      const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(scrape.status).toBe(200);
      expect(await scrape.text()).toContain('baton_');
      expect(baton.output()).toContain(`metrics on http://127.0.0.1:${metricsPort}/metrics`);
      // Not reachable on the machine's other addresses.
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal);
      if (external) {
        await expect(fetch(`http://${external.address}:${metricsPort}/metrics`)).rejects.toThrow();
      }
    } finally {
      await baton.stop();
    }
  });
});
