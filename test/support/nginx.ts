import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './serverProcess';

/**
 * Debian's nginx as a load balancer in front of several Baton instances, on loopback, for the
 * end-to-end tests and `npm run chaos`. The configuration is the one the README recommends: round
 * robin, and a webhook that fails on one instance (connection refused or reset, timeout, 502/503)
 * is retried on the next one, POSTs included (`non_idempotent`). That retry is safe because Baton
 * de-duplicates deliveries by MessageSid / mid / wamid.
 */

export function nginxBinary(): string | undefined {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx']) if (existsSync(p)) return p;
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const binary = nginxBinary();
if (!binary && process.env.REQUIRE_NGINX === '1') throw new Error('REQUIRE_NGINX=1 but nginx is not installed (apt-get install nginx)');

/** `describe` when nginx can be started here, `describe.skip` otherwise. Undefined outside jest (scripts). */
export const describeWithNginx: jest.Describe = (binary ? globalThis.describe : globalThis.describe?.skip) as jest.Describe;

export interface Nginx {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The load-balancing part of the configuration, as the README shows it. */
export function balancerConfig(upstreams: string[], listenPort: number): string {
  return [
    'upstream baton {',
    ...upstreams.map((u) => `  server ${u} max_fails=1 fail_timeout=2s;`),
    '  keepalive 32;',
    '}',
    'server {',
    `  listen 127.0.0.1:${listenPort};`,
    '  client_max_body_size 2m;',
    '  location / {',
    '    proxy_pass http://baton;',
    '    proxy_http_version 1.1;',
    '    proxy_set_header Connection "";',
    '    proxy_set_header Host $http_host;',
    '    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '    proxy_set_header X-Forwarded-Proto $scheme;',
    '    proxy_buffering off;',
    '    proxy_read_timeout 30s;',
    '    proxy_connect_timeout 2s;',
    '    proxy_next_upstream error timeout http_502 http_503 non_idempotent;',
    '    proxy_next_upstream_tries 3;',
    '  }',
    '}',
  ].join('\n');
}

/** Starts nginx (foreground, its own prefix folder, logs and temp files inside it) balancing over `upstreams` ("127.0.0.1:port"). */
export async function startNginx(upstreams: string[]): Promise<Nginx> {
  if (!binary) throw new Error('nginx is not installed (apt-get install nginx)');
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'baton-nginx-'));
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${dir}/body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      balancerConfig(upstreams, port),
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(binary, ['-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (code ${child.exitCode}): ${err}`);
    const up = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })
      .then(() => true)
      .catch(() => false);
    if (up) break;
    if (Date.now() > until) throw new Error(`nginx did not answer on ${url}: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGQUIT');
        const t = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(t);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
