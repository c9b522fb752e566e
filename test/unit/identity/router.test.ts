import type { Server } from 'node:http';
import express, { type RequestHandler } from 'express';
import { BatonError } from '../../../src/errors';
import { createErrorMiddleware } from '../../../src/http/errorMiddleware';
import { createCustomerRouter } from '../../../src/identity/router';
import { suggestLinks } from '../../../src/identity/suggestLinks';
import type { ConversationSummary } from '../../../src/identity/types';
import type { Logger } from '../../../src/logger';
import { identityOn, mockRedisPair, PSID, WA, type RedisPair } from './support';

const quietLogger = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined } as unknown as Logger;

/** Stand-ins for the inbox's auth: the caller is named by headers. */
const requireAgent: RequestHandler = (req, res, next) => {
  const id = req.get('x-agent');
  if (!id) return next(new BatonError('UNAUTHENTICATED', 'sign in'));
  res.locals.agent = { id, role: req.get('x-role') ?? 'agent' };
  next();
};
const requireAdmin: RequestHandler = (_req, res, next) => {
  next((res.locals.agent as { role: string }).role === 'admin' ? undefined : new BatonError('FORBIDDEN', 'admins only'));
};

/** Team scoping is the inbox's (tested in test/integration/inbox/teamScope.test.ts): here every caller passes. */
const allowAll = {
  customerGuard: (): RequestHandler => (_req, _res, next) => next(),
  assertCustomerFor: async () => undefined,
  conversationFilterFor: () => () => true,
};

