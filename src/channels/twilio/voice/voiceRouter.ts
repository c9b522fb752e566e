import express, { type NextFunction, type Request, type Response } from 'express';
import type winston from 'winston';
import type { TwilioConfig } from '../../../config';
import { BatonError } from '../../../errors';
import { parseFormParams } from '../parseFormParams';
import { isFormContentType, readBodyWithLimit } from '../readFormBody';
import { validateTwilioParams } from '../validateParams';
import { isValidTwilioSignature, type TwilioParams } from '../verifySignature';
import { goodbyeTwiml, offerTwiml, type DeflectionOutcome } from './twiml';
import { gatherSchema, voiceCallSchema } from './voiceParams';

export interface CallDeflector {
  /** The language the caller should hear (their conversation's, their country's, or the default). */
  languageFor(phone: string): Promise<string>;
  /** The caller pressed 1: open (or continue) their WhatsApp conversation and send the template; SMS when WhatsApp can't reach them. */
  deflect(input: { callSid: string; phone: string; language: string }): Promise<Exclude<DeflectionOutcome, 'not_chosen'>>;
  /** Languages a gather callback may name (the catalog's). */
  languages(): readonly string[];
}

export interface VoiceRouterDeps {
  config: TwilioConfig;
  publicUrl: string;
  maxBodyBytes: number;
  deflector: CallDeflector;
  logger: winston.Logger;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Call deflection on the phone line, mounted at `/webhooks/twilio/voice`: `POST /` answers an
 * incoming call with TwiML offering "press 1 to continue on WhatsApp" in the caller's language;
 * `POST /gather?lang=xx` (the Gather's action) deflects on 1 and hangs up politely. Both are checked
 * like the messaging webhooks: method, content type, body size, X-Twilio-Signature over PUBLIC_URL +
 * path + query and every posted parameter, then the parameters (zod) and the AccountSid.
 */
export function createVoiceRouter(deps: VoiceRouterDeps): express.Router {
  const { config, maxBodyBytes, deflector, logger } = deps;
  const publicUrl = deps.publicUrl.replace(/\/+$/, '');
  const router = express.Router();

  async function signedParams(req: Request): Promise<TwilioParams> {
    if (!isFormContentType(req.get('content-type'))) {
      req.resume();
      throw new BatonError('UNSUPPORTED_MEDIA_TYPE', 'Twilio webhooks must be application/x-www-form-urlencoded (UTF-8)');
    }
    const params = parseFormParams(await readBodyWithLimit(req, maxBodyBytes));
    const signature = req.get('x-twilio-signature');
    if (!signature) throw new BatonError('SIGNATURE_MISSING', 'X-Twilio-Signature header is missing');
    if (!isValidTwilioSignature({ authToken: config.authToken, signature, url: publicUrl + req.originalUrl, params })) {
      throw new BatonError(
        'SIGNATURE_INVALID',
        'X-Twilio-Signature does not match: check TWILIO_AUTH_TOKEN and that PUBLIC_URL is the URL configured in Twilio',
      );
    }
    return params;
  }

  const twiml = (res: Response, xml: string) => res.status(200).type('text/xml').send(xml);

  router.route('/').post(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const call = validateTwilioParams(voiceCallSchema, await signedParams(req), 'Twilio voice webhook', config.accountSid);
      if (!E164.test(call.From)) {
        // A withheld or non-phone caller can't be written to: say so and hang up.
        logger.info('call not deflected: no phone number to write to', { callSid: call.CallSid });
        twiml(res, goodbyeTwiml(await deflector.languageFor(''), 'failed'));
        return;
      }
      const lang = await deflector.languageFor(call.From);
      const action = `${publicUrl}${req.baseUrl}/gather?lang=${encodeURIComponent(lang)}`;
      logger.info('call offered deflection', { callSid: call.CallSid, language: lang });
      twiml(res, offerTwiml(lang, action));
    } catch (err) {
      next(err);
    }
  });

  router.route('/gather').post(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const call = validateTwilioParams(gatherSchema, await signedParams(req), 'Twilio gather callback', config.accountSid);
      const asked = typeof req.query.lang === 'string' ? req.query.lang : '';
      const lang = deflector.languages().includes(asked) ? asked : await deflector.languageFor(call.From);
      if (call.Digits !== '1' || !E164.test(call.From)) {
        twiml(res, goodbyeTwiml(lang, 'not_chosen'));
        return;
      }
      const outcome = await deflector.deflect({ callSid: call.CallSid, phone: call.From, language: lang });
      logger.info('call deflected', { callSid: call.CallSid, outcome });
      twiml(res, goodbyeTwiml(lang, outcome));
    } catch (err) {
      next(err);
    }
  });

  const methodNotAllowed = (req: Request, _res: Response, next: NextFunction) => {
    req.resume();
    next(new BatonError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; Twilio webhooks are POST`));
  };
  router.all('/', methodNotAllowed);
  router.all('/gather', methodNotAllowed);
  return router;
}
