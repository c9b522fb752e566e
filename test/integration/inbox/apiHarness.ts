import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createErrorMiddleware, notFound } from '../../../src/http/errorMiddleware';
import type { Agent } from '../../../src/handoff/types';
import { TeamScope } from '../../../src/inbox/access/teamScope';
import type { Conversation, Message } from '../../../src/conversations/types';
import type { ConversationActions, ConversationListItem } from '../../../src/inbox/contracts';
import type { RedisLike } from '../../../src/inbox/redisLike';
import { createInboxRouter } from '../../../src/inbox/router';
import type { LoginLimits } from '../../../src/inbox/auth/loginLimiter';
import { createInboxServices, type InboxServices } from '../../../src/inbox/services';
import { createLogger } from '../../../src/logger';

export const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'error');

export type FakeActions = jest.Mocked<ConversationActions>;

/** The seam under test: the handoff core, replaced by jest.fn()s answering fixed values. */
/** Realistic answers (the routes send them through their response schemas, as in production). */
export function fakeActions(): FakeActions {
  const at = Date.parse('2025-03-01T09:30:00.000Z');
  const conversation: Conversation = {
    id: 'c_1',
    ownerToken: 3,
    team: 'care',
    assigneeId: 'ag_1',
    channel: 'whatsapp',
    customerAddress: 'whatsapp:+919812345678',
    status: 'assigned',
    createdAt: at,
    updatedAt: at + 60_000,
    messageCount: 4,
  };
  const message = (over: Partial<Message>): Message => ({
    id: 'm_1',
    conversationId: 'c_1',
    direction: 'outbound',
    author: 'agent',
    media: [],
    status: 'pending',
    createdAt: at,
    updatedAt: at,
    ...over,
  });
  const window = { allowed: true, closesAt: at + 24 * 3600_000 };
  const item: ConversationListItem = {
    id: 'c_1',
    channel: 'whatsapp',
    customer: { address: 'whatsapp:+919812345678' },
    status: 'queued',
    team: 'care',
    waitingSince: new Date(at).toISOString(),
    window,
  };
  return {
    list: jest.fn(async () => [item]),
    detail: jest.fn(async () => ({ conversation: { ...conversation, window }, packet: null, messages: [], customer: null })),
    claim: jest.fn(async () => conversation),
    reply: jest.fn(async () => message({ id: 'm_1', text: 'hi' })),
    note: jest.fn(async () => message({ id: 'm_2', direction: 'internal', text: 'called back' })),
    transfer: jest.fn(async () => conversation),
    handback: jest.fn(async () => ({ ...conversation, status: 'bot' })),
    resolve: jest.fn(async () => ({ ...conversation, status: 'resolved' })),
  } as unknown as FakeActions;
}

export interface ApiInstance {
  base: string;
  services: InboxServices;
  actions: FakeActions;
  close(): Promise<void>;
}

/** One Baton instance's agent API on a free port: router + error middleware, nothing else. */
export async function startApi(
  connection: RedisLike,
  opts: { now?: () => number; heartbeatMs?: number; actions?: FakeActions; limits?: LoginLimits; trustProxy?: boolean; secureCookies?: boolean } = {},
): Promise<ApiInstance> {
  const services = createInboxServices(connection, logger, {
    sessionTtlHours: 12,
    scryptCost: { N: 1024, r: 8, p: 1 },
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.secureCookies ? { secureCookies: true } : {}),
  });
  const actions = opts.actions ?? fakeActions();
  // The handoff core is faked: every conversation id names a queued conversation of the care team.
  const scope = new TeamScope({
    conversation: async (id) => ({ id, team: 'care', status: 'queued' }) as Conversation,
    customerConversations: async () => null,
  });
  const app = express();
  app.set('trust proxy', opts.trustProxy ?? false);
  app.use('/api/v1', createInboxRouter(services, actions, logger, { heartbeatMs: opts.heartbeatMs ?? 15_000, scope }));
  app.use(notFound);
  app.use(createErrorMiddleware(logger));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/api/v1`,
    services,
    actions,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await services.close();
    },
  };
}

export interface Call {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

export async function call(base: string, method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Call> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    ...(opts.body !== undefined ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export async function seedAgents(services: InboxServices): Promise<{ admin: Agent; agent: Agent }> {
  await services.teams.ensureDefaults();
  const admin = await services.agents.create({ email: 'admin@example.com', name: 'Admin', password: 'admin-password', role: 'admin', teams: ['care', 'sales'], capacity: 5 });
  const agent = await services.agents.create({ email: 'asha@example.com', name: 'Asha', password: 'asha-password', role: 'agent', teams: ['care'], capacity: 3 });
  return { admin, agent };
}

export async function login(base: string, email: string, password: string): Promise<string> {
  const r = await call(base, 'POST', '/auth/login', { body: { email, password } });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}

export interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** A minimal EventSource over fetch: collects parsed events, lets a test wait for one. */
export async function openEventStream(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: SseEvent[] = [];
  const waiters: { pred: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  let buffer = '';
  let markEnded: () => void = () => undefined;
  /** Resolves when the server ends the stream. */
  const ended = new Promise<void>((resolve) => {
    markEnded = resolve;
  });
  const pump = async () => {
    if (!res.body) return markEnded();
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return markEnded();
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const e: SseEvent = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) e.comment = line.slice(1).trim();
            else if (line.startsWith('id: ')) e.id = line.slice(4);
            else if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) e.data = line.slice(6);
          }
          events.push(e);
          for (const w of [...waiters]) {
            if (w.pred(e)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(e);
            }
          }
        }
      }
    } catch {
      // aborted
    }
  };
  void pump();
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    events,
    ended,
    waitFor(pred: (e: SseEvent) => boolean, timeoutMs = 3000): Promise<SseEvent> {
      const found = events.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`)), timeoutMs);
        waiters.push({
          pred,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
    close: () => abort.abort(),
  };
}

export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
