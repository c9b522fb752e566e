import { z } from 'zod';
import { ERROR_HTTP_STATUS, type ErrorCode } from '../errors';
import type { RouteDoc } from './api/route';
import { errorView } from './api/schemas';

/**
 * The OpenAPI 3.1 document of the agent API, generated from the same route declarations and zod
 * schemas the router validates with (z.toJSONSchema), so it cannot drift from the code.
 */
type Json = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Json };
}

/** "/teams/:id" → "/teams/{id}". */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

class SchemaCollector {
  readonly components: Record<string, unknown> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): Json {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
    delete json.$schema;
    const defs = json.$defs as Record<string, unknown> | undefined;
    delete json.$defs;
    for (const [name, def] of Object.entries(defs ?? {})) this.components[name] ??= rewriteRefs(def);
    return rewriteRefs(json) as Json;
  }
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json)) {
      out[k] = k === '$ref' && typeof v === 'string' ? v.replace('#/$defs/', '#/components/schemas/') : rewriteRefs(v);
    }
    return out;
  }
  return value;
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query', collector: SchemaCollector): Json[] {
  if (!schema) return [];
  const json = collector.convert(schema, 'input');
  const props = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      schema: rest,
      ...(typeof description === 'string' ? { description } : {}),
    };
  });
}

