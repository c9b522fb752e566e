import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { BatonError } from './errors';
import { isPhoneRegion } from './nlu/facts/phones';
import { isKnownTimeZone } from './nlu/slots/findDates';
import { passwordProblem } from './security/passwordPolicy';

/**
 * The whole environment contract, read once at start by parseConfig(env).
 * Empty strings count as "not set" for every variable (parseConfig drops them before the schema
 * sees them), so `FOO=` in a .env file means the default.
 * README's configuration table and .env.example list exactly these names.
 */

const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

/** Shortest secret accepted: a shorter one (or blanks) would let anyone forge signed requests. */
export const SECRET_MIN_LENGTH = 16;

/** A shared secret or token: unset, or at least SECRET_MIN_LENGTH characters that are not all blank. */
const secret = (name: string) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .refine((v) => v.trim() !== '', { message: `${name} is only whitespace; set a real secret (at least ${SECRET_MIN_LENGTH} characters) or leave it empty` })
      .refine((v) => v.trim() === '' || v.length >= SECRET_MIN_LENGTH, {
        message: `${name} is too short: use at least ${SECRET_MIN_LENGTH} characters (a random string, e.g. openssl rand -hex 24)`,
      })
      .optional(),
  );

const url = (name: string, def?: string) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? def : v),
    z
      .string()
      .url({ message: `${name} must be an absolute URL such as https://example.com` })
      .refine((v) => /^https?:\/\//.test(v), { message: `${name} must start with http:// or https://` })
      .transform((v) => v.replace(/\/+$/, '')),
  );

const redisUrl = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .string()
    .refine((v) => /^rediss?:\/\/.+/.test(v), {
      message: 'REDIS_URL must look like redis://host:6379 or rediss://user:pass@host:6380/0',
    })
    .optional(),
);

const intIn = (name: string, min: number, max: number, def: number) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? def : v),
    z.coerce
      .number({ message: `${name} must be a whole number` })
      .int({ message: `${name} must be a whole number` })
      .min(min, { message: `${name} must be at least ${min}` })
      .max(max, { message: `${name} must be at most ${max}` }),
  );

const fraction = (name: string, def: number) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? def : v),
    z.coerce
      .number({ message: `${name} must be a number between 0 and 1` })
      .min(0, { message: `${name} must be between 0 and 1` })
      .max(1, { message: `${name} must be between 0 and 1` }),
  );

const bool = (def: boolean) =>
  z.preprocess((v) => {
    if (v === '' || v === undefined) return def;
    if (typeof v === 'string') return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
    return v;
  }, z.boolean());

const csv = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  z.array(z.string()),
);

