import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type winston from 'winston';
import type { TwilioConfig } from '../../config';
import type { ChannelEvent } from '../../conversations/types';
import { BatonError } from '../../errors';
import { parseFormParams } from './parseFormParams';
import { parseTwilioInbound, type ParseTwilioOptions } from './parseInbound';
import { parseTwilioStatus } from './parseStatus';
import { isFormContentType, readBodyWithLimit } from './readFormBody';
import { isValidTwilioSignature, type TwilioParams } from './verifySignature';

export interface TwilioRouterDeps {
  config: TwilioConfig;
  /** Public base URL Twilio calls (no trailing slash needed): the signed URL is publicUrl + req.originalUrl. */
  publicUrl: string;
  maxBodyBytes: number;
  ingest: (events: ChannelEvent[], ctx: { requestId: string }) => Promise<void>;
  logger: winston.Logger;
  /** Receive-time clock (Twilio sends no timestamp); tests pin it. */
  now?: () => number;
}

/** Acknowledges an inbound message without replying (the bot answers asynchronously through the REST API). */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

type Parse = (params: TwilioParams, options: ParseTwilioOptions) => ChannelEvent[];

/**
 * Twilio webhooks, mounted by the app at `/webhooks/twilio`: `POST /` inbound messages (answers empty
 * TwiML), `POST /status` status callbacks (answers an empty 200). Checks, in order: method (405),
 * content type (415), body size (413), signature (400 missing / 403 wrong), parameters (400); `ingest`
 * runs only for a verified, valid request, and the answer waits for it. A status callback that maps to
 * no event (e.g. `scheduled`) is acknowledged without calling `ingest`.
 */
export function createTwilioRouter(deps: TwilioRouterDeps): express.Router {
  const { config, maxBodyBytes, ingest, logger } = deps;
  const publicUrl = deps.publicUrl.replace(/\/+$/, '');
  const now = deps.now ?? Date.now;
  const router = express.Router();

  const handle =
    (kind: 'inbound' | 'status', parse: Parse) => async (req: Request, res: Response, next: NextFunction) => {
      try {
        if (!isFormContentType(req.get('content-type'))) {
          req.resume();
          throw new BatonError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Twilio webhooks must be application/x-www-form-urlencoded (UTF-8)',
          );
        }
        const raw = await readBodyWithLimit(req, maxBodyBytes);
        const params = parseFormParams(raw);
        const signature = req.get('x-twilio-signature');
        if (!signature) throw new BatonError('SIGNATURE_MISSING', 'X-Twilio-Signature header is missing');
        const url = publicUrl + req.originalUrl;
        if (!isValidTwilioSignature({ authToken: config.authToken, signature, url, params })) {
          throw new BatonError(
            'SIGNATURE_INVALID',
            'X-Twilio-Signature does not match: check TWILIO_AUTH_TOKEN and that PUBLIC_URL is the URL configured in Twilio',
          );
        }
        const q = req.originalUrl.indexOf('?');
        const query = new URLSearchParams(q === -1 ? '' : req.originalUrl.slice(q + 1));
        const events = parse(params, { accountSid: config.accountSid, now: now(), query });
        const requestId = (res.locals.requestId as string | undefined) ?? randomUUID();
        if (events.length > 0) await ingest(events, { requestId });
        logger.debug('twilio webhook accepted', { kind, events: events.length, requestId });
        if (kind === 'inbound') res.status(200).type('text/xml').send(EMPTY_TWIML);
        else res.status(200).end();
      } catch (err) {
        next(err);
      }
    };

  const methodNotAllowed = (req: Request, _res: Response, next: NextFunction) => {
    req.resume();
    next(new BatonError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; Twilio webhooks are POST`));
  };

  router.route('/').post(handle('inbound', parseTwilioInbound)).all(methodNotAllowed);
  router.route('/status').post(handle('status', parseTwilioStatus)).all(methodNotAllowed);
  return router;
}
