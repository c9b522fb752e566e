import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import type { Logger } from 'winston';
import type { MessengerConfig } from '../../config';
import type { ChannelEvent } from '../../conversations/types';
import { BatonError } from '../../errors';
import { parseMessengerWebhook, type IgnoredNote } from './parseWebhook';
import { verifyMessengerChallenge } from './verifyChallenge';
import { SIGNATURE_HEADER, verifyMessengerSignature } from './verifySignature';

export interface MessengerRouterDeps {
  config: MessengerConfig;
  publicUrl: string;
  maxBodyBytes: number;
  /** Durably enqueues the events; the POST is acknowledged only after it resolves. */
  ingest: (events: ChannelEvent[], ctx: { requestId: string }) => Promise<void>;
  logger: Logger;
}

const CHALLENGE_FAILURES = {
  not_subscribe: 'hub.mode must be "subscribe"',
  token_mismatch: 'hub.verify_token does not match META_VERIFY_TOKEN: set the same string in the Meta App Dashboard',
  challenge_missing: 'hub.challenge is missing or too long',
} as const;

const SIGNATURE_FAILURES = {
  missing: 'X-Hub-Signature-256 header missing: is META_APP_SECRET the app\'s secret and is this request from Meta?',
  malformed: 'X-Hub-Signature-256 header is not "sha256=<64 hex digits>"',
  mismatch: 'X-Hub-Signature-256 does not match the body: check that META_APP_SECRET is this app\'s App Secret',
} as const;

function requestIdOf(req: Request, res: Response): string {
  const fromLocals: unknown = res.locals.requestId;
  if (typeof fromLocals === 'string' && fromLocals !== '') return fromLocals;
  return req.get('x-request-id') ?? randomUUID();
}

function isJsonContentType(header: string | undefined): boolean {
  return header?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** body-parser's errors → BatonError, so the app's error middleware answers them like any other. */
function bodyReadError(err: unknown, maxBodyBytes: number): BatonError {
  const type = (err as { type?: unknown }).type;
  if (type === 'entity.too.large') {
    return new BatonError('PAYLOAD_TOO_LARGE', `Request body is larger than MAX_BODY_BYTES (${maxBodyBytes} bytes)`);
  }
  if (type === 'encoding.unsupported') {
    return new BatonError('UNSUPPORTED_MEDIA_TYPE', 'Compressed request bodies are not accepted: the signature covers the bytes as sent');
  }
  return new BatonError('BAD_REQUEST', 'The request body could not be read');
}

/**
 * Messenger's webhook: `GET /` answers Meta's subscription handshake, `POST /` receives events.
 * The POST is checked in a fixed order: content type (415) → size (413) → signature over the raw
 * bytes (403, missing or wrong) → JSON (400) → payload shape (400); only then are the events ingested
 * and, once `ingest` resolves, acknowledged with 200 `EVENT_RECEIVED`.
 * Mount it before any global body parser: it reads the body itself.
 */
export function createMessengerRouter(deps: MessengerRouterDeps): Router {
  const { config, maxBodyBytes, ingest, logger } = deps;
  const router = express.Router();
  const readRaw = express.raw({ type: () => true, limit: maxBodyBytes, inflate: false });

  router.get('/', (req: Request, res: Response, next: NextFunction) => {
    const check = verifyMessengerChallenge(req.query as Record<string, unknown>, config.verifyToken);
    if (!check.ok) {
      next(new BatonError('VERIFY_TOKEN_INVALID', `Messenger webhook verification refused: ${CHALLENGE_FAILURES[check.reason]}`));
      return;
    }
    logger.info('Messenger webhook subscription verified');
    res.status(200).set('X-Content-Type-Options', 'nosniff').type('text/plain').send(check.challenge);
  });

  const requireJson: RequestHandler = (req, _res, next) => {
    if (!isJsonContentType(req.get('content-type'))) {
      next(new BatonError('UNSUPPORTED_MEDIA_TYPE', 'Messenger webhooks must be sent as Content-Type: application/json'));
      return;
    }
    next();
  };

  const readBody: RequestHandler = (req, res, next) => {
    readRaw(req, res, (err?: unknown) => {
      if (err) {
        next(bodyReadError(err, maxBodyBytes));
        return;
      }
      next();
    });
  };

  const receive: RequestHandler = async (req, res, next) => {
    try {
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!Buffer.isBuffer(req.body) && Number(req.get('content-length') ?? 0) > 0) {
        throw new BatonError('INTERNAL', 'The request body was consumed before the Messenger router: mount it before any global body parser');
      }
      const signature = verifyMessengerSignature(raw, req.headers[SIGNATURE_HEADER], [config.appSecret]);
      if (!signature.ok) throw new BatonError('SIGNATURE_INVALID', SIGNATURE_FAILURES[signature.reason]);

      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new BatonError('MALFORMED_JSON', 'The Messenger webhook body is not valid JSON');
      }

      const ignored: IgnoredNote[] = [];
      const events = parseMessengerWebhook(body, (note) => ignored.push(note));
      const requestId = requestIdOf(req, res);
      for (const note of ignored) {
        if (note.startsWith('object:')) {
          logger.warn(`Messenger webhook for ${note} ignored: this endpoint handles Page (Messenger) events only`, { requestId });
        } else {
          logger.debug(`Messenger ${note} event ignored (not handled yet)`, { requestId });
        }
      }
      if (events.length > 0) await ingest(events, { requestId });
      res.status(200).type('text/plain').send('EVENT_RECEIVED');
    } catch (err) {
      next(err);
    }
  };

  router.post('/', requireJson, readBody, receive);

  router.all('/', (_req: Request, res: Response, next: NextFunction) => {
    res.set('Allow', 'GET, HEAD, POST');
    next(new BatonError('METHOD_NOT_ALLOWED', 'The Messenger webhook accepts GET (verification) and POST (events) only'));
  });

  return router;
}
