import path from 'node:path';
import express, { type Express } from 'express';
import type Redis from 'ioredis';
import { createApp } from './app';
import type { BotBrain } from './bot/botBrain';
import { createBotRunner } from './bot/botRunner';
import { trainedModels } from './bot/dialogueBrain';
import { parseDialogueState, serializeDialogueState } from './bot/dialogue';
import { createMessengerRouter, createMessengerSender } from './channels/messenger';
import { createInstagramRouter, createInstagramSender } from './channels/instagram';
import { createWhatsAppCloudRouter, createWhatsAppCloudSender } from './channels/whatsapp-cloud';
import { createSandboxRouter, createSandboxSender } from './channels/sandbox';
import { createTwilioRouter, createTwilioSender } from './channels/twilio';
import { createVoiceRouter } from './channels/twilio/voice';
import type { ChannelSender } from './channels/types';
import type { Config } from './config';
import { createConsoleRouter } from './console/consoleRouter';
import type { ConversationStore } from './conversations/conversationStore';
import { FactStore } from './conversations/factStore';
import { RedisConversationStore } from './conversations/redisConversationStore';
import type { ChannelName } from './conversations/types';
import { createCallDeflector } from './handoff/callDeflection/callDeflector';
import { ConversationActionsService } from './handoff/conversationActions';
import { CrmEnrichment } from './handoff/crm';
import { HandoffService } from './handoff/handoffService';
import { asksForPerson } from './handoff/escalation';
import { PacketStore, WaitStats } from './handoff/packetStore';
import { canSeeConversation } from './handoff/teamAccess';
import { createCustomerRouter, createIdentityPort, customerView, LinkVerification, RedisCustomerStore, verificationCodeText } from './identity';
import { createEventHandler } from './inbound/handleEvent';
import { InboundQueue, laneKeys } from './inbound/inboundQueue';
import { TurnJournal } from './inbound/turnJournal';
import { createIngest, type Ingest } from './inbound/ingest';
import { createFactRecorder } from './inbound/recordFacts';
import { backfillSearchIndex } from './inbox/search/backfill';
import { startRetention } from './retention/retention';
import { factsIndexed, searchIndexed } from './inbox/search/indexing';
import { bootstrapAdmin, createInboxRouter, createInboxServices, type InboxServices } from './inbox';
import { deadLetterRoutes } from './inbox/api/deadLetterRoutes';
import { templateRoutes } from './inbox/api/templateRoutes';
import { uploadRoutes } from './inbox/api/uploadRoutes';
import { TeamScope } from './inbox/access/teamScope';
import { customerRouteDocs } from './inbox/api/customerRouteDocs';
import { dashboardRouteDocs } from './inbox/api/dashboardRouteDocs';
import { requireAdmin, requireAgent } from './inbox/auth/requireAgent';
import type { Logger } from './logger';
import { DashboardAggregates } from './metrics/aggregates/aggregateStore';
import { createDashboardFacts, withDashboardFacts } from './metrics/aggregates/dashboardFacts';
import { createDashboardRouter } from './metrics/dashboard/dashboardRouter';
import { Metrics } from './metrics/metrics';
import { createMetricsRouter } from './metrics/metricsRouter';
import { queueSnapshotFromStore } from './metrics/queueSnapshotFromStore';
import type { Catalog } from './nlu/types';
import { OutboundService } from './outbound/outboundService';
import { connectRedisFromConfig, type RedisConnection } from './store/redisConnection';
import { DiskStorage } from './uploads/diskStorage';
import { createMediaRouter } from './uploads/mediaRouter';
import { S3Storage } from './uploads/s3Storage';
import { UploadService } from './uploads/uploadService';
import { UploadStore } from './uploads/uploadStore';
import { trainingRoutes } from './training/trainingRoutes';
import { TrainingService } from './training/trainingService';
import { TrainingStore } from './training/trainingStore';

