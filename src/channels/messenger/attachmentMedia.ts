import type { GeoLocation, MediaItem, MediaKind } from '../../conversations/types';
import type { MessengerAttachment } from './schema';

const KIND_BY_TYPE: Record<string, MediaKind> = {
  image: 'image',
  audio: 'audio',
  video: 'video',
  file: 'file',
  sticker: 'sticker',
};

/**
 * Turns Messenger attachments into media items and an optional location.
 * An `image` carrying a `sticker_id` is a sticker (Meta sends stickers as images until 2026-08-30,
 * sometimes beside a `sticker` attachment with the same URL: those collapse into one item).
 * Types Baton does not render (fallback, reel, post, …) keep their URL as kind `other`;
 * attachments without any URL are dropped.
 */
export function attachmentsToMedia(attachments: readonly MessengerAttachment[]): {
  media: MediaItem[];
  location?: GeoLocation;
} {
  const media: MediaItem[] = [];
  let location: GeoLocation | undefined;
  for (const a of attachments) {
    const coordinates = a.payload?.coordinates;
    if (a.type === 'location' && coordinates) {
      const label = a.title ?? a.payload?.title;
      location = { latitude: coordinates.lat, longitude: coordinates.long, ...(label ? { label } : {}) };
      continue;
    }
    const url = a.payload?.url ?? a.url;
    if (!url) continue;
    const kind: MediaKind =
      a.type === 'image' && a.payload?.sticker_id !== undefined ? 'sticker' : (KIND_BY_TYPE[a.type] ?? 'other');
    const same = media.find((m) => m.url === url);
    if (same) {
      if (kind === 'sticker') same.kind = 'sticker';
      continue;
    }
    media.push({ url, kind });
  }
  return location ? { media, location } : { media };
}
