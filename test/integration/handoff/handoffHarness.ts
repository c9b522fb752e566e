import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Conversation, Message } from '../../../src/conversations/types';
import type { HandoffPacket } from '../../../src/handoff/types';
import type { CustomerView } from '../../../src/inbox/contracts';
import { loadCatalog } from '../../../src/nlu/catalog';
import type { Catalog } from '../../../src/nlu/types';
import { startTestBaton, type TestBaton } from '../../support/testBaton';

/**
 * Shared by the handoff acceptance tests: Baton in-process with a bootstrap admin, the sandbox
 * customer, the agent API with a bearer token, and a local fulfillment endpoint.
 */

export const ADMIN = { email: 'lead@handoff.test', password: 'lead-password-1' };
export const ADMIN_ENV = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SANDBOX_ENABLED: 'true', CONSOLE_ENABLED: 'false' };
export const INTENTS_DIR = path.join(__dirname, '../../../intents');

export interface ApiAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function call(baseUrl: string, method: string, p: string, opts: { token?: string; body?: unknown; raw?: string } = {}): Promise<ApiAnswer> {
  const hasBody = opts.body !== undefined || opts.raw !== undefined;
  const res = await fetch(`${baseUrl}/api/v1${p}`, {
    method,
    headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    ...(hasBody ? { body: opts.raw ?? JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const r = await call(baseUrl, 'POST', '/auth/login', { body: { email, password } });
  if (r.status !== 200) throw new Error(`login as ${email}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}

/** An agent of the API: every call carries its bearer token; non-2xx answers throw. */
export interface AgentClient {
  token: string;
  id: string;
  call(method: string, p: string, body?: unknown): Promise<ApiAnswer>;
  ok<T = any>(method: string, p: string, body?: unknown): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function agentClient(baseUrl: string, email: string, password: string): Promise<AgentClient> {
  const token = await login(baseUrl, email, password);
  const me = await call(baseUrl, 'GET', '/agents/me', { token });
  const client: AgentClient = {
    token,
    id: me.body.id as string,
    call: (method, p, body) => call(baseUrl, method, p, { token, ...(body === undefined ? {} : { body }) }),
    async ok(method, p, body) {
      const r = await client.call(method, p, body);
      if (r.status >= 300) throw new Error(`${method} ${p} answered ${r.status}: ${JSON.stringify(r.body)}`);
      return r.body;
    },
  };
  return client;
}

/** Creates an agent through the admin's API and signs them in. */
export async function createAgent(
  baseUrl: string,
  admin: AgentClient,
  spec: { email: string; name: string; teams?: string[]; capacity?: number; role?: 'agent' | 'admin' },
): Promise<AgentClient> {
  const password = `${spec.name.toLowerCase().replace(/\W/g, '')}-password-1`;
  await admin.ok('POST', '/agents', { email: spec.email, name: spec.name, password, role: spec.role ?? 'agent', teams: spec.teams ?? ['care'], capacity: spec.capacity ?? 5 });
  return agentClient(baseUrl, spec.email, password);
}

export interface SandboxAnswer {
  conversationId: string | null;
  status: string;
  language: string | null;
  replies: { author: string; direction: string; text?: string }[];
}

/** The customer writes on the sandbox channel; answers once the lane is idle. */
export async function customerSays(baseUrl: string, from: string, text: string): Promise<SandboxAnswer> {
  const res = await fetch(`${baseUrl}/sandbox/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, text, wait: 8000 }),
  });
  if (res.status >= 300) throw new Error(`sandbox answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as SandboxAnswer;
}

export interface Detail {
  conversation: Conversation;
  packet: HandoffPacket | null;
  messages: Message[];
  customer: CustomerView | null;
}

export async function detail(agent: AgentClient, id: string): Promise<Detail> {
  return agent.ok<Detail>('GET', `/conversations/${id}`);
}

/** Messages that left (or would leave) for the customer, by author. */
export const sent = (messages: Message[], author?: Message['author']) =>
  messages.filter((m) => m.direction === 'outbound' && (author === undefined || m.author === author));

let catalogs: Map<string, Promise<Catalog>> | undefined;
/** The default catalog with ORDER_FULFILLMENT_URL interpolated at load time. */
export function catalogWithFulfillment(url: string): Promise<Catalog> {
  catalogs ??= new Map();
  let c = catalogs.get(url);
  if (!c) {
    c = loadCatalog(INTENTS_DIR, { ORDER_FULFILLMENT_URL: url });
    catalogs.set(url, c);
  }
  return c;
}

export interface FulfillmentServer {
  url: string;
  /** Bodies received, in order. */
  requests: unknown[];
  /** How the next requests are answered (set by the test). */
  respond: (req: IncomingMessage, body: unknown, res: ServerResponse) => void;
  close(): Promise<void>;
}

/** A local fulfillment endpoint whose answer each test decides. */
export async function startFulfillment(): Promise<FulfillmentServer> {
  const state: FulfillmentServer = {
    url: '',
    requests: [],
    respond: (_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ text: 'Your order SG-482913 was shipped yesterday and arrives on Friday.' }));
    },
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      state.requests.push(body);
      state.respond(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orders`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return state;
}

/** A JSON answer after `delayMs` (unless the socket closed meanwhile). */
export function answerAfter(res: ServerResponse, delayMs: number, status: number, body: unknown): void {
  const t = setTimeout(() => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }, delayMs);
  res.on('close', () => clearTimeout(t));
}

export async function startBaton(opts: Parameters<typeof startTestBaton>[0] = {}): Promise<{ baton: TestBaton; admin: AgentClient }> {
  const baton = await startTestBaton({ ...opts, env: { ...ADMIN_ENV, ...opts.env } });
  const admin = await agentClient(baton.url, ADMIN.email, ADMIN.password);
  return { baton, admin };
}

export const uniqueCustomer = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;

export async function waitUntil<T>(check: () => Promise<T | undefined>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
