import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { BatonError, type ErrorCode } from '../../errors';
import type { Agent } from '../../handoff/types';
import { authOf, requireAdmin, requireAgent, type TokenSource } from '../auth/requireAgent';
import type { TeamScope } from '../access/teamScope';
import type { AgentStore } from '../agents/agentStore';
import type { LoginLimiter } from '../auth/loginLimiter';
import type { SessionStore } from '../auth/sessionStore';

/**
 * One declaration per endpoint: method, path, who may call it, the zod schemas of its input and
 * output, and the handler. The router and the OpenAPI document are both built from these, so the
 * documentation cannot drift from what is validated.
 */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Access = 'public' | 'agent' | 'admin';
/**
 * What the route's `:id` names, for team scoping (src/inbox/access/teamScope.ts): `conversation`
 * = agents pass only for a conversation of their teams (or assigned to them). Routes without a
 * scope touch nothing team-owned, or filter what they answer by the same rule.
 */
export type Scope = 'conversation';

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The signed-in agent (routes with access agent/admin). */
  readonly caller: Agent;
  req: Request;
  res: Response;
}

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
}

/** What the OpenAPI document needs of an endpoint: everything but the handler. */
export type RouteDoc = Omit<RouteSpec, 'handle' | 'raw'>;

export interface RouteSpec {
  method: HttpMethod;
  /** Express-style path relative to /api/v1 ("/teams/:id"). */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  scope?: Scope;
  /** Where the session token may come from; default header + cookie. */
  tokenSources?: readonly TokenSource[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A body the handler reads itself (a multipart upload): documented only, never parsed as JSON. */
  bodyDoc?: { contentType: string; schema: z.ZodType };
  /** Status of a successful answer (default 200; 204 sends no body). */
  status: number;
  responses: Record<number, ResponseDoc>;
  /**
   * Error codes the handler itself can answer with, beyond those every route of its kind has
   * (validation, authentication, unknown id): they become the documented error statuses.
   */
  errors?: readonly ErrorCode[];
  /** The handler writes the response itself (server-sent events). */
  raw?: boolean;
  handle(input: RouteInput<unknown, unknown, unknown>): Promise<unknown>;
}

export interface RouteDef<P extends Schema, Q extends Schema, B extends Schema> {
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  scope?: Scope;
  tokenSources?: readonly TokenSource[];
  params?: P;
  query?: Q;
  body?: B;
  bodyDoc?: { contentType: string; schema: z.ZodType };
  status?: number;
  /** Documented success answer (its status is `status`). */
  response: ResponseDoc;
  errors?: readonly ErrorCode[];
  raw?: boolean;
  handle(input: RouteInput<Out<P>, Out<Q>, Out<B>>): Promise<unknown>;
}

export function route<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
  def: RouteDef<P, Q, B>,
): RouteSpec {
  const status = def.status ?? 200;
  const { response, ...rest } = def;
  return { ...rest, status, responses: { [status]: response }, handle: def.handle as RouteSpec['handle'] };
}

/** A ZodError as a 400 naming where the bad field is ("body.text", "query.status"). */
export function validationError(location: 'body' | 'query' | 'params', err: z.ZodError): BatonError {
  const issues = err.issues.map((i) => ({ path: [location, ...i.path.map(String)].join('.'), message: i.message }));
  const first = issues[0]!;
  return new BatonError('VALIDATION_FAILED', `Invalid request: ${first.path}: ${first.message}`, issues);
}

function parseWith(schema: z.ZodType | undefined, value: unknown, location: 'body' | 'query' | 'params'): unknown {
  if (!schema) return undefined;
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(location, r.error);
  return r.data;
}

export function isJsonRequest(req: Request): boolean {
  return Boolean(req.is('application/json'));
}

/**
 * The handler's result through the route's response schema: times become ISO strings, fields the
 * document does not list are dropped. A result that does not fit is the server's bug: a 500 naming
 * the fields (never their values).
 */
export function asDocumented(spec: RouteSpec, result: unknown): unknown {
  const schema = spec.responses[spec.status]?.schema;
  if (!schema) return result;
  const r = schema.safeParse(result);
  if (r.success) return r.data;
  const fields = r.error.issues.slice(0, 5).map((i) => i.path.join('.') || '(root)');
  throw new BatonError('INTERNAL', `The answer of ${spec.method.toUpperCase()} ${spec.path} did not match its documented shape (${fields.join(', ')})`);
}

function runRoute(spec: RouteSpec, scope: TeamScope): RequestHandler {
  return async (req, res) => {
    if (spec.body && req.body === undefined) {
      if (req.headers['content-type'] && !isJsonRequest(req)) {
        throw new BatonError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON with Content-Type: application/json');
      }
    }
    const params = parseWith(spec.params, req.params, 'params');
    // Team scope, once the path is known to be well formed and before anything else is read.
    if (spec.scope === 'conversation') await scope.assertConversation(authOf(res).agent, (params as { id: string }).id);
    const input: RouteInput<unknown, unknown, unknown> = {
      params,
      query: parseWith(spec.query, req.query, 'query'),
      body: parseWith(spec.body, req.body, 'body'),
      get caller() {
        return authOf(res).agent;
      },
      req,
      res,
    };
    const result = await spec.handle(input);
    if (spec.raw || res.headersSent) return;
    if (spec.status === 204 || result === undefined) {
      res.status(204).end();
      return;
    }
    // The answer goes out exactly as documented: through its response schema (ISO times, no stray fields).
    res.status(spec.status).json(asDocumented(spec, result));
  };
}

/** Unauthenticated requests share a per-client budget (LoginLimiter.publicRequest). */
export function limitPublic(limiter: LoginLimiter): RequestHandler {
  return async (req, _res, next) => {
    await limiter.publicRequest(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    next();
  };
}

/**
 * Mounts every route behind its guards, in order: per-client limit (public routes), session,
 * role, then (in runRoute, once the path parameters are valid) team scope; handlers run only for
 * callers who passed all of them.
 */
export function mountRoutes(
  router: Router,
  specs: RouteSpec[],
  auth: { sessions: SessionStore; agents: AgentStore; limiter: LoginLimiter },
  scope: TeamScope,
): void {
  for (const spec of specs) {
    const guards: RequestHandler[] = [];
    if (spec.access === 'public') guards.push(limitPublic(auth.limiter));
    if (spec.access !== 'public') guards.push(requireAgent(auth, spec.tokenSources));
    if (spec.access === 'admin') guards.push(requireAdmin);
    router[spec.method](spec.path, ...guards, runRoute(spec, scope));
  }
}
