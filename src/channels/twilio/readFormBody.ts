import type { IncomingMessage } from 'node:http';
import { BatonError } from '../../errors';

/** True for `application/x-www-form-urlencoded`, with no charset or a UTF-8 one. */
export function isFormContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type = '', ...params] = header.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/x-www-form-urlencoded') return false;
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

/**
 * Reads the raw body as UTF-8 with a byte limit: a declared Content-Length over it fails at once, a body
 * that grows over it fails as soon as it does (PAYLOAD_TOO_LARGE); the rest is discarded, not buffered.
 */
export function readBodyWithLimit(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (req.readableEnded) {
      reject(new BatonError('INTERNAL', 'The request body was already read: mount the Twilio router before any body parser'));
      return;
    }
    const tooLarge = () => new BatonError('PAYLOAD_TOO_LARGE', `Request body is larger than the ${maxBytes} byte limit`);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err: Error | null, body?: string) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (err) {
        req.resume();
        reject(err);
      } else resolve(body ?? '');
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => finish(null, Buffer.concat(chunks).toString('utf-8'));
    const onError = (err: Error) => finish(new BatonError('BAD_REQUEST', `Could not read the request body: ${err.message}`));
    const onAborted = () => finish(new BatonError('BAD_REQUEST', 'Request was aborted by the client'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}
