import express, { Router } from 'express';
import { z } from 'zod';
import type { Logger } from '../logger';
import { TeamScope } from './access/teamScope';
import { allRoutes, DEFAULT_HEARTBEAT_MS } from './api/allRoutes';
import { limitPublic, mountRoutes, type RouteDoc, type RouteSpec } from './api/route';
import type { ConversationActions } from './contracts';
import { buildOpenApiDocument } from './openapi';
import type { InboxServices } from './services';

export interface InboxRouterOptions {
  /** SSE heartbeat (default 15 s). */
  heartbeatMs?: number;
  /** JSON body limit in bytes (default 100 kB). */
  maxBodyBytes?: number;
  /** Where the router is mounted, for the OpenAPI servers entry (default /api/v1). */
  basePath?: string;
  /** More endpoints from other parts of Baton (dead letters), mounted and documented like the rest. */
  extraRoutes?: RouteSpec[];
  /** Team scoping; without it, agents (not admins) are refused every conversation (closed by default). */
  scope?: TeamScope;
  /** Endpoints served by other routers under the same base path (customers, dashboard), for the document. */
  documentedElsewhere?: readonly RouteDoc[];
}

/** A scope that knows no conversation or customer: only admins pass. */
const closedScope = () => new TeamScope({ conversation: async () => null, customerConversations: async () => null });

/** GET /openapi.json itself. */
const openApiRouteDoc: RouteDoc = {
  method: 'get',
  path: '/openapi.json',
  tag: 'meta',
  access: 'public',
  summary: 'This OpenAPI 3.1 document',
  status: 200,
  responses: { 200: { description: 'The document', schema: z.looseObject({ openapi: z.literal('3.1.0') }) } },
};

/** The agent API, to mount at /api/v1: JSON only, every input validated, every admin change audited. */
export function createInboxRouter(services: InboxServices, actions: ConversationActions, logger: Logger, opts: InboxRouterOptions = {}): Router {
  const routes = inboxRouteSpecs(services, actions, logger, opts);
  const router = Router();
  // Nothing the agent API answers (sessions, transcripts, customers) belongs in a cache.
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use(express.json({ limit: opts.maxBodyBytes ?? 100 * 1024 }));
  const document = buildOpenApiDocument([openApiRouteDoc, ...routes, ...(opts.documentedElsewhere ?? [])], opts.basePath ? { basePath: opts.basePath } : {});
  router.get('/openapi.json', limitPublic(services.limiter), (_req, res) => {
    res.json(document);
  });
  mountRoutes(router, routes, services, opts.scope ?? closedScope());
  return router;
}

export function inboxRouteSpecs(services: InboxServices, actions: ConversationActions, logger: Logger, opts: InboxRouterOptions = {}): RouteSpec[] {
  return [...allRoutes(services, actions, logger, opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS), ...(opts.extraRoutes ?? [])];
}
