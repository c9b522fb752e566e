import type { Router } from 'express';
import type { Logger } from 'winston';
import type { InstagramConfig } from '../../config';
import type { ChannelEvent } from '../../conversations/types';
import { createGraphWebhookRouter } from '../graph/graphWebhookRouter';
import { parseInstagramWebhook } from './parseWebhook';

export interface InstagramRouterDeps {
  config: InstagramConfig;
  maxBodyBytes: number;
  ingest: (events: ChannelEvent[], ctx: { requestId: string }) => Promise<void>;
  logger: Logger;
}

/** `GET/POST /webhooks/instagram`: Meta's handshake, then signed `object: instagram` messaging events. */
export function createInstagramRouter(deps: InstagramRouterDeps): Router {
  return createGraphWebhookRouter({
    label: 'Instagram',
    appSecret: deps.config.appSecret,
    verifyToken: deps.config.verifyToken,
    maxBodyBytes: deps.maxBodyBytes,
    parse: async (body, onIgnored) => parseInstagramWebhook(body, onIgnored),
    ingest: deps.ingest,
    logger: deps.logger,
  });
}
