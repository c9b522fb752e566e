import type { Router } from 'express';
import type { Logger } from 'winston';
import type { WhatsAppCloudConfig } from '../../config';
import type { ChannelEvent } from '../../conversations/types';
import { createGraphWebhookRouter } from '../graph/graphWebhookRouter';
import { parseWhatsAppCloudWebhook } from './parseWebhook';
import { createMediaLookup, resolveMedia } from './resolveMedia';

export interface WhatsAppCloudRouterDeps {
  config: WhatsAppCloudConfig;
  maxBodyBytes: number;
  /** Per media lookup. */
  timeoutMs: number;
  ingest: (events: ChannelEvent[], ctx: { requestId: string }) => Promise<void>;
  logger: Logger;
}

/** `GET/POST /webhooks/whatsapp`: Meta's handshake, then signed `whatsapp_business_account` events. */
export function createWhatsAppCloudRouter(deps: WhatsAppCloudRouterDeps): Router {
  const lookup = createMediaLookup({ config: deps.config, timeoutMs: deps.timeoutMs, logger: deps.logger });
  return createGraphWebhookRouter({
    label: 'WhatsApp Cloud API',
    appSecret: deps.config.appSecret,
    verifyToken: deps.config.verifyToken,
    maxBodyBytes: deps.maxBodyBytes,
    parse: async (body, onIgnored) => {
      const events = parseWhatsAppCloudWebhook(body, onIgnored, { phoneNumberId: deps.config.phoneNumberId });
      return resolveMedia(events, lookup);
    },
    ingest: deps.ingest,
    logger: deps.logger,
  });
}
