import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { toOpenApiPath, type OpenApiDocument } from '../../../src/inbox/openapi';
import { startTestBaton, type TestBaton } from '../../support/testBaton';

type Json = Record<string, unknown>;

interface Layer {
  rawPath?: string | string[];
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every route the Express app really serves, with its full path: a walk of the router stack. */
function servedRoutes(app: Express): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      const own = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) if (method !== '_all') out.push({ method, path: prefix + layer.route.path });
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix + own);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}

/** Every schema object inside a JSON Schema, with the property name it sits under. */
function* schemasIn(value: unknown, key = ''): Generator<{ key: string; schema: Json }> {
  if (Array.isArray(value)) {
    for (const v of value) yield* schemasIn(v, key);
  } else if (value && typeof value === 'object') {
    const o = value as Json;
    yield { key, schema: o };
    if (o.properties && typeof o.properties === 'object') {
      for (const [k, v] of Object.entries(o.properties as Json)) yield* schemasIn(v, k);
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'properties') yield* schemasIn(v, key);
  }
}

describe('the OpenAPI document of /api/v1', () => {
  let baton: TestBaton;
  let doc: OpenApiDocument;
  const ops = () =>
    Object.entries(doc.paths).flatMap(([p, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ key: `${method} ${p}`, op: op as Json })));

  beforeAll(async () => {
    baton = await startTestBaton();
    const res = await fetch(`${baton.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as OpenApiDocument;
  });
  afterAll(() => baton.close());

  test('is served without a session as OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
  });

  test('lists exactly the routes the app serves under /api/v1: customers and dashboard included', () => {
    const served = servedRoutes(baton.runtime.app)
      .filter((r) => r.path.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${toOpenApiPath(r.path.slice('/api/v1'.length))}`);
    const documented = ops().map((o) => o.key);
    expect(served.length).toBeGreaterThanOrEqual(35);
    expect([...new Set(served)].sort()).toEqual([...documented].sort());
    expect(documented).toEqual(expect.arrayContaining(['get /customers/{id}', 'post /customers/{id}/merge', 'get /dashboard', 'get /dashboard.csv']));
  });

  test('gives every answer with a body a typed schema: no empty objects where integrators need fields', () => {
    const untyped = ops().flatMap(({ key, op }) =>
      Object.entries(op.responses as Record<string, Json>)
        .filter(([status]) => status.startsWith('2') && status !== '204')
        .filter(([, r]) => {
          const schema = Object.values((r.content ?? {}) as Record<string, { schema?: Json }>)[0]?.schema;
          return !schema || (schema.type === 'object' && !schema.properties && !schema.additionalProperties && !schema.$ref);
        })
        .map(([status]) => `${key} ${status}`),
    );
    expect(untyped).toEqual([]);
    for (const name of ['Conversation', 'Message', 'ConversationListItem', 'ConversationDetail', 'HandoffPacket', 'Customer', 'Dashboard']) {
      const schema = doc.components.schemas[name] as Json;
      expect(Object.keys((schema.properties ?? {}) as Json).length).toBeGreaterThan(3);
    }
  });

  test('shows every time as an ISO 8601 string, never as epoch milliseconds', () => {
    const numeric = [...schemasIn({ paths: doc.paths, components: doc.components })]
      .filter(({ key }) => /(At|^at|Since)$/.test(key))
      .filter(({ schema }) => schema.type !== undefined && schema.type !== 'string')
      .map(({ key }) => key);
    expect(numeric).toEqual([]);
    const conversation = doc.components.schemas.Conversation as { properties: Record<string, Json> };
    expect(conversation.properties.createdAt).toMatchObject({ type: 'string', format: 'date-time' });
  });

  test.each([
    ['post /auth/login', ['400', '401', '403', '413', '415', '429']],
    ['post /conversations/{id}/claim', ['401', '403', '404', '409']],
    ['post /conversations/{id}/messages', ['400', '401', '403', '404', '409', '422', '503']],
    ['post /customers/{id}/merge', ['400', '401', '403', '404', '409']],
    ['get /dashboard', ['400', '401', '403']],
    ['delete /teams/{id}', ['401', '403', '404', '409']],
  ])('lists the error statuses %s can answer with', (key, statuses) => {
    const op = ops().find((o) => o.key === key)!.op;
    expect(Object.keys(op.responses as Json)).toEqual(expect.arrayContaining(statuses));
    const error = (op.responses as Record<string, Json>)[statuses[statuses.length - 1]!]!;
    expect(error.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Error' } } });
  });

  test('generates request bodies and parameters from the zod schemas that validate them', () => {
    const reply = doc.paths['/conversations/{id}/messages']?.post as { requestBody: { content: { 'application/json': { schema: Json } } } };
    const schema = reply.requestBody.content['application/json'].schema as { properties: Json; additionalProperties: boolean };
    expect(Object.keys(schema.properties).sort()).toEqual(['mediaUrl', 'template', 'text', 'uploadId']);
    expect(schema.additionalProperties).toBe(false);
    const list = doc.paths['/conversations']?.get as { parameters: { name: string; in: string }[] };
    expect(list.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['query:status', 'query:team', 'query:assignee', 'query:channel', 'query:language', 'query:priority', 'query:waitingOver', 'query:limit']);
    const merge = doc.paths['/customers/{id}/merge']?.post as { requestBody: { content: { 'application/json': { schema: { required: string[] } } } } };
    expect(merge.requestBody.content['application/json'].schema.required).toEqual(['sourceCustomerId']);
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });

  test('passes redocly lint with 0 errors', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baton-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const cli = require.resolve('@redocly/cli/bin/cli.js');
      const run = () =>
        execFileSync(process.execPath, [cli, 'lint', file, '--format=json'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        });
      let out: string;
      try {
        out = run();
      } catch (err) {
        out = (err as { stdout?: string }).stdout ?? '';
      }
      const report = JSON.parse(out) as { totals: { errors: number }; problems: { severity: string; ruleId: string; message: string; location: { pointer: string }[] }[] };
      const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
      expect(errors).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
