import { z } from 'zod';
import { BatonError } from './errors';

/**
 * The whole environment contract, read once at start by parseConfig(env).
 * Empty strings count as "not set", so `FOO=` in a .env file means the default.
 * README's configuration table and .env.example list exactly these names.
 */

const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

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
    REDIS_KEY_PREFIX: z.preprocess((v) => (v === '' || v === undefined ? 'baton:' : v), z.string()),
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
    TWILIO_AUTH_TOKEN: optionalString,
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

    META_APP_SECRET: optionalString,
    META_VERIFY_TOKEN: optionalString,
    META_PAGE_ACCESS_TOKEN: optionalString,
    META_APP_ID: optionalString,
    WHATSAPP_CLOUD_PHONE_NUMBER_ID: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().regex(/^\d{5,32}$/, { message: 'WHATSAPP_CLOUD_PHONE_NUMBER_ID must be the digits of the phone number id (App Dashboard > WhatsApp > API Setup)' }).optional(),
    ),
    WHATSAPP_CLOUD_ACCESS_TOKEN: optionalString,
    INSTAGRAM_ACCESS_TOKEN: optionalString,
    META_GRAPH_URL: url('META_GRAPH_URL', 'https://graph.facebook.com'),
    META_GRAPH_VERSION: z.preprocess(
      (v) => (v === '' || v === undefined ? 'v21.0' : v),
      z.string().regex(/^v\d+\.\d+$/, { message: 'META_GRAPH_VERSION must look like v21.0' }),
    ),

    SANDBOX_ENABLED: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),

    NLU_ANSWER_THRESHOLD: fraction('NLU_ANSWER_THRESHOLD', 0.55),
    NLU_CLARIFY_THRESHOLD: fraction('NLU_CLARIFY_THRESHOLD', 0.3),
    FULFILLMENT_TIMEOUT_MS: intIn('FULFILLMENT_TIMEOUT_MS', 100, 60000, 4000),
    FULFILLMENT_SECRET: optionalString,

    SEND_TIMEOUT_MS: intIn('SEND_TIMEOUT_MS', 100, 60000, 10000),
    DEDUPE_TTL_SECONDS: intIn('DEDUPE_TTL_SECONDS', 60, 30 * 24 * 3600, 3 * 24 * 3600),
    SHUTDOWN_GRACE_MS: intIn('SHUTDOWN_GRACE_MS', 0, 120000, 10000),
    TRUST_PROXY: bool(false),
    VIP_CUSTOMERS: csv,

    ADMIN_EMAIL: z.preprocess((v) => (v === '' ? undefined : v), z.string().email({ message: 'ADMIN_EMAIL must be an e-mail address' }).optional()),
    ADMIN_PASSWORD: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().min(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' }).optional(),
    ),
    SESSION_TTL_HOURS: intIn('SESSION_TTL_HOURS', 1, 24 * 30, 12),
    AUTO_ASSIGN: bool(false),
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
    ESCALATION_ANGER_THRESHOLD: fraction('ESCALATION_ANGER_THRESHOLD', 0.6),
    ESCALATION_MISUNDERSTANDINGS: intIn('ESCALATION_MISUNDERSTANDINGS', 1, 10, 2),
    CONSOLE_ENABLED: bool(true),
    WEB_CONCURRENCY: intIn('WEB_CONCURRENCY', 1, 64, 1),
  })
  .superRefine((env, ctx) => {
    if (env.WEB_CONCURRENCY > 1 && !env.REDIS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEB_CONCURRENCY'],
        message: 'WEB_CONCURRENCY above 1 needs REDIS_URL: worker processes share state only through Redis',
      });
    }
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together' });
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
  sendTimeoutMs: number;
  dedupeTtlSeconds: number;
  shutdownGraceMs: number;
  trustProxy: boolean;
  vipCustomers: string[];
  admin?: { email: string; password: string };
  sessionTtlHours: number;
  autoAssign: boolean;
  csat: { scale: 'csat5' | 'nps10'; templateSid?: string };
  whatsappTemplates: Record<string, { contentSid?: string; language?: string; variables: string[]; description?: string }>;
  escalation: { angerThreshold: number; misunderstandingsBeforeHandoff: number };
  consoleEnabled: boolean;
  /** Worker processes sharing the port (node:cluster); each is a full instance on the same Redis. */
  workers: number;
}

function missing(names: Record<string, unknown>): string[] {
  return Object.entries(names)
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
}

/** Parse and check the environment. Throws CONFIG_INVALID naming every bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
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
    sendTimeoutMs: e.SEND_TIMEOUT_MS,
    dedupeTtlSeconds: e.DEDUPE_TTL_SECONDS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    trustProxy: e.TRUST_PROXY,
    vipCustomers: e.VIP_CUSTOMERS,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    autoAssign: e.AUTO_ASSIGN,
    csat: { scale: e.CSAT_SCALE, templateSid: e.CSAT_TEMPLATE_SID },
    whatsappTemplates: e.WHATSAPP_TEMPLATES,
    escalation: { angerThreshold: e.ESCALATION_ANGER_THRESHOLD, misunderstandingsBeforeHandoff: e.ESCALATION_MISUNDERSTANDINGS },
    consoleEnabled: e.CONSOLE_ENABLED,
    workers: e.WEB_CONCURRENCY,
  };
}
