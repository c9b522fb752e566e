import type { Logger } from 'winston';
import { z } from 'zod';
import type { WhatsAppCloudConfig } from '../../config';
import type { ChannelEvent, MediaItem } from '../../conversations/types';
import { appSecretProof } from '../messenger';
import { graphCall } from '../graph/graphCall';
import { RETRYABLE_CLOUD_CODES } from './errorCodes';
import { mediaIdOf } from './mediaRef';

const mediaInfoSchema = z.object({ url: z.string().url(), mime_type: z.string().optional(), id: z.string().optional() });

export interface MediaLookupOptions {
  config: WhatsAppCloudConfig;
  timeoutMs: number;
  logger: Logger;
}

/**
 * `GET /{media-id}` with the access token → the media's download URL and type (Meta's URLs need the
 * token to download and expire after minutes). Returns null when Graph refuses or does not answer.
 */
export function createMediaLookup({ config, timeoutMs, logger }: MediaLookupOptions) {
  const proof = appSecretProof(config.accessToken, config.appSecret);
  return async (mediaId: string): Promise<{ url: string; contentType?: string } | null> => {
    try {
      const json = await graphCall({
        channel: 'whatsapp_cloud',
        method: 'GET',
        url: `${config.graphUrl}/${config.graphVersion}/${encodeURIComponent(mediaId)}?appsecret_proof=${proof}`,
        headers: { authorization: `Bearer ${config.accessToken}` },
        timeoutMs,
        retryableCodes: RETRYABLE_CLOUD_CODES,
      });
      const info = mediaInfoSchema.safeParse(json);
      if (!info.success) {
        logger.warn('WhatsApp media lookup answered without a URL', { channel: 'whatsapp_cloud' });
        return null;
      }
      return { url: info.data.url, ...(info.data.mime_type ? { contentType: info.data.mime_type } : {}) };
    } catch (err) {
      logger.warn(`WhatsApp media lookup failed (${(err as { platformCode?: string }).platformCode ?? 'unknown'})`, { channel: 'whatsapp_cloud' });
      return null;
    }
  };
}

/**
 * Swaps every `whatsapp-media:<id>` on the events for the URL Graph gives; a lookup that fails keeps
 * the reference (the message is never lost) and marks it `media_lookup: failed`.
 */
export async function resolveMedia(
  events: ChannelEvent[],
  lookup: (mediaId: string) => Promise<{ url: string; contentType?: string } | null>,
): Promise<ChannelEvent[]> {
  return Promise.all(
    events.map(async (e) => {
      if (e.kind !== 'message' || !e.media.some((m) => mediaIdOf(m.url))) return e;
      let failed = false;
      const media: MediaItem[] = await Promise.all(
        e.media.map(async (m) => {
          const id = mediaIdOf(m.url);
          if (!id) return m;
          const found = await lookup(id);
          if (!found) {
            failed = true;
            return m;
          }
          return { ...m, url: found.url, ...(found.contentType ? { contentType: found.contentType } : {}) };
        }),
      );
      return { ...e, media, ...(failed ? { extra: { ...e.extra, media_lookup: 'failed' } } : {}) };
    }),
  );
}
