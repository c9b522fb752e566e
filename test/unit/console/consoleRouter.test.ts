import express from 'express';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConsoleRouter, type ConsoleRouterOptions } from '../../../src/console/consoleRouter';
import { createErrorMiddleware, notFound } from '../../../src/http/errorMiddleware';
import { createLogger } from '../../../src/logger';

function builtDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baton-console-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Baton</title><div id="app"></div>');
  writeFileSync(path.join(dir, 'simulator.html'), '<!doctype html><title>Baton simulator</title>');
  writeFileSync(path.join(dir, 'console.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'console.css'), 'body{}');
  writeFileSync(path.join(dir, 'simulator.js'), 'console.log(2)');
  // tsc writes the router itself into the same folder: it must never be served.
  writeFileSync(path.join(dir, 'consoleRouter.js'), 'module.exports = {}');
  return dir;
}

async function serve(opts: ConsoleRouterOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.use('/', createConsoleRouter(opts));
  app.use(notFound);
  app.use(createErrorMiddleware(createLogger('error')));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('console router', () => {
  let app: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    app = await serve({ distDir: builtDist(), simulatorEnabled: true });
  });
  afterAll(() => app.close());

  test('serves index.html at /console with a strict content security policy and no caching', async () => {
    const r = await fetch(`${app.url}/console/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.headers.get('cache-control')).toBe('no-cache');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain('img-src \'self\' data: https:');
    expect(csp).not.toContain('unsafe-inline');
  });

  test('answers client routes such as /console/c/:id with index.html (SPA fallback)', async () => {
    const r = await fetch(`${app.url}/console/c/conv_123`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('<div id="app">');
  });

  test('caches an asset for a year when its URL carries the content hash, and revalidates it otherwise', async () => {
    const hashed = await fetch(`${app.url}/console/console.js?v=abc123`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bare = await fetch(`${app.url}/console/console.css`);
    expect(bare.headers.get('cache-control')).toBe('no-cache');
    expect(bare.headers.get('content-type')).toMatch(/text\/css/);
  });

  test('never serves the compiled server code that shares the folder', async () => {
    const r = await fetch(`${app.url}/console/consoleRouter.js`);
    expect(r.status).toBe(404);
    expect((await r.json()).error.code).toBe('NOT_FOUND');
  });

  test('serves the simulator page when enabled', async () => {
    const r = await fetch(`${app.url}/simulator`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('Baton simulator');
  });

  test('leaves other paths to the rest of the app', async () => {
    const r = await fetch(`${app.url}/consoles`);
    expect(r.status).toBe(404);
    expect((await r.json()).error.message).toContain('No route for GET /consoles');
  });
});

describe('console router without the simulator or without a build', () => {
  test('answers 404 JSON for the simulator and its script when the sandbox is off', async () => {
    const app = await serve({ distDir: builtDist(), simulatorEnabled: false });
    try {
      const page = await fetch(`${app.url}/simulator`);
      expect(page.status).toBe(404);
      expect((await page.json()).error.message).toMatch(/simulator is disabled/);
      expect((await fetch(`${app.url}/console/simulator.js`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  test('answers 503 JSON asking to run the build when dist/console is missing', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'baton-console-empty-'));
    mkdirSync(empty, { recursive: true });
    const app = await serve({ distDir: path.join(empty, 'nope'), simulatorEnabled: true });
    try {
      const r = await fetch(`${app.url}/console/`);
      expect(r.status).toBe(503);
      expect((await r.json()).error.message).toMatch(/npm run build/);
    } finally {
      await app.close();
    }
  });
});
