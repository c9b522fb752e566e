import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { BatonError, isBatonError } from '../errors';
import type { Logger } from '../logger';
import { isStoreOutage } from '../store/storeErrors';

/** Turns body-parser's and zod's errors into BatonErrors, so every failure has a stable code. */
export function toBatonError(err: unknown): BatonError {
  if (isBatonError(err)) return err;
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    return new BatonError(
      'VALIDATION_FAILED',
      first ? `Invalid request: ${first.path || 'body'}: ${first.message}` : 'Invalid request',
      issues,
    );
  }
  const e = err as { type?: string; status?: number; message?: string; limit?: number };
  switch (e?.type) {
    case 'entity.too.large':
      return new BatonError('PAYLOAD_TOO_LARGE', `Request body is larger than the ${e.limit ?? ''} byte limit`.replace('  ', ' '));
    case 'entity.parse.failed':
      return new BatonError('MALFORMED_JSON', 'Request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new BatonError('UNSUPPORTED_MEDIA_TYPE', e.message ?? 'Unsupported body encoding');
    case 'request.aborted':
      return new BatonError('BAD_REQUEST', 'Request was aborted by the client');
    case 'request.size.invalid':
      return new BatonError('BAD_REQUEST', 'Request body size did not match Content-Length');
    default:
      break;
  }
  if (isStoreOutage(err)) {
    return new BatonError('STORE_UNAVAILABLE', 'The store (Redis) is not answering; try again shortly');
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new BatonError('BAD_REQUEST', e.message ?? 'Bad request');
  }
  return new BatonError('INTERNAL', 'Something went wrong on our side; the error is logged with this request id');
}

/** The one place errors become HTTP answers: JSON `{error:{code,message}}`, logged once. */
export function createErrorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const be = toBatonError(err);
    const requestId = (res.locals.requestId as string | undefined) ?? undefined;
    const meta = { requestId, method: req.method, path: req.path, code: be.code, status: be.httpStatus };
    if (be.httpStatus >= 500) logger.error(be.code === 'INTERNAL' ? String((err as Error)?.stack ?? err) : be.message, meta);
    else logger.warn(be.message, meta);
    res.locals.errorCode = be.code;
    if (res.headersSent) return;
    const retryAfter = (be.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (be.httpStatus === 429 && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    res.status(be.httpStatus).json({ ...be.toJSON(), ...(requestId ? { requestId } : {}) });
  };
}

/** 404 for anything no route claimed, as JSON. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new BatonError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
};
