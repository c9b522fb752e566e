import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import type { ChannelName } from '../conversations/types';
import { CHANNELS } from '../conversations/types';
import { BatonError } from '../errors';
import type { AuditLog } from '../handoff/types';
import type { Logger } from '../logger';
import { customerView } from './customerView';
import type { LinkVerification } from './linkVerification';
import type { RedisCustomerStore } from './redisCustomerStore';
import type { ConversationLookup } from './types';

export interface CustomerRouterDeps {
  store: RedisCustomerStore;
  verification: LinkVerification;
  /** Accepted for wiring symmetry: merges, edits, dismissals and links are audited by the store and the verification, which hold the same log. */
  audit?: AuditLog;
  /** Sets `res.locals.auth.agent` (the inbox's requireAgent) or `res.locals.agent`; fails otherwise. */
  requireAgent: RequestHandler;
  requireAdmin: RequestHandler;
  conversationLookup: ConversationLookup;
  /** Team scoping (the inbox's TeamScope): who may see a customer, or act on their identity. */
  teamScope: CustomerScope;
  logger: Logger;
  maxBodyBytes?: number;
}

/**
 * `see`: the caller may see the customer (an admin, or a conversation of theirs is in the caller's
 * teams). `own`: the caller may act on the customer's identity (an admin, or the caller owns one
 * of their conversations). Both fail with 403/404.
 */
export interface CustomerScope {
  customerGuard(need: 'see' | 'own', param?: string): RequestHandler;
  /** The same check for a customer named elsewhere than the path (the merge's source). */
  assertCustomerFor(res: Response, customerId: string, need: 'see' | 'own'): Promise<void>;
  /** Which of a customer's conversations the caller may see listed. */
  conversationFilterFor(res: Response): (c: { team?: string; assigneeId?: string }) => boolean;
}

const idParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'not a customer id' });
const params = z.object({ id: idParam });
const suggestionParams = z.object({ id: idParam, sid: z.string().regex(/^sg_[a-f0-9]{16}$/, { message: 'not a suggestion id' }) });

/** The canonical stored form of an address an agent typed, or null when it cannot be one. */
export function normaliseAddress(channel: ChannelName, raw: string): string | null {
  const a = raw.trim();
  switch (channel) {
    case 'whatsapp':
    case 'whatsapp_cloud': {
      const n = a.replace(/^whatsapp:/i, '').replace(/[\s().-]/g, '');
      return /^\+[1-9]\d{7,14}$/.test(n) ? `whatsapp:${n}` : null;
    }
    case 'messenger':
    case 'instagram':
      return /^\d{5,32}$/.test(a) ? a : null;
    case 'sandbox':
      return /^[\w.@+-]{1,64}$/.test(a) ? a : null;
  }
}

const channel = z.enum(CHANNELS as [ChannelName, ...ChannelName[]]);
const addressOn = z
  .object({ channel, address: z.string().min(1).max(100) })
  .strict()
  .transform((v, ctx) => {
    const address = normaliseAddress(v.channel, v.address);
    if (address === null) {
      const hint = v.channel === 'whatsapp' || v.channel === 'whatsapp_cloud' ? 'an international number such as +919812345678' : v.channel === 'messenger' || v.channel === 'instagram' ? 'a page- or account-scoped id (digits)' : 'a sandbox id';
      ctx.addIssue({ code: 'custom', path: ['address'], message: `not a ${v.channel} address; use ${hint}` });
      return z.NEVER;
    }
    return { channel: v.channel, address };
  });

const mergeBody = z.object({ sourceCustomerId: idParam, reason: z.string().trim().min(1).max(500).optional() }).strict();
const verifyBody = z
  .object({
    channel,
    address: z.string().min(1).max(100),
    /** Where the customer will type the code (default: the address of their latest conversation). */
    from: addressOn.optional(),
    language: z.string().min(2).max(20).optional(),
  })
  .strict()
  .transform((v, ctx) => {
    const address = normaliseAddress(v.channel, v.address);
    if (address === null) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: `not a ${v.channel} address` });
      return z.NEVER;
    }
    return { ...v, address };
  });
const patchBody = z
  .object({ vip: z.boolean().optional(), name: z.string().trim().min(1).max(100).optional() })
  .strict()
  .refine((v) => v.vip !== undefined || v.name !== undefined, { message: 'send vip or name' });

/** The schemas the routes below validate with, for the OpenAPI document (src/inbox/api/customerRouteDocs.ts). */
export const customerRouteSchemas = { params, suggestionParams, mergeBody, verifyBody, patchBody };