function errorResponse(codes: ErrorCode[], description: string): Json {
  return { description: `${description} (${codes.join(', ')})`, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}

/** What each error code means, as the documentation of a route's error status. */
const ERROR_MEANING: Partial<Record<ErrorCode, string>> = {
  BAD_REQUEST: 'The request cannot be carried out as asked; the message says why',
  VALIDATION_FAILED: 'Invalid input; the message names the field',
  MALFORMED_JSON: 'The body is not valid JSON',
  PAYLOAD_TOO_LARGE: 'The body is larger than the server accepts',
  UNSUPPORTED_MEDIA_TYPE: 'The body is not sent as application/json',
  UNAUTHENTICATED: 'No, unknown or malformed session token',
  TOKEN_EXPIRED: 'The session has ended; sign in again',
  FORBIDDEN: 'Not allowed for this agent, or the account is disabled',
  NOT_FOUND: 'Unknown id',
  NOT_OWNER: 'The conversation belongs to someone else; claim it first',
  CONFLICT: 'The state changed or does not allow this; refresh and try again',
  OWNERSHIP_CHANGED: 'The owner changed while this was decided; refresh and try again',
  TOO_MANY_ATTEMPTS: 'Too many attempts; wait for the Retry-After header',
  WINDOW_CLOSED: 'The channel does not allow this message now (service window)',
  TEMPLATE_UNKNOWN: 'No approved template by that name',
  SEND_FAILED: 'The platform refused or could not be reached',
  CHANNEL_DISABLED: 'The channel is not configured on this server',
  UPLOAD_TOO_LARGE: 'The file is larger than UPLOADS_MAX_BYTES',
  UPLOAD_TYPE_REFUSED: 'The content is not a PNG, JPEG or WebP image or a PDF (checked by its bytes)',
  UPLOAD_TYPE_MISMATCH: "The file name's extension says another type than its content",
  UPLOAD_NAME_INVALID: 'The file name has a folder part, a parent-folder step or hidden characters',
};

const TAG_DESCRIPTIONS: Record<string, string> = {
  meta: 'This document',
  auth: 'Sign in and out (bearer token or httpOnly cookie)',
  conversations: 'The inbox: list, read, claim, reply, note, transfer, hand back, resolve',
  customers: 'One customer across channels: profile, merges, verified links, suggestions',
  agents: 'Agents, their roles, teams, capacity and presence',
  teams: 'Teams and their business hours',
  'canned answers': 'Reusable replies per team',
  'follow-ups': 'Low-satisfaction surveys to call back',
  audit: 'Who did what to what, when',
  events: 'Live events (server-sent events)',
  uploads: "Agents' files (images, PDFs) for their replies",
  templates: 'Approved WhatsApp templates agents may send',
  dashboard: "The brand's figures: response rate and times, containment, CSAT",
};

function operationOf(spec: RouteDoc, collector: SchemaCollector): Json {
  const responses: Record<string, Json> = {};
  for (const [status, doc] of Object.entries(spec.responses)) {
    responses[status] = {
      description: doc.description,
      ...(doc.schema ? { content: { [doc.contentType ?? 'application/json']: { schema: collector.convert(doc.schema, 'output') } } } : {}),
    };
  }
  const add = (code: ErrorCode, description: string) => {
    const status = String(ERROR_HTTP_STATUS[code]);
    const existing = responses[status];
    if (!existing) responses[status] = errorResponse([code], description);
    else if (typeof existing.description === 'string' && !existing.description.includes(code)) {
      existing.description = existing.description.replace(/\)$/, `, ${code})`);
    }
  };
  const meaning = (code: ErrorCode) => ERROR_MEANING[code] ?? code;
  if (spec.params || spec.query || spec.body) add('VALIDATION_FAILED', meaning('VALIDATION_FAILED'));
  if (spec.body) {
    add('MALFORMED_JSON', meaning('MALFORMED_JSON'));
    add('PAYLOAD_TOO_LARGE', meaning('PAYLOAD_TOO_LARGE'));
    add('UNSUPPORTED_MEDIA_TYPE', meaning('UNSUPPORTED_MEDIA_TYPE'));
  }
  if (spec.access !== 'public') {
    add('UNAUTHENTICATED', meaning('UNAUTHENTICATED'));
    add('TOKEN_EXPIRED', meaning('TOKEN_EXPIRED'));
    add('FORBIDDEN', spec.access === 'admin' ? 'Not an admin, or the account is disabled' : meaning('FORBIDDEN'));
  }
  if (spec.path.includes(':')) add('NOT_FOUND', meaning('NOT_FOUND'));
  for (const code of spec.errors ?? []) add(code, meaning(code));

  const parameters = [...parametersOf(spec.params, 'path', collector), ...parametersOf(spec.query, 'query', collector)];
  if (spec.path === '/events') {
    parameters.push({ name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' }, description: 'resume after this event id' });
  }
  return {
    operationId: `${spec.method}${toOpenApiPath(spec.path).replace(/[{}]/g, '').replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    security: spec.access === 'public' ? [] : [{ bearerAuth: [] }, { cookieAuth: [] }, ...(spec.tokenSources?.includes('query') ? [{ queryToken: [] }] : [])],
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: collector.convert(spec.body, 'input') } } } } : {}),
    ...(spec.bodyDoc ? { requestBody: { required: true, content: { [spec.bodyDoc.contentType]: { schema: collector.convert(spec.bodyDoc.schema, 'input') } } } } : {}),
    responses,
  };
}

export function buildOpenApiDocument(specs: readonly RouteDoc[], opts: { basePath?: string; version?: string } = {}): OpenApiDocument {
  const collector = new SchemaCollector();
  collector.convert(errorView, 'output');
  const paths: OpenApiDocument['paths'] = {};
  for (const spec of specs) {
    const p = toOpenApiPath(spec.path);
    paths[p] ??= {};
    paths[p][spec.method] = operationOf(spec, collector);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Baton agent API',
      version: opts.version ?? '1',
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Conversations, customers, agents, teams, canned answers, follow-ups, audit, the dashboard and live events for the Baton care desk. ' +
        'Every time is an ISO 8601 string in UTC; every error is `{error: {code, message, details?}, requestId}`.',
    },
    servers: [{ url: opts.basePath ?? '/api/v1' }],
    tags: [...new Set(specs.map((s) => s.tag))].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
    paths,
    components: {
      schemas: collector.components,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'token from POST /auth/login' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'baton_session' },
        queryToken: { type: 'apiKey', in: 'query', name: 'access_token', description: 'only for GET /events (EventSource)' },
      },
    },
  };
}
