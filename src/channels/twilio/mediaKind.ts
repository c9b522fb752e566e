import type { MediaKind } from '../../conversations/types';

/**
 * A media item's kind from its MIME type. WhatsApp delivers stickers as `image/webp` (photos arrive as
 * JPEG/PNG), contact cards as `text/vcard`; documents (PDF, Office, plain text) are files.
 */
export function mediaKindFromContentType(contentType: string | undefined): MediaKind {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'image/webp') return 'sticker';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (type === 'text/vcard' || type === 'text/x-vcard') return 'other';
  if (type.startsWith('application/') || type.startsWith('text/')) return 'file';
  return 'other';
}