export interface Runtime {
  app: Express;
  /** /metrics alone, for METRICS_PORT on 127.0.0.1 (undefined when METRICS_PORT is unset). */
  metricsApp?: Express;
  redis: RedisConnection;
  store: ConversationStore;
  /** Every conversation's fact sheet. */
  facts: FactStore;
  queue: InboundQueue;
  outbound: OutboundService;
  inbox: InboxServices;
  handoff: HandoffService;
  metrics: Metrics;
  ingest: Ingest;
  /** What agents do to conversations (claim, reply, transfer, hand back, resolve): the agent API's service layer. */
  actions: ConversationActionsService;
  /** The training inbox: review items, the catalog overlay in Redis, reloads. */
  training: TrainingService;
  /** Swaps in a new catalog (hot reload) without a restart. */
  setCatalog(catalog: Catalog): void;
  catalog(): Catalog;
  /** Seeds default teams and the first admin; starts background work. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What a bot brain may use besides its catalog. */
export interface BrainDeps {
  store: ConversationStore;
  config: Config;
  logger: Logger;
  /** The conversation's fact sheet: slot filling reads it first, so nothing given is asked again. */
  facts?: Pick<FactStore, 'list'>;
  /** The escalation policy's reading of a request for a person, so the bot never answers around one. */
  asksForPerson?: (text: string) => boolean;
}

export interface RuntimeOptions {
  config: Config;
  logger: Logger;
  catalog: Catalog;
  /** Builds the bot's brain for a catalog (called again on every reload). */
  createBrain: (catalog: Catalog, deps: BrainDeps) => BotBrain;
  /** An existing connection (tests); otherwise one is opened from config. */
  redis?: RedisConnection;
  /** Where the built console assets are (default dist/console next to the compiled code). */
  consoleDir?: string;
  /** The handoff's clock (business hours, windows, waits); tests set it. */
  clock?: () => number;
  /** How often the training overlay's version is checked against Redis (default 2000 ms). */
  trainingPollMs?: number;
  /**
   * The time conversations, messages and customers are stamped with (default: the wall clock). The
   * demo seed (src/demo/seedDemo.ts) plays a past month with it; tests that move `clock` leave it.
   */
  recordClock?: () => number;
  /** Senders used instead of the configured ones for these channels (the demo seed's stand-ins, which deliver nowhere). */
  senders?: Partial<Record<ChannelName, ChannelSender>>;
}

/**
 * Assembles Baton from its parts, in data-flow order: store → senders → bot → handoff →
 * inbound lanes → HTTP (webhooks, agent API, console).
 */
export function createRuntime(opts: RuntimeOptions): Runtime {
  const { config, logger } = opts;
  const redis = opts.redis ?? connectRedisFromConfig(config, logger);
  // The dashboard's per-day figures, recorded from the store's own results (src/metrics/aggregates).
  const aggregates = new DashboardAggregates(redis.client);
  const dashboardFacts = createDashboardFacts({ aggregates, timeZone: config.dashboardTimeZone, defaultLanguage: () => catalog.defaultLanguage, logger });
  // On the record clock (the demo seed's past month) or else the runtime's clock, like the services: a message stamped by the store and the fact it decides agree (tests and demos move it).
  const store = withDashboardFacts(new RedisConversationStore(redis.client, opts.recordClock ?? opts.clock, config.storeTtls), dashboardFacts);
  const facts = new FactStore(redis.client);
  const inbox = createInboxServices(redis, logger, {
    sessionTtlHours: config.sessionTtlHours,
    secureCookies: config.secureCookies,
    idleAwayMinutes: config.idleAwayMinutes,
    searchRetentionDays: config.searchRetentionDays,
    recordClock: opts.recordClock,
  });
  const metrics = new Metrics({ queueSnapshot: queueSnapshotFromStore(store, async () => (await inbox.teams.list()).map((t) => t.id)) });

  // ---- agents' uploads: bytes on disk, records in Redis, signed links for the platforms
  const uploads = new UploadService({
    storage: config.uploads.s3 ? new S3Storage({ ...config.uploads.s3, timeoutMs: config.sendTimeoutMs }) : new DiskStorage(config.uploads.dir),
    store: new UploadStore(redis.client),
    publicUrl: config.publicUrl,
    secret: config.uploads.urlSecret,
    urlTtlSeconds: config.uploads.urlTtlSeconds,
    maxBytes: config.uploads.maxBytes,
    clock: opts.clock,
  });
  if (config.uploads.secretGenerated) {
    logger.warn('MEDIA_URL_SECRET is not set: media links are signed with a random secret of this process (set it when several instances serve PUBLIC_URL)');
  }

  // ---- senders
  const senders: Partial<Record<ChannelName, ChannelSender>> = {};
  if (config.twilio) {
    senders.whatsapp = createTwilioSender({ config: config.twilio, publicUrl: config.publicUrl, timeoutMs: config.sendTimeoutMs, logger });
  }
  if (config.messenger) {
    senders.messenger = createMessengerSender({ config: config.messenger, timeoutMs: config.sendTimeoutMs, logger });
  }
  if (config.whatsappCloud) {
    senders.whatsapp_cloud = createWhatsAppCloudSender({ config: config.whatsappCloud, timeoutMs: config.sendTimeoutMs, logger });
  }
  if (config.instagram) {
    senders.instagram = createInstagramSender({ config: config.instagram, timeoutMs: config.sendTimeoutMs, logger });
  }
  if (config.sandboxEnabled) senders.sandbox = createSandboxSender();
  Object.assign(senders, opts.senders);
  const outbound = new OutboundService({
    store,
    senders,
    redis: redis.client,
    logger,
    onMessage: (conversation, message) => {
      if (message.status === 'pending') metrics.message(conversation.channel, 'outbound', message.author);
      if (message.status === 'failed') metrics.sendFailure(conversation.channel, message.errorCode ?? 'unknown');
    },
    onDelivery: (e) => {
      if (e.kind === 'retry_scheduled') metrics.sendRetry(e.channel, e.code);
      else if (e.kind === 'dead_letter') metrics.deadLetter(e.channel, e.code);
      else if (e.kind === 'reconciled') metrics.sendReconciliation(e.channel, e.outcome);
      else metrics.sendReconciliation(e.channel, 'unreconciled');
    },
    retry: config.sendRetry,
    media: uploads,
    clock: opts.clock,
  });

  // ---- bot
  let catalog = opts.catalog;
  const brainDeps: BrainDeps = { store, config, logger, facts, asksForPerson: (text) => asksForPerson(text) };
  let brain = opts.createBrain(catalog, brainDeps);
  const bot = createBotRunner({ respond: (input) => brain.respond(input) });
  /** The catalog (files + training overlay) and its brain, swapped together. */
  const serve = (next: Catalog) => {
    brain = opts.createBrain(next, brainDeps);
    catalog = next;
  };
  const training = new TrainingService({
    store: new TrainingStore(redis.client, opts.clock),
    conversations: store,
    audit: inbox.audit,
    logger,
    catalog: () => catalog,
    apply: serve,
    models: (c) => trainedModels(c, config.nlu.clarifyThreshold, logger),
    answerThreshold: config.nlu.answerThreshold,
    clock: opts.clock,
    pollMs: opts.trainingPollMs,
  });

  // ---- identity and handoff
  const customers = new RedisCustomerStore(redis.client, { audit: inbox.audit, logger, clock: opts.recordClock });
  const conversationLookup = (id: string) => store.get(id);
  const verification = new LinkVerification({
    redis: redis.client,
    store: customers,
    audit: inbox.audit,
    sendCode: async (channel, address, code, lang) => {
      const { conversation } = await store.findOrOpen({ channel, customerAddress: address });
      const sent = await outbound.send({ conversation, author: 'system', content: { text: verificationCodeText(lang, code, 10) } });
      if (sent.status === 'failed') throw new Error(`the code could not be delivered (${sent.errorCode ?? 'unknown error'})`);
    },
  });
  const identity = createIdentityPort({ store: customers, verification, conversationLookup, vipList: () => config.vipCustomers, logger });
  const handoff = new HandoffService({
    store,
    outbound,
    packets: new PacketStore(redis.client),
    facts,
    recordFacts: searchIndexed(inbox.search, createFactRecorder({ facts: factsIndexed(inbox.search, facts), catalog: () => catalog, phoneRegion: config.facts.phoneRegion, logger })),
    waits: new WaitStats(redis.client),
    bus: inbox.bus,
    audit: inbox.audit,
    teams: inbox.teams,
    agents: inbox.agents,
    followUps: inbox.followUps,
    identity,
    catalog: () => catalog,
    dialogueState: async (id) => {
      const raw = await store.getBotState(id);
      return raw ? parseDialogueState(JSON.parse(raw) as unknown) : null;
    },
    resetMisunderstandings: async (id) => {
      const raw = await store.getBotState(id);
      if (!raw) return;
      const state = parseDialogueState(JSON.parse(raw) as unknown);
      await store.setBotState(id, serializeDialogueState({ ...state, misunderstandings: 0, pending: undefined }));
    },
    config,
    logger,
    metrics,
    dashboardFacts,
    clock: opts.clock,
    crm: config.crm
      ? new CrmEnrichment({
          url: config.crm.url,
          secret: config.crm.secret,
          timeoutMs: config.crm.timeoutMs,
          ttlSeconds: config.crm.cacheTtlSeconds,
          redis: redis.client,
          logger,
        })
      : undefined,
  });
  const actions = new ConversationActionsService({
    handoff,
    templates: config.whatsappTemplates,
    uploads: { mediaRef: async (conversationId, uploadId) => uploads.ref(await uploads.ofConversation(conversationId, uploadId)) },
    customerView: (id, viewer) => customerView(customers, id, conversationLookup, (c) => canSeeConversation(viewer, c)),
    clock: opts.clock,
    onAgentReply: (conversation, reply) => training.onAgentReply(conversation, reply),
  });

  // ---- inbound
  const journal = new TurnJournal(redis.client, config.dedupeTtlSeconds);
  const handle = createEventHandler({ store, outbound, bot, logger, hooks: handoff, journal, observer: training });
  const queue = new InboundQueue({ redis: redis.client, logger, handle, dedupeTtlSeconds: config.dedupeTtlSeconds });
  const ingest = createIngest({ queue, store, logger, metrics, waitForReplicas: () => redis.waitForReplicas() });

  const laneIdle = async (lane: string): Promise<boolean> => {
    const c = redis.client as Redis;
    const [len, lock] = await Promise.all([c.llen(laneKeys.lane(lane)), c.exists(laneKeys.lock(lane))]);
    return len === 0 && lock === 0;
  };

  // ---- HTTP
  let started = false;
  const teamScope = new TeamScope({
    conversation: (id) => store.get(id),
    customerConversations: async (customerId) => {
      const customer = await customers.get(customerId);
      if (!customer) return null;
      const links = await customers.conversations(customer.id);
      const found = await Promise.all(links.map((l) => store.get(l.conversationId)));
      return found.filter((c): c is NonNullable<typeof c> => c !== null);
    },
  });
  const authenticated = requireAgent({ sessions: inbox.sessions, agents: inbox.agents });
  const app = createApp({
    config,
    logger,
    metrics,
    readiness: async () => {
      const health = await redis.health();
      return {
        store: health.ok,
        catalog: catalog.intents.length > 0,
        started,
        details: { intents: catalog.intents.length, embeddedStore: redis.embedded, ...(health.reason ? { storeProblem: health.reason } : {}) },
      };
    },
    twilioRouter: config.twilio
      ? createTwilioRouter({ config: config.twilio, publicUrl: config.publicUrl, maxBodyBytes: config.maxBodyBytes, ingest, logger })
      : undefined,
    voiceRouter:
      config.twilio && config.voiceDeflection
        ? createVoiceRouter({
            config: config.twilio,
            publicUrl: config.publicUrl,
            maxBodyBytes: config.maxBodyBytes,
            logger,
            deflector: createCallDeflector({
              store,
              outbound,
              templateSid: config.voiceDeflection.contentSid,
              catalog: () => catalog,
              note: (conversation, text) => handoff.systemNote(conversation, text),
              logger,
              clock: opts.clock,
            }),
          })
        : undefined,
    messengerRouter: config.messenger
      ? createMessengerRouter({ config: config.messenger, publicUrl: config.publicUrl, maxBodyBytes: config.maxBodyBytes, ingest, logger })
      : undefined,
    whatsappCloudRouter: config.whatsappCloud
      ? createWhatsAppCloudRouter({ config: config.whatsappCloud, maxBodyBytes: config.maxBodyBytes, timeoutMs: config.sendTimeoutMs, ingest, logger })
      : undefined,
    instagramRouter: config.instagram
      ? createInstagramRouter({ config: config.instagram, maxBodyBytes: config.maxBodyBytes, ingest, logger })
      : undefined,
    sandboxRouter: config.sandboxEnabled
      ? createSandboxRouter({ store, ingest, laneIdle, maxBodyBytes: config.maxBodyBytes, clock: opts.clock })
      : undefined,
    mounts: [
      // Signed links to agents' uploads, fetched by Twilio and Meta without a session.
      { path: '/', router: createMediaRouter(uploads) },
      // On PORT, /metrics needs METRICS_TOKEN (without it, it is closed); METRICS_PORT serves it on 127.0.0.1 only.
      { path: '/', router: createMetricsRouter(metrics, { bearerToken: config.metrics.token }) },
      {
        path: '/api/v1/customers',
        router: createCustomerRouter({
          store: customers,
          verification,
          audit: inbox.audit,
          requireAgent: authenticated,
          requireAdmin,
          conversationLookup,
          teamScope,
          logger,
          maxBodyBytes: config.maxBodyBytes,
        }),
      },
      {
        path: '/api/v1',
        router: createDashboardRouter({ aggregates, followUps: inbox.followUps, agents: inbox.agents, timeZone: config.dashboardTimeZone, requireAdmin: [authenticated, requireAdmin], clock: opts.clock }),
      },
      {
        path: '/api/v1',
        router: createInboxRouter(inbox, actions, logger, {
          maxBodyBytes: config.maxBodyBytes,
          extraRoutes: [...deadLetterRoutes(inbox, outbound), ...uploadRoutes(uploads), ...templateRoutes(config.whatsappTemplates), ...trainingRoutes(training)],
          scope: teamScope,
          documentedElsewhere: [...customerRouteDocs, ...dashboardRouteDocs],
        }),
      },
      ...(config.consoleEnabled
        ? [{ path: '/', router: createConsoleRouter({ distDir: opts.consoleDir ?? path.resolve(__dirname, 'console'), simulatorEnabled: config.sandboxEnabled }) }]
        : []),
    ],
  });

  let metricsApp: Express | undefined;
  if (config.metrics.port !== undefined) {
    metricsApp = express();
    metricsApp.disable('x-powered-by');
    metricsApp.use(createMetricsRouter(metrics, { loopbackOnly: true }));
  }

  let unsubscribe: (() => void) | undefined;
  let retention: { stop(): Promise<void> } | undefined;
  return {
    app,
    metricsApp,
    redis,
    store,
    facts,
    queue,
    outbound,
    inbox,
    handoff,
    metrics,
    ingest,
    actions,
    training,
    setCatalog(next) {
      // The files changed: serve them at once, then the training overlay merged over them.
      serve(next);
      void training.setBase(next);
    },
    catalog: () => catalog,
    async start() {
      await inbox.teams.ensureDefaults();
      await bootstrapAdmin({ agents: inbox.agents, teams: inbox.teams, email: config.admin?.email, password: config.admin?.password, logger });
      await training.start();
      queue.startSweeper();
      outbound.startSchedule();
      inbox.presence.start();
      // Conversations written before the list indexes existed: placed once, in the background
      // (lists are read the old way until it is done).
      void store.backfillListIndexes(logger).catch((err) => logger.warn('list index backfill stopped', { reason: (err as Error).message }));
      // Conversations written before the search index existed: indexed once, in the background.
      void backfillSearchIndex({
        redis: redis.client,
        search: inbox.search,
        conversations: (limit) => store.list({ limit }),
        messages: (id, limit) => store.listMessages(id, { limit }),
        facts: (id) => facts.list(id),
        logger,
      }).catch((err) => logger.warn('search backfill stopped', { reason: (err as Error).message }));
      if (config.autoAssign) {
        // An agent coming online or finishing a conversation frees room: try their teams' queues.
        unsubscribe = await inbox.bus.subscribe((envelope) => {
          const e = envelope.event;
          if (e.type === 'agent.presence' && e.presence === 'online') {
            void inbox.agents.get(e.agentId).then((a) => Promise.all((a?.teams ?? []).map((t) => handoff.autoAssign(t))));
          }
          if (e.type === 'conversation.status' && e.status === 'resolved' && e.team) void handoff.autoAssign(e.team);
        });
      }
      if (config.retention) {
        const { days, exportDir, intervalMs } = config.retention;
        retention = startRetention({ redis: redis.client, store, facts, packets: new PacketStore(redis.client), search: inbox.search, aggregates, logger, days, exportDir, intervalMs });
      }
      started = true;
    },
    async stop() {
      unsubscribe?.();
      await retention?.stop();
      training.stop();
      await queue.stop(config.shutdownGraceMs);
      await outbound.stopSchedule();
      await inbox.close();
      if (!opts.redis) await redis.close();
    },
  };
}
