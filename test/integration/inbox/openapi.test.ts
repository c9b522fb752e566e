import type { Router } from 'express';
import { createInboxRouter } from '../../../src/inbox/router';
import { createInboxServices } from '../../../src/inbox/services';
import { toOpenApiPath, type OpenApiDocument } from '../../../src/inbox/openapi';
import { memoryHarness, type RedisHarness } from '../../unit/inbox/stores/harness';
import { call, fakeActions, logger, startApi, type ApiInstance } from './apiHarness';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

function registeredRoutes(router: Router): { method: string; path: string }[] {
  return (router.stack as unknown as Layer[])
    .filter((l) => l.route)
    .flatMap((l) => Object.keys(l.route!.methods).map((method) => ({ method, path: l.route!.path })));
}

describe('OpenAPI document', () => {
  let h: RedisHarness;
  let api: ApiInstance;
  let doc: OpenApiDocument;

  beforeEach(async () => {
    h = await memoryHarness();
    api = await startApi(h);
    const r = await call(api.base, 'GET', '/openapi.json');
    expect(r.status).toBe(200);
    doc = r.body as OpenApiDocument;
  });
  afterEach(async () => {
    await api.close();
    await h.close();
  });

  test('is served without a session as OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
  });

  test('describes every route registered on the router', async () => {
    const router = createInboxRouter(createInboxServices(h, logger), fakeActions(), logger);
    const routes = registeredRoutes(router).filter((r) => r.path !== '/openapi.json');
    expect(routes.length).toBeGreaterThanOrEqual(25);
    const missing = routes.filter((r) => !doc.paths[toOpenApiPath(r.path)]?.[r.method]).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  test('documents nothing that is not routed', () => {
    const router = createInboxRouter(createInboxServices(h, logger), fakeActions(), logger);
    const routed = new Set(registeredRoutes(router).map((r) => `${r.method} ${toOpenApiPath(r.path)}`));
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.filter((d) => !routed.has(d))).toEqual([]);
  });

  test('generates request bodies from the zod schemas that validate them', () => {
    const reply = doc.paths['/conversations/{id}/messages']?.post as { requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown>; additionalProperties: boolean } } } } };
    const schema = reply.requestBody.content['application/json'].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(['mediaUrl', 'template', 'text']);
    expect(schema.additionalProperties).toBe(false);
    const login = doc.paths['/auth/login']?.post as { security: unknown[]; requestBody: { content: { 'application/json': { schema: { required: string[] } } } } };
    expect(login.security).toEqual([]);
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
  });

  test('documents path and query parameters, auth errors and shared schemas', () => {
    const list = doc.paths['/conversations']?.get as { parameters: { name: string; in: string }[]; responses: Record<string, unknown> };
    expect(list.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['query:status', 'query:team', 'query:assignee', 'query:limit']);
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    const patch = doc.paths['/agents/{id}']?.patch as { parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown> };
    expect(patch.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(patch.responses['404']).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Agent', 'Team', 'Error', 'CannedAnswer', 'FollowUp', 'AuditEntry']));
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });
});
