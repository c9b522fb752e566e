import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { ensureBuild, REPO_ROOT } from '../support/serverProcess';

jest.setTimeout(120_000);

/** `node dist/main.js` on a port something else holds: its exit code and everything it wrote. */
function startOnBusyPort(port: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/main.js')], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), NODE_ENV: 'development', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, output });
    });
  });
}

describe('a second copy on a busy port', () => {
  let holder: Server;
  let port: number;

  beforeAll(async () => {
    ensureBuild();
    holder = createServer();
    // No host: the same dual-stack address Baton binds by default.
    await new Promise<void>((r) => holder.listen(0, r));
    port = (holder.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => holder.close(() => r())));

  test('exits with code 1 and says the port is taken, never that it is up', async () => {
    const { code, output } = await startOnBusyPort(port);
    expect(code).toBe(1);
    expect(output).toContain(`Baton cannot start: port ${port} is not available (EADDRINUSE)`);
    expect(output).not.toMatch(/Baton is up|Baton listening/);
  });
});