export const envSchema = z
  .object({
    NODE_ENV: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['development', 'production', 'test']).default('development')),
    PORT: intIn('PORT', 0, 65535, 3000),
    PUBLIC_URL: url('PUBLIC_URL').optional(),
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: z.preprocess(
      (v) => (v === '' || v === undefined ? 'baton:' : v),
      // A brace in the prefix would become every key's hash tag: on a Redis Cluster all data in one slot.
      z.string().regex(/^[^{}]*$/, { message: 'REDIS_KEY_PREFIX must not contain { or } (Redis Cluster would hash every key on the prefix)' }),
    ),
    REDIS_SENTINELS: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^\s*[^\s,:]+:\d{1,5}\s*(,\s*[^\s,:]+:\d{1,5}\s*)*$/, { message: 'REDIS_SENTINELS must be host:port,host:port,…' })
        .transform((v) => v.split(',').map((hp) => { const [host, port] = hp.trim().split(':'); return { host: host!, port: Number(port) }; }))
        .optional(),
    ),
    REDIS_CLUSTER_NODES: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^\s*[^\s,:]+:\d{1,5}\s*(,\s*[^\s,:]+:\d{1,5}\s*)*$/, { message: 'REDIS_CLUSTER_NODES must be host:port,host:port,… (some nodes of the Redis Cluster)' })
        .transform((v) => v.split(',').map((hp) => { const [host, port] = hp.trim().split(':'); return { host: host!, port: Number(port) }; }))
        .optional(),
    ),
    REDIS_SENTINEL_NAME: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[\w.-]{1,64}$/, { message: 'REDIS_SENTINEL_NAME is the master group name, such as mymaster' }).optional()),
    REDIS_COMMAND_TIMEOUT_MS: intIn('REDIS_COMMAND_TIMEOUT_MS', 100, 60000, 2000),
    REDIS_WAIT_REPLICAS: z.preprocess(
      (v) => (v === '' || v === undefined ? 'auto' : v),
      z.union([z.literal('auto'), z.coerce.number().int().min(0).max(16)], { message: 'REDIS_WAIT_REPLICAS is auto, or the number of replicas (0 = never wait)' }),
    ),
    REDIS_WAIT_TIMEOUT_MS: intIn('REDIS_WAIT_TIMEOUT_MS', 10, 10000, 1000),
    LOG_LEVEL: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'], {
        message: 'LOG_LEVEL must be one of error, warn, info, http, verbose, debug, silly',
      }).default('info'),
    ),
    INTENTS_DIR: z.preprocess((v) => (v === '' || v === undefined ? './intents' : v), z.string()),
    MAX_BODY_BYTES: intIn('MAX_BODY_BYTES', 1024, 10 * 1024 * 1024, 1024 * 1024),

    TWILIO_ACCOUNT_SID: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^AC[0-9a-fA-F]{32}$/, { message: 'TWILIO_ACCOUNT_SID must be AC followed by 32 hex characters' })
        .optional(),
    ),
    TWILIO_AUTH_TOKEN: secret('TWILIO_AUTH_TOKEN'),
    TWILIO_WHATSAPP_NUMBER: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^(whatsapp:)?\+[1-9]\d{6,14}$/, {
          message: 'TWILIO_WHATSAPP_NUMBER must be an E.164 number, like whatsapp:+14155238886',
        })
        .transform((v) => (v.startsWith('whatsapp:') ? v : `whatsapp:${v}`))
        .optional(),
    ),
    TWILIO_API_URL: url('TWILIO_API_URL', 'https://api.twilio.com'),
    TWILIO_HTTP_KEEP_ALIVE: bool(true),

    META_APP_SECRET: secret('META_APP_SECRET'),
    META_VERIFY_TOKEN: secret('META_VERIFY_TOKEN'),
    META_PAGE_ACCESS_TOKEN: secret('META_PAGE_ACCESS_TOKEN'),
    META_APP_ID: optionalString,
    WHATSAPP_CLOUD_PHONE_NUMBER_ID: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().regex(/^\d{5,32}$/, { message: 'WHATSAPP_CLOUD_PHONE_NUMBER_ID must be the digits of the phone number id (App Dashboard > WhatsApp > API Setup)' }).optional(),
    ),
    WHATSAPP_CLOUD_ACCESS_TOKEN: secret('WHATSAPP_CLOUD_ACCESS_TOKEN'),
    INSTAGRAM_ACCESS_TOKEN: secret('INSTAGRAM_ACCESS_TOKEN'),
    META_GRAPH_URL: url('META_GRAPH_URL', 'https://graph.facebook.com'),
    META_GRAPH_VERSION: z.preprocess(
      (v) => (v === '' || v === undefined ? 'v21.0' : v),
      z.string().regex(/^v\d+\.\d+$/, { message: 'META_GRAPH_VERSION must look like v21.0' }),
    ),

    SANDBOX_ENABLED: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),

    NLU_ANSWER_THRESHOLD: fraction('NLU_ANSWER_THRESHOLD', 0.55),
    NLU_CLARIFY_THRESHOLD: fraction('NLU_CLARIFY_THRESHOLD', 0.3),
    FULFILLMENT_TIMEOUT_MS: intIn('FULFILLMENT_TIMEOUT_MS', 100, 60000, 4000),
    FULFILLMENT_SECRET: secret('FULFILLMENT_SECRET'),
    DEFAULT_PHONE_REGION: z.preprocess(
      (v) => (v === '' || v === undefined ? 'IN' : typeof v === 'string' ? v.trim().toUpperCase() : v),
      z.string().refine(isPhoneRegion, {
        message: 'DEFAULT_PHONE_REGION must be a two-letter ISO 3166 region code, such as IN, PK, NP, BD, US',
      }),
    ),

    SEND_TIMEOUT_MS: intIn('SEND_TIMEOUT_MS', 100, 60000, 10000),
    SEND_RETRY_WINDOW_SECONDS: intIn('SEND_RETRY_WINDOW_SECONDS', 1, 24 * 3600, 15 * 60),
    SEND_RETRY_BASE_MS: intIn('SEND_RETRY_BASE_MS', 10, 60000, 1000),
    DEDUPE_TTL_SECONDS: intIn('DEDUPE_TTL_SECONDS', 60, 30 * 24 * 3600, 3 * 24 * 3600),
    SHUTDOWN_GRACE_MS: intIn('SHUTDOWN_GRACE_MS', 0, 120000, 10000),
    TRUST_PROXY: bool(false),
    VIP_CUSTOMERS: csv,

    ADMIN_EMAIL: z.preprocess((v) => (v === '' ? undefined : v), z.string().email({ message: 'ADMIN_EMAIL must be an e-mail address' }).optional()),
    ADMIN_PASSWORD: optionalString,
    SESSION_TTL_HOURS: intIn('SESSION_TTL_HOURS', 1, 24 * 30, 12),
    AUTO_ASSIGN: bool(false),
    AGENT_IDLE_AWAY_MINUTES: intIn('AGENT_IDLE_AWAY_MINUTES', 0, 24 * 60, 15),
    SEARCH_RETENTION_DAYS: intIn('SEARCH_RETENTION_DAYS', 1, 3650, 90),
    DASHBOARD_TIME_ZONE: z.preprocess(
      (v) => (v === '' || v === undefined ? 'UTC' : v),
      z.string().refine(isKnownTimeZone, { message: 'DASHBOARD_TIME_ZONE must be an IANA time zone such as UTC, Asia/Kathmandu or Europe/London' }),
    ),
    PLATFORM_ID_TTL_DAYS: intIn('PLATFORM_ID_TTL_DAYS', 1, 90, 7),
    BOT_STATE_TTL_DAYS: intIn('BOT_STATE_TTL_DAYS', 1, 3650, 30),
    RETENTION_DAYS: intIn('RETENTION_DAYS', 0, 36500, 0),
    RETENTION_EXPORT_DIR: z.preprocess((v) => (v === '' || v === undefined ? './data/retention' : v), z.string()),
    RETENTION_INTERVAL_MINUTES: intIn('RETENTION_INTERVAL_MINUTES', 1, 7 * 24 * 60, 60),
    CSAT_SCALE: z.preprocess((v) => (v === '' || v === undefined ? 'csat5' : v), z.enum(['csat5', 'nps10'], { message: 'CSAT_SCALE must be csat5 or nps10' })),
    CSAT_TEMPLATE_SID: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().regex(/^HX[0-9a-fA-F]{32}$/, { message: 'CSAT_TEMPLATE_SID must be a Content SID (HX + 32 hex)' }).optional(),
    ),
    WHATSAPP_TEMPLATES: z.preprocess((v) => {
      if (v === '' || v === undefined) return {};
      if (typeof v !== 'string') return v;
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return 'not json';
      }
    }, z.record(
      z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { message: 'template names: lower-case letters, digits, _' }),
      z.object({
        /** Twilio Content API sid; WhatsApp Cloud API templates need only their name (the key) and language. */
        contentSid: z.string().regex(/^HX[0-9a-fA-F]{32}$/, { message: 'contentSid must be HX + 32 hex' }).optional(),
        /** The template's language code on the WhatsApp Cloud API (en, en_US, hi…); default en. */
        language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, { message: 'language must be a WhatsApp language code such as en or en_US' }).optional(),
        variables: z.array(z.string()).default([]),
        description: z.string().optional(),
      }).strict(),
      { message: 'WHATSAPP_TEMPLATES must be JSON: {"name":{"contentSid":"HX…","variables":["1"]}}' },
    )),
    CRM_ENRICHMENT_URL: url('CRM_ENRICHMENT_URL').optional(),
    CRM_ENRICHMENT_SECRET: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().min(16, { message: 'CRM_ENRICHMENT_SECRET must be at least 16 characters' }).optional(),
    ),
    CRM_TIMEOUT_MS: intIn('CRM_TIMEOUT_MS', 100, 10000, 1500),
    CRM_CACHE_TTL_SECONDS: intIn('CRM_CACHE_TTL_SECONDS', 10, 7 * 24 * 3600, 900),
    VOICE_DEFLECTION_TEMPLATE: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { message: 'VOICE_DEFLECTION_TEMPLATE must be a template name from WHATSAPP_TEMPLATES' }).optional(),
    ),
    ESCALATION_ANGER_THRESHOLD: fraction('ESCALATION_ANGER_THRESHOLD', 0.6),
    ESCALATION_MISUNDERSTANDINGS: intIn('ESCALATION_MISUNDERSTANDINGS', 1, 10, 2),
    UPLOADS_DIR: z.preprocess((v) => (v === '' || v === undefined ? './data/uploads' : v), z.string()),
    UPLOADS_MAX_BYTES: intIn('UPLOADS_MAX_BYTES', 1024, 16 * 1024 * 1024, 5 * 1024 * 1024),
    MEDIA_URL_SECRET: secret('MEDIA_URL_SECRET'),
    UPLOADS_STORAGE: z.preprocess((v) => (v === '' || v === undefined ? 'disk' : v), z.enum(['disk', 's3'], { message: 'UPLOADS_STORAGE is disk or s3' })),
    S3_ENDPOINT: url('S3_ENDPOINT').optional(),
    S3_BUCKET: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a bucket name (3-63 lower-case letters, digits, . and -)' }).optional()),
    S3_REGION: z.preprocess((v) => (v === '' || v === undefined ? 'us-east-1' : v), z.string().regex(/^[a-z0-9-]{2,32}$/, { message: 'S3_REGION looks like us-east-1 or eu-west-3' })),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: secret('S3_SECRET_ACCESS_KEY'),
    MEDIA_URL_TTL_SECONDS: intIn('MEDIA_URL_TTL_SECONDS', 60, 7 * 24 * 3600, 3600),
    CONSOLE_ENABLED: bool(true),
    WEB_CONCURRENCY: intIn('WEB_CONCURRENCY', 1, 64, 1),
    ALLOW_MEMORY_STORE: bool(false),
    METRICS_TOKEN: secret('METRICS_TOKEN'),
    METRICS_PORT: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce
        .number({ message: 'METRICS_PORT must be a whole number' })
        .int({ message: 'METRICS_PORT must be a whole number' })
        .min(0, { message: 'METRICS_PORT must be at least 0' })
        .max(65535, { message: 'METRICS_PORT must be at most 65535' })
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.PLATFORM_ID_TTL_DAYS * 24 * 3600 < env.DEDUPE_TTL_SECONDS) {
      ctx.addIssue({
        code: 'custom',
        path: ['PLATFORM_ID_TTL_DAYS'],
        message: `PLATFORM_ID_TTL_DAYS (${env.PLATFORM_ID_TTL_DAYS} days) must cover DEDUPE_TTL_SECONDS (${env.DEDUPE_TTL_SECONDS} s): a conversation's platform ids de-duplicate the webhooks redelivered that long`,
      });
    }
    if (env.REDIS_SENTINELS && !env.REDIS_SENTINEL_NAME) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_SENTINEL_NAME'], message: 'REDIS_SENTINELS needs REDIS_SENTINEL_NAME (the master group the sentinels watch)' });
    }
    const ways = (['REDIS_URL', 'REDIS_SENTINELS', 'REDIS_CLUSTER_NODES'] as const).filter((k) => env[k] !== undefined);
    if (ways.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: [ways[1]!],
        message: `${ways.join(' and ')} are ${ways.length === 2 ? 'both' : 'all'} set: set one way to reach Redis (REDIS_URL for one server, REDIS_SENTINELS for Sentinel, REDIS_CLUSTER_NODES for a Redis Cluster)`,
      });
    }
    if (env.REDIS_CLUSTER_NODES && typeof env.REDIS_WAIT_REPLICAS === 'number' && env.REDIS_WAIT_REPLICAS > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_WAIT_REPLICAS'],
        message: 'REDIS_WAIT_REPLICAS cannot wait for replicas on a Redis Cluster (each master has its own); leave it at auto or 0 with REDIS_CLUSTER_NODES',
      });
    }
    if (env.REDIS_CLUSTER_NODES && env.REDIS_SENTINEL_NAME && !env.REDIS_SENTINELS) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_SENTINEL_NAME'], message: 'REDIS_SENTINEL_NAME is for Sentinel; a Redis Cluster (REDIS_CLUSTER_NODES) has no master group name' });
    }
    const hasRedis = Boolean(env.REDIS_URL || env.REDIS_SENTINELS || env.REDIS_CLUSTER_NODES);
    if (env.WEB_CONCURRENCY > 1 && !hasRedis) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEB_CONCURRENCY'],
        message: 'WEB_CONCURRENCY above 1 needs REDIS_URL: worker processes share state only through Redis',
      });
    }
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together' });
    }
    if (env.ADMIN_PASSWORD !== undefined) {
      const problem = passwordProblem(env.ADMIN_PASSWORD, env.ADMIN_EMAIL);
      if (problem) ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: `ADMIN_PASSWORD is refused: ${problem}` });
    }
    if (env.NODE_ENV === 'production' && !hasRedis && !env.ALLOW_MEMORY_STORE) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message:
          'NODE_ENV=production needs REDIS_URL: the embedded in-memory store loses everything on restart and is not shared. ' +
          'Set REDIS_URL=redis://host:6379, or ALLOW_MEMORY_STORE=true to run without Redis anyway',
      });
    }
    if (env.METRICS_PORT !== undefined && env.METRICS_PORT !== 0 && env.METRICS_PORT === env.PORT) {
      ctx.addIssue({ code: 'custom', path: ['METRICS_PORT'], message: 'METRICS_PORT must differ from PORT' });
    }
    if ((env.CRM_ENRICHMENT_URL === undefined) !== (env.CRM_ENRICHMENT_SECRET === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['CRM_ENRICHMENT_SECRET'],
        message: 'set CRM_ENRICHMENT_URL and CRM_ENRICHMENT_SECRET together: every CRM request is signed',
      });
    }
    if (env.VOICE_DEFLECTION_TEMPLATE !== undefined && !env.WHATSAPP_TEMPLATES[env.VOICE_DEFLECTION_TEMPLATE]?.contentSid) {
      ctx.addIssue({
        code: 'custom',
        path: ['VOICE_DEFLECTION_TEMPLATE'],
        message: `VOICE_DEFLECTION_TEMPLATE names ${env.VOICE_DEFLECTION_TEMPLATE}, which is not in WHATSAPP_TEMPLATES with a contentSid: add it there with its contentSid (the call is deflected through Twilio)`,
      });
    }
    if (env.UPLOADS_STORAGE === 's3') {
      for (const name of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (env[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: `UPLOADS_STORAGE=s3 needs ${name}` });
      }
    }
    if (env.NLU_CLARIFY_THRESHOLD > env.NLU_ANSWER_THRESHOLD) {
      ctx.addIssue({
        code: 'custom',
        path: ['NLU_CLARIFY_THRESHOLD'],
        message: 'NLU_CLARIFY_THRESHOLD must not be above NLU_ANSWER_THRESHOLD',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  whatsappNumber: string;
  apiUrl: string;
  /** Reuse HTTPS connections to Twilio (default). Off only for proxies or HTTP mocks that can't. */
  keepAlive?: boolean;
}

export interface MessengerConfig {
  appSecret: string;
  verifyToken: string;
  pageAccessToken: string;
  appId?: string;
  graphUrl: string;
  graphVersion: string;
}

export interface RedisSettings {
  sentinels?: { host: string; port: number }[];
  /** Seed nodes of a Redis Cluster (REDIS_CLUSTER_NODES): Baton connects with ioredis's Cluster client. */
  clusterNodes?: { host: string; port: number }[];
  sentinelName?: string;
  commandTimeoutMs: number;
  /** Replicas that must have an inbound event before its webhook is acknowledged: 'auto' = as many as are connected, at most 1. */
  waitReplicas: 'auto' | number;
  waitTimeoutMs: number;
}

/** WhatsApp through Meta's Cloud API (not Twilio). */
export interface WhatsAppCloudConfig {
  phoneNumberId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  graphUrl: string;
  graphVersion: string;
}

/** Instagram direct messages through the Graph API (same app secret and verify token as Messenger). */
export interface InstagramConfig {
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  graphUrl: string;
  graphVersion: string;
}

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  /** Base URL the platforms call; defaults to http://localhost:PORT for local trials. */
  publicUrl: string;
  publicUrlIsDefault: boolean;
  redisUrl?: string;
  redisKeyPrefix: string;
  /** Connection options beyond the URL: Sentinel, command timeout, replica acknowledgement. */
  redis: RedisSettings;
  logLevel: Env['LOG_LEVEL'];
  intentsDir: string;
  maxBodyBytes: number;
  twilio: TwilioConfig | null;
  /** Names of the Twilio variables that are set while others are missing (channel then disabled). */
  twilioMissing: string[];
  messenger: MessengerConfig | null;
  messengerMissing: string[];
  whatsappCloud: WhatsAppCloudConfig | null;
  whatsappCloudMissing: string[];
  instagram: InstagramConfig | null;
  instagramMissing: string[];
  sandboxEnabled: boolean;
  nlu: { answerThreshold: number; clarifyThreshold: number };
  fulfillment: { timeoutMs: number; secret?: string };
  /** Fact extraction: the region of phone numbers written without a country code. */
  facts: { phoneRegion: string };
  sendTimeoutMs: number;
  /** Retryable send failures are tried again, with backoff from baseDelayMs, for up to windowMs. */
  sendRetry: { windowMs: number; baseDelayMs: number };
  dedupeTtlSeconds: number;
  shutdownGraceMs: number;
  trustProxy: boolean;
  vipCustomers: string[];
  admin?: { email: string; password: string };
  sessionTtlHours: number;
  autoAssign: boolean;
  /** An online agent without activity this long is set away (0 = never). */
  idleAwayMinutes: number;
  /** Days a search-index entry lives after its last write. */
  searchRetentionDays: number;
  /** The zone the dashboard's days are cut in (IANA name; UTC by default). */
  dashboardTimeZone: string;
  /** How long stored keys that only serve a while live: a sent message's platform id (receipts), an idle conversation's bot state. */
  storeTtls: { platformIdTtlSeconds: number; botStateTtlSeconds: number };
  /** Resolved conversations older than `days` are exported to `exportDir` (JSON lines) and removed, every `intervalMs`; null = kept for ever. */
  retention: { days: number; exportDir: string; intervalMs: number } | null;
  csat: { scale: 'csat5' | 'nps10'; templateSid?: string };
  whatsappTemplates: Record<string, { contentSid?: string; language?: string; variables: string[]; description?: string }>;
  escalation: { angerThreshold: number; misunderstandingsBeforeHandoff: number };
  /** CRM enrichment (CRM_ENRICHMENT_URL + CRM_ENRICHMENT_SECRET); null = off. */
  crm: { url: string; secret: string; timeoutMs: number; cacheTtlSeconds: number } | null;
  /** Call deflection (VOICE_DEFLECTION_TEMPLATE): the template that opens the WhatsApp thread; null = off. */
  voiceDeflection: { templateName: string; contentSid: string } | null;
  /**
   * Agents' uploads: files in `dir` (nothing is written outside it), served to the platforms from
   * PUBLIC_URL through links signed with `urlSecret` that expire after `urlTtlSeconds`.
   * `secretGenerated`: MEDIA_URL_SECRET was unset and a random one is used (one instance only).
   */
  uploads: {
    dir: string;
    maxBytes: number;
    urlSecret: string;
    secretGenerated: boolean;
    urlTtlSeconds: number;
    /** UPLOADS_STORAGE=s3: an S3-compatible bucket instead of the folder. */
    s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | null;
  };
  consoleEnabled: boolean;
  /** Worker processes sharing the port (node:cluster); each is a full instance on the same Redis. */
  workers: number;
  /**
   * Who may read /metrics: with `token`, scrapes send `Authorization: Bearer <token>`; with `port`,
   * /metrics is served only on that port of 127.0.0.1 (and not on PORT). Neither: /metrics is off.
   */
  metrics: { token?: string; port?: number };
  /** The session cookie gets `Secure` (PUBLIC_URL is https). */
  secureCookies: boolean;
}

/** True when no Redis is configured (no REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES): the embedded store is used. */
export function usesEmbeddedStore(config: Pick<Config, 'redisUrl' | 'redis'>): boolean {
  return !config.redisUrl && !config.redis.sentinels?.length && !config.redis.clusterNodes?.length;
}

function missing(names: Record<string, unknown>): string[] {
  return Object.entries(names)
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
}

/** Parse and check the environment. Throws CONFIG_INVALID naming every bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty means unset, for every variable: `PUBLIC_URL=` in .env is the same as no PUBLIC_URL.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new BatonError('CONFIG_INVALID', `Invalid configuration:\n  - ${lines.join('\n  - ')}`, lines);
  }
  const e = parsed.data;

  const twilioVars = {
    TWILIO_ACCOUNT_SID: e.TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: e.TWILIO_AUTH_TOKEN,
    TWILIO_WHATSAPP_NUMBER: e.TWILIO_WHATSAPP_NUMBER,
  };
  const twilioMissing = missing(twilioVars);
  const twilio: TwilioConfig | null =
    twilioMissing.length === 0
      ? {
          accountSid: e.TWILIO_ACCOUNT_SID!,
          authToken: e.TWILIO_AUTH_TOKEN!,
          whatsappNumber: e.TWILIO_WHATSAPP_NUMBER!,
          apiUrl: e.TWILIO_API_URL,
          keepAlive: e.TWILIO_HTTP_KEEP_ALIVE,
        }
      : null;

  const metaVars = {
    META_APP_SECRET: e.META_APP_SECRET,
    META_VERIFY_TOKEN: e.META_VERIFY_TOKEN,
    META_PAGE_ACCESS_TOKEN: e.META_PAGE_ACCESS_TOKEN,
  };
  const messengerMissing = missing(metaVars);
  const messenger: MessengerConfig | null =
    messengerMissing.length === 0
      ? {
          appSecret: e.META_APP_SECRET!,
          verifyToken: e.META_VERIFY_TOKEN!,
          pageAccessToken: e.META_PAGE_ACCESS_TOKEN!,
          appId: e.META_APP_ID,
          graphUrl: e.META_GRAPH_URL,
          graphVersion: e.META_GRAPH_VERSION,
        }
      : null;

  const cloudVars = {
    WHATSAPP_CLOUD_PHONE_NUMBER_ID: e.WHATSAPP_CLOUD_PHONE_NUMBER_ID,
    WHATSAPP_CLOUD_ACCESS_TOKEN: e.WHATSAPP_CLOUD_ACCESS_TOKEN,
    META_APP_SECRET: e.META_APP_SECRET,
    META_VERIFY_TOKEN: e.META_VERIFY_TOKEN,
  };
  const whatsappCloudMissing = missing(cloudVars);
  const whatsappCloud: WhatsAppCloudConfig | null =
    whatsappCloudMissing.length === 0
      ? {
          phoneNumberId: e.WHATSAPP_CLOUD_PHONE_NUMBER_ID!,
          accessToken: e.WHATSAPP_CLOUD_ACCESS_TOKEN!,
          appSecret: e.META_APP_SECRET!,
          verifyToken: e.META_VERIFY_TOKEN!,
          graphUrl: e.META_GRAPH_URL,
          graphVersion: e.META_GRAPH_VERSION,
        }
      : null;

  const instagramVars = {
    INSTAGRAM_ACCESS_TOKEN: e.INSTAGRAM_ACCESS_TOKEN,
    META_APP_SECRET: e.META_APP_SECRET,
    META_VERIFY_TOKEN: e.META_VERIFY_TOKEN,
  };
  const instagramMissing = missing(instagramVars);
  const instagram: InstagramConfig | null =
    instagramMissing.length === 0
      ? {
          accessToken: e.INSTAGRAM_ACCESS_TOKEN!,
          appSecret: e.META_APP_SECRET!,
          verifyToken: e.META_VERIFY_TOKEN!,
          graphUrl: e.META_GRAPH_URL,
          graphVersion: e.META_GRAPH_VERSION,
        }
      : null;

  const sandboxEnabled =
    e.SANDBOX_ENABLED === undefined
      ? e.NODE_ENV !== 'production'
      : ['1', 'true', 'yes', 'on'].includes(e.SANDBOX_ENABLED.toLowerCase());

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    publicUrlIsDefault: e.PUBLIC_URL === undefined,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    redis: {
      sentinels: e.REDIS_SENTINELS,
      clusterNodes: e.REDIS_CLUSTER_NODES,
      sentinelName: e.REDIS_SENTINEL_NAME,
      commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
      waitReplicas: e.REDIS_WAIT_REPLICAS,
      waitTimeoutMs: e.REDIS_WAIT_TIMEOUT_MS,
    },
    logLevel: e.LOG_LEVEL,
    intentsDir: e.INTENTS_DIR,
    maxBodyBytes: e.MAX_BODY_BYTES,
    twilio,
    twilioMissing,
    messenger,
    messengerMissing,
    whatsappCloud,
    whatsappCloudMissing,
    instagram,
    instagramMissing,
    sandboxEnabled,
    nlu: { answerThreshold: e.NLU_ANSWER_THRESHOLD, clarifyThreshold: e.NLU_CLARIFY_THRESHOLD },
    fulfillment: { timeoutMs: e.FULFILLMENT_TIMEOUT_MS, secret: e.FULFILLMENT_SECRET },
    facts: { phoneRegion: e.DEFAULT_PHONE_REGION },
    sendTimeoutMs: e.SEND_TIMEOUT_MS,
    sendRetry: { windowMs: e.SEND_RETRY_WINDOW_SECONDS * 1000, baseDelayMs: e.SEND_RETRY_BASE_MS },
    dedupeTtlSeconds: e.DEDUPE_TTL_SECONDS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    trustProxy: e.TRUST_PROXY,
    vipCustomers: e.VIP_CUSTOMERS,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    autoAssign: e.AUTO_ASSIGN,
    idleAwayMinutes: e.AGENT_IDLE_AWAY_MINUTES,
    searchRetentionDays: e.SEARCH_RETENTION_DAYS,
    dashboardTimeZone: e.DASHBOARD_TIME_ZONE,
    storeTtls: { platformIdTtlSeconds: e.PLATFORM_ID_TTL_DAYS * 24 * 3600, botStateTtlSeconds: e.BOT_STATE_TTL_DAYS * 24 * 3600 },
    retention: e.RETENTION_DAYS > 0 ? { days: e.RETENTION_DAYS, exportDir: e.RETENTION_EXPORT_DIR, intervalMs: e.RETENTION_INTERVAL_MINUTES * 60_000 } : null,
    csat: { scale: e.CSAT_SCALE, templateSid: e.CSAT_TEMPLATE_SID },
    whatsappTemplates: e.WHATSAPP_TEMPLATES,
    escalation: { angerThreshold: e.ESCALATION_ANGER_THRESHOLD, misunderstandingsBeforeHandoff: e.ESCALATION_MISUNDERSTANDINGS },
    crm:
      e.CRM_ENRICHMENT_URL && e.CRM_ENRICHMENT_SECRET
        ? { url: e.CRM_ENRICHMENT_URL, secret: e.CRM_ENRICHMENT_SECRET, timeoutMs: e.CRM_TIMEOUT_MS, cacheTtlSeconds: e.CRM_CACHE_TTL_SECONDS }
        : null,
    voiceDeflection:
      e.VOICE_DEFLECTION_TEMPLATE && e.WHATSAPP_TEMPLATES[e.VOICE_DEFLECTION_TEMPLATE]?.contentSid
        ? { templateName: e.VOICE_DEFLECTION_TEMPLATE, contentSid: e.WHATSAPP_TEMPLATES[e.VOICE_DEFLECTION_TEMPLATE]!.contentSid! }
        : null,
    uploads: {
      dir: e.UPLOADS_DIR,
      maxBytes: e.UPLOADS_MAX_BYTES,
      urlSecret: e.MEDIA_URL_SECRET ?? randomBytes(32).toString('hex'),
      secretGenerated: e.MEDIA_URL_SECRET === undefined,
      urlTtlSeconds: e.MEDIA_URL_TTL_SECONDS,
      s3:
        e.UPLOADS_STORAGE === 's3'
          ? { endpoint: e.S3_ENDPOINT!, bucket: e.S3_BUCKET!, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY! }
          : null,
    },
    consoleEnabled: e.CONSOLE_ENABLED,
    workers: e.WEB_CONCURRENCY,
    metrics: { ...(e.METRICS_TOKEN ? { token: e.METRICS_TOKEN } : {}), ...(e.METRICS_PORT !== undefined ? { port: e.METRICS_PORT } : {}) },
    secureCookies: (e.PUBLIC_URL ?? '').startsWith('https://'),
  };
}