function parse<S extends z.ZodType>(schema: S, value: unknown, location: 'body' | 'params'): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: [location, ...i.path.map(String)].join('.'), message: i.message }));
  throw new BatonError('VALIDATION_FAILED', `Invalid request: ${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

function actorOf(res: Response): string {
  const locals = res.locals as { auth?: { agent?: { id?: string } }; agent?: { id?: string } };
  const id = locals.auth?.agent?.id ?? locals.agent?.id;
  if (!id) throw new BatonError('UNAUTHENTICATED', 'Sign in first: POST /api/v1/auth/login');
  return id;
}

const run =
  (fn: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch(next);
  };

/**
 * The agent API for customers, mounted by the lead at /api/v1/customers:
 * GET /:id, POST /:id/merge, POST /:id/verify-link, PATCH /:id (admin),
 * GET /:id/suggestions, DELETE /:id/suggestions/:sid. Seeing a customer needs `see`; merging and
 * sending a verification code need `own` (CustomerScope).
 */
export function createCustomerRouter(deps: CustomerRouterDeps): Router {
  const { store, verification, conversationLookup, requireAgent, requireAdmin, teamScope } = deps;
  const canSee = teamScope.customerGuard('see');
  const owns = teamScope.customerGuard('own');
  const router = express.Router();
  const json = express.json({ limit: deps.maxBodyBytes ?? 16 * 1024 });

  const viewOr404 = async (id: string, res: Response) => {
    const view = await customerView(store, id, conversationLookup, teamScope.conversationFilterFor(res));
    if (!view) throw new BatonError('NOT_FOUND', `No customer ${id}`);
    return view;
  };

  router.get(
    '/:id',
    requireAgent,
    canSee,
    run(async (req, res) => {
      const { id } = parse(params, req.params, 'params');
      res.json(await viewOr404(id, res));
    }),
  );

  router.post(
    '/:id/merge',
    requireAgent,
    owns,
    json,
    run(async (req, res) => {
      const { id } = parse(params, req.params, 'params');
      const body = parse(mergeBody, req.body, 'body');
      const actor = actorOf(res);
      const target = await store.get(id);
      if (!target) throw new BatonError('NOT_FOUND', `No customer ${id}`);
      await teamScope.assertCustomerFor(res, body.sourceCustomerId, 'see');
      const merged = await store.merge({ targetId: target.id, sourceId: body.sourceCustomerId, actor, ...(body.reason ? { reason: body.reason } : {}) });
      deps.logger.info('customers merged by an agent', { customerId: merged.id, sourceCustomerId: body.sourceCustomerId, actor });
      res.json(await viewOr404(merged.id, res));
    }),
  );

  router.post(
    '/:id/verify-link',
    requireAgent,
    owns,
    json,
    run(async (req, res) => {
      const { id } = parse(params, req.params, 'params');
      const body = parse(verifyBody, req.body, 'body');
      const actor = actorOf(res);
      const customer = await store.get(id);
      if (!customer) throw new BatonError('NOT_FOUND', `No customer ${id}`);
      const from: { channel: ChannelName; address: string; language?: string } = body.from ?? (await defaultFrom(customer.id, body.channel, body.address));
      const started = await verification.start({
        customerId: customer.id,
        fromChannel: from.channel,
        fromAddress: from.address,
        targetChannel: body.channel,
        targetAddress: body.address,
        actor,
        lang: body.language ?? from.language ?? 'en',
      });
      res.status(202).json({ verificationId: started.verificationId, expiresAt: new Date(started.expiresAt).toISOString() });
    }),
  );

  /** The address of the customer's latest conversation (not the one being claimed), and its language. */
  async function defaultFrom(customerId: string, targetChannel: ChannelName, targetAddress: string): Promise<{ channel: ChannelName; address: string; language?: string }> {
    const own = (await store.addresses(customerId)).filter((a) => a.kind === 'address' && !(a.channel === targetChannel && a.address === targetAddress));
    for (const link of await store.conversations(customerId)) {
      const c = await conversationLookup(link.conversationId);
      if (c && own.some((a) => a.channel === c.channel && a.address === c.customerAddress)) {
        return { channel: c.channel, address: c.customerAddress, ...(c.language ? { language: c.language } : {}) };
      }
    }
    if (own.length === 1) return { channel: own[0]!.channel, address: own[0]!.address };
    throw new BatonError('VALIDATION_FAILED', 'Say where the customer will type the code: body.from {channel, address}', [
      { path: 'body.from', message: 'required when the customer has no conversation on one of their addresses' },
    ]);
  }

  router.patch(
    '/:id',
    requireAgent,
    requireAdmin,
    json,
    run(async (req, res) => {
      const { id } = parse(params, req.params, 'params');
      const body = parse(patchBody, req.body, 'body');
      const updated = await store.update(id, body, actorOf(res));
      res.json(await viewOr404(updated.id, res));
    }),
  );

  router.get(
    '/:id/suggestions',
    requireAgent,
    canSee,
    run(async (req, res) => {
      const { id } = parse(params, req.params, 'params');
      const customer = await store.get(id);
      if (!customer) throw new BatonError('NOT_FOUND', `No customer ${id}`);
      const suggestions = await store.suggestions(customer.id);
      res.json({ suggestions: suggestions.map((sg) => ({ ...sg, at: new Date(sg.at).toISOString() })) });
    }),
  );

  router.delete(
    '/:id/suggestions/:sid',
    requireAgent,
    canSee,
    run(async (req, res) => {
      const { id, sid } = parse(suggestionParams, req.params, 'params');
      const customer = await store.get(id);
      if (!customer) throw new BatonError('NOT_FOUND', `No customer ${id}`);
      if (!(await store.dismissSuggestion(customer.id, sid, actorOf(res)))) throw new BatonError('NOT_FOUND', `No suggestion ${sid}`);
      res.status(204).end();
    }),
  );

  return router;
}
