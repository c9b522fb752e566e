import type { Express } from 'express';
import type Redis from 'ioredis';
import { createApp } from './app';
import type { BotBrain } from './bot/botBrain';
import { createBotRunner } from './bot/botRunner';
import { createMessengerRouter, createMessengerSender } from './channels/messenger';
import { createSandboxRouter, createSandboxSender } from './channels/sandbox';
import { createTwilioRouter, createTwilioSender } from './channels/twilio';
import type { ChannelSender } from './channels/types';
import type { Config } from './config';
import type { ConversationStore } from './conversations/conversationStore';
import { RedisConversationStore } from './conversations/redisConversationStore';
import type { ChannelName } from './conversations/types';
import { createEventHandler } from './inbound/handleEvent';
import { InboundQueue } from './inbound/inboundQueue';
import { createIngest, type Ingest } from './inbound/ingest';
import type { Logger } from './logger';
import type { Catalog } from './nlu/types';
import { OutboundService } from './outbound/outboundService';
import { connectRedis, type RedisConnection } from './store/redisConnection';

export interface Runtime {
  app: Express;
  redis: RedisConnection;
  store: ConversationStore;
  queue: InboundQueue;
  outbound: OutboundService;
  ingest: Ingest;
  /** Swaps in a new catalog (hot reload) without a restart. */
  setCatalog(catalog: Catalog): void;
  catalog(): Catalog;
  start(): void;
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  config: Config;
  logger: Logger;
  catalog: Catalog;
  /** Builds the bot's brain for a catalog (called again on every reload). */
  createBrain: (catalog: Catalog, deps: { store: ConversationStore; config: Config; logger: Logger }) => BotBrain;
  /** An existing connection (tests); otherwise one is opened from config. */
  redis?: RedisConnection;
}

/** Assembles Baton from its parts, in data-flow order: store → senders → bot → inbound → HTTP. */
export function createRuntime(opts: RuntimeOptions): Runtime {
  const { config, logger } = opts;
  const redis = opts.redis ?? connectRedis({ url: config.redisUrl, keyPrefix: config.redisKeyPrefix, logger });
  const store = new RedisConversationStore(redis.client);

  const senders: Partial<Record<ChannelName, ChannelSender>> = {};
  if (config.twilio) {
    senders.whatsapp = createTwilioSender({ config: config.twilio, publicUrl: config.publicUrl, timeoutMs: config.sendTimeoutMs, logger });
  }
  if (config.messenger) {
    senders.messenger = createMessengerSender({ config: config.messenger, timeoutMs: config.sendTimeoutMs, logger });
  }
  if (config.sandboxEnabled) senders.sandbox = createSandboxSender();

  const outbound = new OutboundService({ store, senders, redis: redis.client, logger });

  let catalog = opts.catalog;
  let brain = opts.createBrain(catalog, { store, config, logger });
  const bot = createBotRunner({ respond: (input) => brain.respond(input) });

  const handle = createEventHandler({ store, outbound, bot, logger });
  const queue = new InboundQueue({ redis: redis.client, logger, handle, dedupeTtlSeconds: config.dedupeTtlSeconds });
  const ingest = createIngest({ queue, store, logger });

  const laneIdle = async (lane: string): Promise<boolean> => {
    const c = redis.client as Redis;
    const [len, lock] = await Promise.all([c.llen(`inbox:lane:${lane}`), c.exists(`inbox:lock:${lane}`)]);
    return len === 0 && lock === 0;
  };

  const app = createApp({
    config,
    logger,
    readiness: async () => {
      const pong = await redis.client.ping().catch(() => 'down');
      return { store: pong === 'PONG', catalog: catalog.intents.length > 0, details: { intents: catalog.intents.length, embeddedStore: redis.embedded } };
    },
    twilioRouter: config.twilio
      ? createTwilioRouter({ config: config.twilio, publicUrl: config.publicUrl, maxBodyBytes: config.maxBodyBytes, ingest, logger })
      : undefined,
    messengerRouter: config.messenger
      ? createMessengerRouter({ config: config.messenger, publicUrl: config.publicUrl, maxBodyBytes: config.maxBodyBytes, ingest, logger })
      : undefined,
    sandboxRouter: config.sandboxEnabled
      ? createSandboxRouter({ store, ingest, laneIdle, maxBodyBytes: config.maxBodyBytes })
      : undefined,
  });

  return {
    app,
    redis,
    store,
    queue,
    outbound,
    ingest,
    setCatalog(next) {
      brain = opts.createBrain(next, { store, config, logger });
      catalog = next;
    },
    catalog: () => catalog,
    start() {
      queue.startSweeper();
    },
    async stop() {
      await queue.stop(config.shutdownGraceMs);
      if (!opts.redis) await redis.close();
    },
  };
}
