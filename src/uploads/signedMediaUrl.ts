import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links to uploaded files for Twilio and Meta, who fetch them without a session: the path names
 * the file (`/media/<id>.<ext>`), the query says until when it works and carries an HMAC-SHA256 of
 * both under MEDIA_URL_SECRET. Changing the file, the time or the signature breaks the link.
 */

export const MEDIA_PATH = '/media';

function signature(secret: string, file: string, expiresAtSeconds: number): string {
  return createHmac('sha256', secret).update(`media:${file}:${expiresAtSeconds}`).digest('base64url');
}

/** `${publicUrl}/media/<file>?expires=<unix s>&sig=<hmac>` */
export function signMediaUrl(o: { publicUrl: string; secret: string; file: string; expiresAtMs: number }): string {
  const expires = Math.ceil(o.expiresAtMs / 1000);
  return `${o.publicUrl}${MEDIA_PATH}/${encodeURIComponent(o.file)}?expires=${expires}&sig=${signature(o.secret, o.file, expires)}`;
}

export type MediaLinkVerdict = { ok: true } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks a link's signature first (a tampered time is invalid, not expired), then its time. */
export function verifyMediaUrl(o: { secret: string; file: string; expires: unknown; sig: unknown; nowMs: number }): MediaLinkVerdict {
  if (typeof o.expires !== 'string' || !/^\d{1,12}$/.test(o.expires) || typeof o.sig !== 'string') return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(signature(o.secret, o.file, Number(o.expires)));
  const given = Buffer.from(o.sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  if (Number(o.expires) * 1000 < o.nowMs) return { ok: false, reason: 'expired' };
  return { ok: true };
}
