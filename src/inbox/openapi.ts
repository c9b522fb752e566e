import { z } from 'zod';
import { ERROR_HTTP_STATUS, type ErrorCode } from '../errors';
import type { RouteSpec } from './api/route';
import { errorView } from './api/schemas';

/**
 * The OpenAPI 3.1 document of the agent API, generated from the same route declarations and zod
 * schemas the router validates with (z.toJSONSchema), so it cannot drift from the code.
 */
type Json = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
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

function operationOf(spec: RouteSpec, collector: SchemaCollector): Json {
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
  if (spec.params || spec.query || spec.body) add('VALIDATION_FAILED', 'Invalid input; the message names the field');
  if (spec.access !== 'public') {
    add('UNAUTHENTICATED', 'No or malformed session token');
    add('TOKEN_EXPIRED', 'No or malformed session token');
    add('FORBIDDEN', spec.access === 'admin' ? 'Not an admin, or account disabled' : 'Account disabled or not allowed');
  }
  if (spec.path.includes(':')) add('NOT_FOUND', 'Unknown id');
  if (spec.path === '/auth/login') {
    add('UNAUTHENTICATED', 'Wrong e-mail or password');
    add('FORBIDDEN', 'Account disabled, or too many failed attempts');
  }

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
    responses,
  };
}

export function buildOpenApiDocument(specs: RouteSpec[], opts: { basePath?: string; version?: string } = {}): OpenApiDocument {
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
      description: 'Conversations, agents, teams, canned answers, follow-ups, audit and live events for the Baton care desk.',
    },
    servers: [{ url: opts.basePath ?? '/api/v1' }],
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