describe('customer routes', () => {
  let pair: RedisPair;
  let id: ReturnType<typeof identityOn>;
  let server: Server;
  let base: string;
  const conversations = new Map<string, ConversationSummary>();

  beforeEach(async () => {
    pair = await mockRedisPair();
    id = identityOn(pair.a);
    conversations.clear();
    const app = express();
    app.use(
      '/api/v1/customers',
      createCustomerRouter({
        store: id.store,
        verification: id.verification,
        audit: id.audit,
        requireAgent,
        requireAdmin,
        conversationLookup: async (cid) => conversations.get(cid) ?? null,
        teamScope: allowAll,
        logger: quietLogger,
      }),
    );
    app.use(createErrorMiddleware(quietLogger));
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}/api/v1/customers`;
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await pair.close();
  });

  function call(method: string, path: string, body?: unknown, headers: Record<string, string> = { 'x-agent': 'ag_1' }): Promise<Response> {
    return fetch(`${base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async function customerWithConversation(channel: 'messenger' | 'whatsapp', address: string, conversationId: string, at: number) {
    const c = await id.store.customerFor({ channel, address, name: 'Asha' });
    await id.store.attachConversation(c.id, conversationId, channel, at);
    conversations.set(conversationId, { id: conversationId, channel, status: 'resolved', createdAt: at, customerAddress: address, language: 'ur', lastMessageAt: at + 500 });
    return c;
  }

  it('GET /:id shows the customer with addresses and conversations', async () => {
    const c = await customerWithConversation('messenger', PSID, 'c_m', Date.UTC(2026, 0, 2));
    const res = await call('GET', `/${c.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: c.id,
      name: 'Asha',
      vip: false,
      addresses: [{ channel: 'messenger', address: PSID, verified: true }],
      conversations: [{ id: 'c_m', channel: 'messenger', status: 'resolved', startedAt: '2026-01-02T00:00:00.000Z', lastMessageAt: '2026-01-02T00:00:00.500Z' }],
      suggestedLinks: [],
    });
  });

  it('GET /:id answers 404 for an unknown customer', async () => {
    const res = await call('GET', '/cu_nobody');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('GET /:id answers 400 for something that is not an id', async () => {
    const res = await call('GET', '/not%20an%20id');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('needs a signed-in agent', async () => {
    const c = await customerWithConversation('messenger', PSID, 'c_m', 1000);
    expect((await call('GET', `/${c.id}`, undefined, {})).status).toBe(401);
  });

  it('POST /:id/merge merges, audits with the agent as actor, and shows both channels', async () => {
    const target = await customerWithConversation('messenger', PSID, 'c_m', 1000);
    const source = await customerWithConversation('whatsapp', WA, 'c_w', 2000);
    const res = await call('POST', `/${target.id}/merge`, { sourceCustomerId: source.id, reason: 'confirmed on the phone' });
    expect(res.status).toBe(200);
    const view = (await res.json()) as { conversations: { id: string }[] };
    expect(view.conversations.map((c) => c.id)).toEqual(['c_w', 'c_m']);
    expect((await id.audit.list({ target: target.id }))[0]).toMatchObject({ actor: 'ag_1', action: 'identity.merge', details: { sourceId: source.id } });
  });

  it('POST /:id/merge answers 400 without a source', async () => {
    const target = await customerWithConversation('messenger', PSID, 'c_m', 1000);
    const res = await call('POST', `/${target.id}/merge`, { reason: 'x' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.sourceCustomerId' }] } });
  });

  it('POST /:id/merge answers 409 for a merge into itself', async () => {
    const target = await customerWithConversation('messenger', PSID, 'c_m', 1000);
    const res = await call('POST', `/${target.id}/merge`, { sourceCustomerId: target.id });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('POST /:id/merge answers 404 for an unknown source', async () => {
    const target = await customerWithConversation('messenger', PSID, 'c_m', 1000);
    expect((await call('POST', `/${target.id}/merge`, { sourceCustomerId: 'cu_nobody' })).status).toBe(404);
  });

  it('POST /:id/verify-link sends a code to the number the customer gave and answers 202', async () => {
    const c = await customerWithConversation('messenger', PSID, 'c_m', 1000);
    const res = await call('POST', `/${c.id}/verify-link`, { channel: 'whatsapp', address: '+91 98123-45678' });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { verificationId: string; expiresAt: string };
    expect(body.verificationId).toMatch(/^ver_/);
    expect(Date.parse(body.expiresAt)).toBe(id.clock.now + 10 * 60_000);
    // Sent to the normalised address, in the language of the customer's conversation.
    expect(id.sent).toEqual([{ channel: 'whatsapp', address: WA, code: expect.stringMatching(/^\d{6}$/), lang: 'ur' }]);
    expect(await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: id.sent[0]!.code })).toEqual({ outcome: 'linked', customerId: c.id });
  });

  it('POST /:id/verify-link answers 400 for an address that is not a WhatsApp number', async () => {
    const c = await customerWithConversation('messenger', PSID, 'c_m', 1000);
    const res = await call('POST', `/${c.id}/verify-link`, { channel: 'whatsapp', address: '98123' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.address' }] } });
    expect(id.sent).toEqual([]);
  });

  it('PATCH /:id is for admins only', async () => {
    const c = await customerWithConversation('messenger', PSID, 'c_m', 1000);
    expect((await call('PATCH', `/${c.id}`, { vip: true })).status).toBe(403);
    expect((await id.store.get(c.id))?.vip).toBe(false);
  });

  it('PATCH /:id sets VIP and name, audited with the admin as actor', async () => {
    const c = await customerWithConversation('messenger', PSID, 'c_m', 1000);
    const res = await call('PATCH', `/${c.id}`, { vip: true, name: 'Asha Khan' }, { 'x-agent': 'ad_1', 'x-role': 'admin' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ vip: true, name: 'Asha Khan' });
    expect((await id.audit.list({ target: c.id }))[0]).toMatchObject({ actor: 'ad_1', action: 'identity.customer.update' });
  });

  it('PATCH /:id answers 400 for an empty change', async () => {
    const c = await customerWithConversation('messenger', PSID, 'c_m', 1000);
    expect((await call('PATCH', `/${c.id}`, {}, { 'x-agent': 'ad_1', 'x-role': 'admin' })).status).toBe(400);
  });

  it('lists suggestions and dismisses one', async () => {
    const c = await customerWithConversation('messenger', PSID, 'c_m', 1000);
    const other = await customerWithConversation('whatsapp', WA, 'c_w', 2000);
    await suggestLinks(id.store, c.id, 'my number is +919812345678', { channel: 'messenger' });
    const listed = (await (await call('GET', `/${c.id}/suggestions`)).json()) as { suggestions: { id: string; otherCustomerId: string }[] };
    expect(listed.suggestions).toEqual([expect.objectContaining({ otherCustomerId: other.id, evidence: 'customer typed +919812345678 on messenger' })]);
    const sid = listed.suggestions[0]!.id;
    expect((await call('DELETE', `/${c.id}/suggestions/${sid}`)).status).toBe(204);
    expect((await call('DELETE', `/${c.id}/suggestions/${sid}`)).status).toBe(404);
  });
});
