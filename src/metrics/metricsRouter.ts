import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { BatonError } from '../errors';
import type { Metrics } from './metrics';

export interface MetricsRouterOptions {
  /** When set, scrapes must send `Authorization: Bearer <token>` (Prometheus `authorization` / `bearer_token`). */
  bearerToken?: string;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `GET /metrics` in the Prometheus text format; mount it at the root. */
export function createMetricsRouter(metrics: Metrics, opts: MetricsRouterOptions = {}): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (opts.bearerToken) {
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
