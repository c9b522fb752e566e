import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { BatonError } from '../errors';
import type { Metrics } from './metrics';

export interface MetricsRouterOptions {
  /** Scrapes must send `Authorization: Bearer <token>` (Prometheus `authorization` / `bearer_token`). */
  bearerToken?: string;
  /** Served on a port bound to 127.0.0.1 (METRICS_PORT): no token asked. */
  loopbackOnly?: boolean;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` in the Prometheus text format; mount it at the root. Closed by default: it
 * answers only with the bearer token, or on the loopback-only metrics port.
 */
export function createMetricsRouter(metrics: Metrics, opts: MetricsRouterOptions = {}): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (!opts.loopbackOnly) {
      if (!opts.bearerToken) {
        throw new BatonError('FORBIDDEN', 'Metrics are closed: set METRICS_TOKEN and scrape with Authorization: Bearer <token>, or set METRICS_PORT to serve them on 127.0.0.1');
      }
      const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
      if (!m?.[1] || !sameSecret(m[1], opts.bearerToken)) {
        throw new BatonError('UNAUTHENTICATED', 'Send the metrics token as Authorization: Bearer <token>');
      }
    }
    const body = await metrics.scrape();
    res.set('Content-Type', metrics.contentType);
    res.set('Cache-Control', 'no-store');
    res.send(body);
  });
  return router;
}
