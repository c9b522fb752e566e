import busboy from 'busboy';
import type { Request } from 'express';
import { BatonError } from '../errors';
import { tooLarge } from './uploadService';

/**
 * The one file of a multipart/form-data request (field `file`), read by busboy with hard limits:
 * one file, no more than maxBytes (reading stops at the cap), a few small fields at most.
 */
export function readMultipartFile(req: Request, maxBytes: number): Promise<{ name: string; bytes: Buffer }> {
  if (!req.is('multipart/form-data')) {
    return Promise.reject(new BatonError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in a field named "file"'));
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 4, fieldSize: 1024, parts: 5 }, defParamCharset: 'utf8', preservePath: true });
    } catch (err) {
      reject(new BatonError('BAD_REQUEST', `The multipart body cannot be read: ${(err as Error).message}`));
      return;
    }
    let file: { name: string; bytes: Buffer } | undefined;
    let failure: BatonError | undefined;
    const fail = (e: BatonError) => {
      failure ??= e;
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') {
        stream.resume();
        fail(new BatonError('VALIDATION_FAILED', `Unexpected file field "${field.slice(0, 40)}": send the file in a field named "file"`));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => fail(tooLarge(maxBytes)));
      stream.on('close', () => {
        if (!failure) file = { name: info.filename ?? '', bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('filesLimit', () => fail(new BatonError('VALIDATION_FAILED', 'Send one file per upload')));
    parser.on('partsLimit', () => fail(new BatonError('VALIDATION_FAILED', 'Too many parts in the form: send just the file')));
    parser.on('error', (err: Error) => reject(new BatonError('BAD_REQUEST', `The multipart body cannot be read: ${err.message}`)));
    parser.on('close', () => {
      if (failure) reject(failure);
      else if (!file) reject(new BatonError('VALIDATION_FAILED', 'No file: send it in a multipart field named "file"'));
      else resolve(file);
    });
    req.pipe(parser);
  });
}
