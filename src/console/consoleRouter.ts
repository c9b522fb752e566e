import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { BatonError } from '../errors';

/**
 * Serves the built agent console (/console, a single-page app) and the customer simulator
 * (/simulator) from dist/console. Only the files the console build writes are served: the same
 * folder also holds compiled server code. Mount at the root: `{ path: '/', router }`.
 */

export interface ConsoleRouterOptions {
  /** Where scripts/build-console.mjs wrote the bundle (dist/console). */
  distDir: string;
  /** The simulator posts as customers on the sandbox channel: only with the sandbox enabled. */
  simulatorEnabled: boolean;
}

/** Nothing from another origin: no CDN, no fonts, no analytics; images may come from https media URLs. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "media-src 'self' https:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const CONSOLE_ASSETS = new Set(['console.js', 'console.js.map', 'console.css']);
const SIMULATOR_ASSETS = new Set(['simulator.js', 'simulator.js.map']);
const YEAR_SECONDS = 365 * 24 * 3600;

function securityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', CONSOLE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
}

function notBuilt(res: Response): void {
  res.status(503).json({
    error: { code: 'CONSOLE_NOT_BUILT', message: 'The console is not built: run npm run build (or node scripts/build-console.mjs)' },
  });
}

export function createConsoleRouter(opts: ConsoleRouterOptions): Router {
  const distDir = path.resolve(opts.distDir);
  const router = express.Router();

  const sendPage = (res: Response, file: 'index.html' | 'simulator.html') => {
    if (!existsSync(path.join(distDir, file))) return notBuilt(res);
    securityHeaders(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file, { root: distDir, cacheControl: false, dotfiles: 'deny' });
  };

  const sendAsset = (req: Request, res: Response, file: string) => {
    if (!existsSync(path.join(distDir, file))) return notBuilt(res);
    securityHeaders(res);
    // URLs carry the content hash (?v=…) from the HTML: safe to cache forever. Bare URLs revalidate.
    res.setHeader('Cache-Control', typeof req.query.v === 'string' ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache');
    res.sendFile(file, { root: distDir, cacheControl: false, dotfiles: 'deny' });
  };

  const simulatorDisabled = () =>
    new BatonError('NOT_FOUND', 'The simulator is disabled on this server: it needs the sandbox channel (SANDBOX_ENABLED=true)');

  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const p = req.path;
    if (p === '/simulator' || p === '/simulator/') {
      if (!opts.simulatorEnabled) return next(simulatorDisabled());
      return sendPage(res, 'simulator.html');
    }
    if (p !== '/console' && !p.startsWith('/console/')) return next();
    const rest = p.slice('/console'.length).replace(/^\/+/, '');
    if (CONSOLE_ASSETS.has(rest)) return sendAsset(req, res, rest);
    if (SIMULATOR_ASSETS.has(rest)) {
      if (!opts.simulatorEnabled) return next(simulatorDisabled());
      return sendAsset(req, res, rest);
    }
    // A path whose last segment has an extension is a missing file, not a client route.
    const last = rest.split('/').pop() ?? '';
    if (last.includes('.')) return next(new BatonError('NOT_FOUND', `No console file ${rest}`));
    return sendPage(res, 'index.html');
  });

  return router;
}
