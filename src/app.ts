import express, { type Express, type RequestHandler, type Router } from 'express';
import type { Config } from './config';
import { BatonError } from './errors';
import { createErrorMiddleware, notFound } from './http/errorMiddleware';
import { requestId } from './http/requestId';
import type { Logger } from './logger';
import type { Metrics } from './metrics/metrics';

export interface Readiness {
  store: boolean;
  catalog: boolean;
  /** False while the instance is still starting (the port is bound before the first admin is seeded). */
  started?: boolean;
  details?: Record<string, unknown>;
}

export interface AppDeps {
  config: Config;
  logger: Logger;
  readiness: () => Promise<Readiness>;
  metrics?: Metrics;
  /** Webhook routers of the enabled channels; a missing one answers 503 CHANNEL_DISABLED. */
  twilioRouter?: Router;
  /** Call deflection on the phone line (`/webhooks/twilio/voice`); missing = 503 with what to set. */
  voiceRouter?: Router;
  messengerRouter?: Router;
  whatsappCloudRouter?: Router;
  instagramRouter?: Router;
  sandboxRouter?: Router;
  /** Further routers mounted at their path (agent API, console…). */
  mounts?: { path: string; router: Router | RequestHandler }[];
}

function disabledChannel(name: string, missing: string[]): RequestHandler {
  return (_req, _res, next) => {
    next(
      new BatonError(
        'CHANNEL_DISABLED',
        `The ${name} channel is disabled on this server: set ${missing.join(', ')} to enable it`,
      ),
    );
  };
}

/** The HTTP surface: routes and error handling, no listen() (tests mount it on a free port). */
export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestId);
  // Access log at `http` level; skipped entirely (no listener, no clock read) when that level is off.
  if (logger.isLevelEnabled('http')) {
    app.use((req, res, next) => {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        logger.http('request', {
          requestId: res.locals.requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        });
      });
      next();
    });
  }

  // Webhook outcomes that never reach ingest (refused signatures, bad payloads, disabled channels).
  app.use('/webhooks/:channel', (req, res, next) => {
    res.on('finish', () => {
      const param = String(req.params.channel);
      const channel = param === 'twilio' ? 'whatsapp' : param === 'whatsapp' ? 'whatsapp_cloud' : param;
      const code = res.statusCode;
      if (code < 400) return;
      const outcome = code === 403 || (code === 400 && res.locals.errorCode === 'SIGNATURE_MISSING') ? 'rejected_signature' : code === 503 ? 'disabled' : 'invalid';
      deps.metrics?.webhook(channel, outcome);
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const r: Readiness = await deps.readiness().catch(() => ({ store: false, catalog: false }));
    const ready = r.store && r.catalog && r.started !== false;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', ...r });
  });

  // Answers of the agent API (sessions, transcripts, customers, figures) are never cached.
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(
    '/webhooks/twilio/voice',
    deps.voiceRouter ?? disabledChannel('call deflection', [...config.twilioMissing, ...(config.voiceDeflection ? [] : ['VOICE_DEFLECTION_TEMPLATE'])]),
  );
  app.use('/webhooks/twilio', deps.twilioRouter ?? disabledChannel('WhatsApp (Twilio)', config.twilioMissing));
  app.use('/webhooks/messenger', deps.messengerRouter ?? disabledChannel('Messenger', config.messengerMissing));
  app.use('/webhooks/whatsapp', deps.whatsappCloudRouter ?? disabledChannel('WhatsApp (Cloud API)', config.whatsappCloudMissing));
  app.use('/webhooks/instagram', deps.instagramRouter ?? disabledChannel('Instagram', config.instagramMissing));
  if (deps.sandboxRouter) app.use('/sandbox', deps.sandboxRouter);
  for (const m of deps.mounts ?? []) app.use(m.path, m.router);

  app.get('/', (_req, res) => {
    res.json({
      name: 'Baton',
      channels: {
        whatsapp: config.twilio ? 'enabled' : 'disabled',
        whatsapp_cloud: config.whatsappCloud ? 'enabled' : 'disabled',
        messenger: config.messenger ? 'enabled' : 'disabled',
        instagram: config.instagram ? 'enabled' : 'disabled',
        sandbox: deps.sandboxRouter ? 'enabled' : 'disabled',
      },
      endpoints: ['/healthz', '/readyz', '/webhooks/twilio', '/webhooks/messenger', '/webhooks/whatsapp', '/webhooks/instagram', ...(deps.sandboxRouter ? ['/sandbox/messages'] : [])],
    });
  });

  app.use(notFound);
  app.use(createErrorMiddleware(logger));
  return app;
}
