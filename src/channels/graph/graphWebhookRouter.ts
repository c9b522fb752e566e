import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import type { Logger } from 'winston';
import type { ChannelEvent } from '../../conversations/types';
import { BatonError } from '../../errors';
import { SIGNATURE_HEADER, verifyMessengerChallenge, verifyMessengerSignature } from '../messenger';

export interface GraphWebhookRouterDeps {
  /** How the channel is named in errors and logs: "WhatsApp Cloud API", "Instagram". */
  label: string;
  appSecret: string;
  verifyToken: string;
  maxBodyBytes: number;
  /** The verified, JSON-parsed body → events (may look things up, e.g. media URLs); throws VALIDATION_FAILED. */
  parse: (body: unknown, onIgnored: (note: string) => void, ctx: { requestId: string }) => Promise<ChannelEvent[]>;
  /** Durably enqueues the events; the POST is acknowledged only after it resolves. */
  ingest: (events: ChannelEvent[], ctx: { requestId: string }) => Promise<void>;
  logger: Logger;
}

function requestIdOf(req: Request, res: Response): string {
  const fromLocals: unknown = res.locals.requestId;
  if (typeof fromLocals === 'string' && fromLocals !== '') return fromLocals;
  return req.get('x-request-id') ?? randomUUID();
}

/**
 * A Graph webhook (WhatsApp Cloud API, Instagram), checked exactly like Messenger's and with its verifiers:
 * `GET /` answers the subscription handshake; `POST /` goes content type (415) → size (413) → signature
 * over the raw bytes (403) → JSON (400) → payload shape (400) → parse → ingest → 200 `EVENT_RECEIVED`.
 * Mount it before any global body parser: it reads the body itself.
 */
export function createGraphWebhookRouter(deps: GraphWebhookRouterDeps): Router {
  const { label, maxBodyBytes, logger } = deps;
  const router = express.Router();
  const readRaw = express.raw({ type: () => true, limit: maxBodyBytes, inflate: false });

  router.get('/', (req: Request, res: Response, next: NextFunction) => {
    const check = verifyMessengerChallenge(req.query as Record<string, unknown>, deps.verifyToken);
    if (!check.ok) {
      const why =
        check.reason === 'not_subscribe'
          ? 'hub.mode must be "subscribe"'
          : check.reason === 'token_mismatch'
            ? 'hub.verify_token does not match META_VERIFY_TOKEN: set the same string in the Meta App Dashboard'
            : 'hub.challenge is missing or too long';
      next(new BatonError('VERIFY_TOKEN_INVALID', `${label} webhook verification refused: ${why}`));
      return;
    }
    logger.info(`${label} webhook subscription verified`);
    res.status(200).set('X-Content-Type-Options', 'nosniff').type('text/plain').send(check.challenge);
  });

  const requireJson: RequestHandler = (req, _res, next) => {
    if (req.get('content-type')?.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
      next(new BatonError('UNSUPPORTED_MEDIA_TYPE', `${label} webhooks must be sent as Content-Type: application/json`));
      return;
    }
    next();
  };

  const readBody: RequestHandler = (req, res, next) => {
    readRaw(req, res, (err?: unknown) => {
      if (!err) return next();
      const type = (err as { type?: unknown }).type;
      if (type === 'entity.too.large') return next(new BatonError('PAYLOAD_TOO_LARGE', `Request body is larger than MAX_BODY_BYTES (${maxBodyBytes} bytes)`));
      if (type === 'encoding.unsupported') {
        return next(new BatonError('UNSUPPORTED_MEDIA_TYPE', 'Compressed request bodies are not accepted: the signature covers the bytes as sent'));
      }
      next(new BatonError('BAD_REQUEST', 'The request body could not be read'));
    });
  };

  const receive: RequestHandler = async (req, res, next) => {
    try {
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const signature = verifyMessengerSignature(raw, req.headers[SIGNATURE_HEADER], [deps.appSecret]);
      if (!signature.ok) {
        const why =
          signature.reason === 'missing'
            ? 'X-Hub-Signature-256 header missing: is this request from Meta?'
            : signature.reason === 'malformed'
              ? 'X-Hub-Signature-256 header is not "sha256=<64 hex digits>"'
              : "X-Hub-Signature-256 does not match the body: check that META_APP_SECRET is this app's App Secret";
        throw new BatonError('SIGNATURE_INVALID', why);
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new BatonError('MALFORMED_JSON', `The ${label} webhook body is not valid JSON`);
      }
      const requestId = requestIdOf(req, res);
      const ignored: string[] = [];
      const events = await deps.parse(body, (note) => ignored.push(note), { requestId });
      for (const note of ignored) {
        if (note.startsWith('object:')) logger.warn(`${label} webhook for ${note} ignored: wrong endpoint for this object`, { requestId });
        else logger.debug(`${label} ${note} ignored (not handled yet)`, { requestId });
      }
      if (events.length > 0) await deps.ingest(events, { requestId });
      res.status(200).type('text/plain').send('EVENT_RECEIVED');
    } catch (err) {
      next(err);
    }
  };

  router.post('/', requireJson, readBody, receive);
  router.all('/', (_req: Request, res: Response, next: NextFunction) => {
    res.set('Allow', 'GET, HEAD, POST');
    next(new BatonError('METHOD_NOT_ALLOWED', `The ${label} webhook accepts GET (verification) and POST (events) only`));
  });
  return router;
}
