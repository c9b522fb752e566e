import { Router } from 'express';
import { MEDIA_PATH } from './signedMediaUrl';
import type { UploadService } from './uploadService';

/**
 * `GET /media/<id>.<ext>?expires=…&sig=…`: what Twilio and Meta fetch. No session: the signature
 * is the permission. Answers with the stored type, never sniffed by the client, never run as a page.
 */
export function createMediaRouter(uploads: UploadService): Router {
  const router = Router();
  router.get(`${MEDIA_PATH}/:file`, async (req, res) => {
    const { record, bytes } = await uploads.openSigned(String(req.params.file), req.query.expires, req.query.sig);
    res.setHeader('Content-Type', record.contentType);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.setHeader('Content-Disposition', `inline; filename="${record.id}.${record.ext}"`);
    res.status(200).end(bytes);
  });
  return router;
}
