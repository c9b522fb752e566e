/**
 * Inbound WhatsApp media arrive as ids, not URLs. The parser records `whatsapp-media:<id>` and the
 * router swaps it for the URL Graph returns for that id (GET /{media-id}) before the event is stored.
 */
export const MEDIA_REF_PREFIX = 'whatsapp-media:';

export function mediaRef(mediaId: string): string {
  return `${MEDIA_REF_PREFIX}${mediaId}`;
}

export function mediaIdOf(url: string): string | undefined {
  return url.startsWith(MEDIA_REF_PREFIX) ? url.slice(MEDIA_REF_PREFIX.length) : undefined;
}
