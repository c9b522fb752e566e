import type { TestBaton } from '../../support/testBaton';
import { servedRoutes, type ServedRoute } from '../../support/servedRoutes';
import { agentClient, createAgent, customerSays, startBaton, uniqueCustomer, type AgentClient } from '../handoff/handoffHarness';
import { openEventStream } from './apiHarness';

/**
 * Team scoping over every route of the agent API: role × team × action → expected status.
 *
 * Roles, against conversations and customers of the *care* team:
 *   admin     – sees and does everything an admin may;
 *   owner     – a care agent the conversation is assigned to;
 *   teammate  – another care agent;
 *   outsider  – an agent of *sales* only.
 *
 * The routes are those the Express app really serves (its router stack, walked): a route added
 * without a row here fails the first test.
 */

type Role = 'admin' | 'owner' | 'teammate' | 'outsider';
const ROLES: Role[] = ['admin', 'owner', 'teammate', 'outsider'];

interface Request {
  method: string;
  path: string;
  body?: unknown;
  /** A multipart form instead of a JSON body (uploads). */
  form?: () => FormData;
  /** Use this bearer token instead of the role's own. */
  token?: string;
}

interface Row {
  route: ServedRoute;
  /** What the request does, for the test name. */
  does: string;
  request(role: Role): Promise<Request>;
  expect: Record<Role, number>;
  /** The row touches a conversation or a customer of the care team (cross-team refusals are counted). */
  teamOwned?: boolean;
}

let baton: TestBaton;
const client = {} as Record<Role, AgentClient>;
const passwords = {} as Record<Role, { email: string; password: string }>;
let spareAgentId: string;

const rand = () => Math.random().toString(36).slice(2, 10);

/** A conversation the bot escalated to the care queue. */
async function queuedCare(): Promise<string> {
  const turn = await customerSays(baton.url, uniqueCustomer('scope'), 'I want to talk to a human agent please');
  const detail = await client.admin.ok('GET', `/conversations/${turn.conversationId}`);
  if (detail.conversation.status !== 'queued' || detail.conversation.team !== 'care') {
    throw new Error(`fixture: expected a queued care conversation, got ${detail.conversation.status}/${detail.conversation.team}`);
  }
  return turn.conversationId!;
}

/** A care conversation assigned to the owner. */
async function ownersConversation(): Promise<string> {
  const id = await queuedCare();
  await client.owner.ok('POST', `/conversations/${id}/claim`);
  return id;
}

/** A conversation the bot still holds (no team yet: it belongs to the default team, care). */
async function botConversation(): Promise<string> {
  const turn = await customerSays(baton.url, uniqueCustomer('scope-bot'), 'hi');
  if (turn.status !== 'bot') throw new Error(`fixture: expected a bot conversation, got ${turn.status}`);
  return turn.conversationId!;
}

async function customerOf(conversationId: string): Promise<string> {
  return (await client.admin.ok('GET', `/conversations/${conversationId}`)).conversation.customerId as string;
}

async function freshTeam(): Promise<string> {
  const id = `t${rand()}`;
  await client.admin.ok('POST', '/teams', { id, name: 'Temporary' });
  return id;
}

async function freshCanned(): Promise<string> {
  return (await client.admin.ok('POST', '/canned-answers', { team: 'care', shortcut: `/s${rand()}`, title: 'Hello', text: 'Hello!' })).id as string;
}

async function freshFollowUp(): Promise<string> {
  const f = await baton.runtime.inbox.followUps.open({ conversationId: await queuedCare(), team: 'care', score: 1, scale: 'csat5', dueAt: Date.now() + 3600_000 });
  return f.id;
}

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
function pngForm(): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PNG_1X1)]), 'photo.png');
  return form;
}
async function uploadPng(conversationId: string): Promise<string> {
  const res = await fetch(`${baton.url}/api/v1/conversations/${conversationId}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${client.admin.token}` }, body: pngForm() });
  if (res.status !== 201) throw new Error(`fixture: upload answered ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

const all = (status: number): Record<Role, number> => ({ admin: status, owner: status, teammate: status, outsider: status });
const adminOnly = (status: number): Record<Role, number> => ({ admin: status, owner: 403, teammate: 403, outsider: 403 });

const ROWS: Row[] = [
  // ---- auth
  {
    route: 'POST /api/v1/auth/login',
    does: 'signs in with their own credentials',
    request: async (role) => ({ method: 'POST', path: '/auth/login', body: passwords[role], token: '' }),
    expect: all(200),
  },
  {
    route: 'POST /api/v1/auth/logout',
    does: 'ends a session of their own',
    request: async (role) => ({ method: 'POST', path: '/auth/logout', token: (await agentClient(baton.url, passwords[role].email, passwords[role].password)).token }),
    expect: all(204),
  },
  { route: 'GET /api/v1/auth/me', does: 'reads their session', request: async () => ({ method: 'GET', path: '/auth/me' }), expect: all(200) },

  // ---- conversations of the care team
  { route: 'GET /api/v1/conversations', does: 'lists conversations (filtered to what they may see)', request: async () => ({ method: 'GET', path: '/conversations' }), expect: all(200) },
  {
    route: 'GET /api/v1/conversations/:id',
    does: "reads a care conversation's transcript",
    request: async () => ({ method: 'GET', path: `/conversations/${await queuedCare()}` }),
    expect: { admin: 200, owner: 200, teammate: 200, outsider: 403 },
    teamOwned: true,
  },
  {
    route: 'POST /api/v1/conversations/:id/claim',
    does: 'claims a queued care conversation',
    request: async () => ({ method: 'POST', path: `/conversations/${await queuedCare()}/claim` }),
    expect: { admin: 200, owner: 200, teammate: 200, outsider: 403 },
    teamOwned: true,
  },
  {
    route: 'POST /api/v1/conversations/:id/messages',
    does: "replies in the owner's care conversation",
    request: async () => ({ method: 'POST', path: `/conversations/${await ownersConversation()}/messages`, body: { text: 'Hello from the desk' } }),
    expect: { admin: 409, owner: 201, teammate: 409, outsider: 403 },
    teamOwned: true,
  },
  {
    route: 'POST /api/v1/conversations/:id/notes',
    does: 'adds a private note to a care conversation',
    request: async () => ({ method: 'POST', path: `/conversations/${await ownersConversation()}/notes`, body: { text: 'called back' } }),
    expect: { admin: 201, owner: 201, teammate: 201, outsider: 403 },
    teamOwned: true,
  },
  {
    route: 'POST /api/v1/conversations/:id/transfer',
    does: "transfers the owner's care conversation to sales",
    request: async () => ({ method: 'POST', path: `/conversations/${await ownersConversation()}/transfer`, body: { team: 'sales' } }),
    // Out of one's own team: yes. Another team's conversation into one's own: never.
    expect: { admin: 200, owner: 200, teammate: 409, outsider: 403 },
    teamOwned: true,
  },
  {
    route: 'POST /api/v1/conversations/:id/handback',
    does: "hands the owner's care conversation back to the bot",
    request: async () => ({ method: 'POST', path: `/conversations/${await ownersConversation()}/handback` }),
    expect: { admin: 200, owner: 200, teammate: 409, outsider: 403 },
    teamOwned: true,
  },
  {
    route: 'POST /api/v1/conversations/:id/resolve',
    does: 'resolves a conversation the bot holds (care by default)',
    request: async () => ({ method: 'POST', path: `/conversations/${await botConversation()}/resolve` }),
    expect: { admin: 200, owner: 200, teammate: 200, outsider: 403 },
    teamOwned: true,
  },

  // ---- customers of care conversations
  {
    route: 'GET /api/v1/customers/:id',
    does: 'reads a care customer',
    request: async () => ({ method: 'GET', path: `/customers/${await customerOf(await ownersConversation())}` }),
    expect: { admin: 200, owner: 200, teammate: 200, outsider: 403 },
    teamOwned: true,
  },
  {
    route: 'POST /api/v1/customers/:id/merge',
    does: "merges another care customer into the owner's customer",
    request: async () => {
      const target = await customerOf(await ownersConversation());
      const source = await customerOf(await queuedCare());
      return { method: 'POST', path: `/customers/${target}/merge`, body: { sourceCustomerId: source } };
    },
    expect: { admin: 200, owner: 200, teammate: 403, outsider: 403 },
    teamOwned: true,
  },
  {
    route: 'POST /api/v1/customers/:id/verify-link',
    does: "sends a verification code for the owner's customer",
    request: async () => ({
      method: 'POST',
      path: `/customers/${await customerOf(await ownersConversation())}/verify-link`,
      body: { channel: 'sandbox', address: uniqueCustomer('other') },
    }),
    expect: { admin: 202, owner: 202, teammate: 403, outsider: 403 },
    teamOwned: true,
  },
  {
    route: 'PATCH /api/v1/customers/:id',
    does: 'marks a care customer VIP',
    request: async () => ({ method: 'PATCH', path: `/customers/${await customerOf(await ownersConversation())}`, body: { vip: true } }),
    expect: adminOnly(200),
    teamOwned: true,
  },
  {
    route: 'GET /api/v1/customers/:id/suggestions',
    does: "reads a care customer's link suggestions",
    request: async () => ({ method: 'GET', path: `/customers/${await customerOf(await ownersConversation())}/suggestions` }),
    expect: { admin: 200, owner: 200, teammate: 200, outsider: 403 },
    teamOwned: true,
  },
  {
    route: 'DELETE /api/v1/customers/:id/suggestions/:sid',
    does: "dismisses a care customer's suggestion (an unknown one: 404 once past the scope)",
    request: async () => ({ method: 'DELETE', path: `/customers/${await customerOf(await ownersConversation())}/suggestions/sg_0123456789abcdef` }),
    expect: { admin: 404, owner: 404, teammate: 404, outsider: 403 },
    teamOwned: true,
  },

  // ---- agents
  { route: 'GET /api/v1/agents/me', does: 'reads themself', request: async () => ({ method: 'GET', path: '/agents/me' }), expect: all(200) },
  { route: 'PUT /api/v1/agents/me/presence', does: 'sets their presence', request: async () => ({ method: 'PUT', path: '/agents/me/presence', body: { status: 'away' } }), expect: all(200) },
  { route: 'POST /api/v1/agents/me/activity', does: 'records their own activity', request: async () => ({ method: 'POST', path: '/agents/me/activity' }), expect: all(200) },
  { route: 'GET /api/v1/search', does: 'searches (answered: only what they may see)', request: async () => ({ method: 'GET', path: '/search?q=SG-482913' }), expect: all(200) },
  { route: 'GET /api/v1/agents', does: 'lists agents', request: async () => ({ method: 'GET', path: '/agents' }), expect: adminOnly(200) },
  {
    route: 'POST /api/v1/agents',
    does: 'creates an agent',
    request: async () => ({ method: 'POST', path: '/agents', body: { email: `new-${rand()}@scope.test`, name: 'New', password: 'tangerine-kettle-orbit', teams: ['care'] } }),
    expect: adminOnly(201),
  },
  { route: 'PATCH /api/v1/agents/:id', does: 'renames an agent', request: async () => ({ method: 'PATCH', path: `/agents/${spareAgentId}`, body: { name: 'Renamed' } }), expect: adminOnly(200) },

  // ---- teams
  { route: 'GET /api/v1/teams', does: 'lists teams', request: async () => ({ method: 'GET', path: '/teams' }), expect: all(200) },
  { route: 'POST /api/v1/teams', does: 'creates a team', request: async () => ({ method: 'POST', path: '/teams', body: { id: `t${rand()}`, name: 'New' } }), expect: adminOnly(201) },
  { route: 'PUT /api/v1/teams/:id', does: 'changes a team', request: async () => ({ method: 'PUT', path: `/teams/${await freshTeam()}`, body: { name: 'Renamed' } }), expect: adminOnly(200) },
  { route: 'DELETE /api/v1/teams/:id', does: 'deletes an empty team', request: async () => ({ method: 'DELETE', path: `/teams/${await freshTeam()}` }), expect: adminOnly(204) },

  // ---- canned answers (care's; the outsider sees only sales')
  { route: 'GET /api/v1/canned-answers', does: 'lists canned answers (filtered to their teams)', request: async () => ({ method: 'GET', path: '/canned-answers' }), expect: all(200) },
  {
    route: 'POST /api/v1/canned-answers',
    does: 'creates a canned answer',
    request: async () => ({ method: 'POST', path: '/canned-answers', body: { team: 'care', shortcut: `/n${rand()}`, title: 'New', text: 'New answer' } }),
    expect: adminOnly(201),
  },
  {
    route: 'PUT /api/v1/canned-answers/:id',
    does: 'changes a canned answer',
    request: async () => ({ method: 'PUT', path: `/canned-answers/${await freshCanned()}`, body: { team: 'care', shortcut: `/c${rand()}`, title: 'Changed', text: 'Changed' } }),
    expect: adminOnly(200),
  },
  { route: 'DELETE /api/v1/canned-answers/:id', does: 'deletes a canned answer', request: async () => ({ method: 'DELETE', path: `/canned-answers/${await freshCanned()}` }), expect: adminOnly(204) },

  // ---- follow-ups of the care team
  { route: 'GET /api/v1/follow-ups', does: 'lists follow-ups (filtered to their teams)', request: async () => ({ method: 'GET', path: '/follow-ups' }), expect: all(200) },
  {
    route: 'POST /api/v1/follow-ups/:id/done',
    does: "marks a care follow-up done",
    request: async () => ({ method: 'POST', path: `/follow-ups/${await freshFollowUp()}/done` }),
    expect: { admin: 200, owner: 200, teammate: 200, outsider: 403 },
    teamOwned: true,
  },

  // ---- uploads, retries and templates (issue 11)
  {
    route: 'POST /api/v1/conversations/:id/uploads',
    does: 'uploads an image into a care conversation',
    request: async () => ({ method: 'POST', path: `/conversations/${await ownersConversation()}/uploads`, form: pngForm }),
    expect: { admin: 201, owner: 201, teammate: 201, outsider: 403 },
    teamOwned: true,
  },
  {
    route: 'GET /api/v1/conversations/:id/uploads/:uploadId',
    does: "reads an upload of a care conversation",
    request: async () => {
      const id = await ownersConversation();
      const up = await uploadPng(id);
      return { method: 'GET', path: `/conversations/${id}/uploads/${up}` };
    },
    expect: { admin: 200, owner: 200, teammate: 200, outsider: 403 },
    teamOwned: true,
  },
  {
    route: 'POST /api/v1/conversations/:id/messages/:messageId/retry',
    does: 'retries a message of a care conversation that is not a dead letter',
    request: async () => ({ method: 'POST', path: `/conversations/${await queuedCare()}/messages/m_unknown0000_0000000000/retry` }),
    expect: { admin: 404, owner: 404, teammate: 404, outsider: 403 },
    teamOwned: true,
  },
  { route: 'GET /api/v1/templates', does: 'lists the approved templates', request: async () => ({ method: 'GET', path: '/templates' }), expect: all(200) },

  // ---- admin views
  { route: 'GET /api/v1/audit', does: 'reads the audit trail', request: async () => ({ method: 'GET', path: '/audit' }), expect: adminOnly(200) },
  { route: 'GET /api/v1/dashboard', does: 'reads the dashboard', request: async () => ({ method: 'GET', path: '/dashboard' }), expect: adminOnly(200) },
  { route: 'GET /api/v1/dashboard.csv', does: 'downloads the dashboard', request: async () => ({ method: 'GET', path: '/dashboard.csv' }), expect: adminOnly(200) },
  { route: 'GET /api/v1/dead-letters', does: 'lists sends that failed for good', request: async () => ({ method: 'GET', path: '/dead-letters' }), expect: adminOnly(200) },
  {
    route: 'POST /api/v1/dead-letters/:messageId/retry',
    does: 'sends a dead letter again',
    request: async () => ({ method: 'POST', path: '/dead-letters/m_unknown0000_0000000000/retry' }),
    expect: adminOnly(404),
  },
  {
    route: 'DELETE /api/v1/dead-letters/:messageId',
    does: 'discards a dead letter',
    request: async () => ({ method: 'DELETE', path: '/dead-letters/m_unknown0000_0000000000' }),
    expect: adminOnly(404),
  },

  // ---- the training inbox (reviewers are admins)
  { route: 'GET /api/v1/training/items', does: 'reads the training review list', request: async () => ({ method: 'GET', path: '/training/items' }), expect: adminOnly(200) },
  {
    route: 'POST /api/v1/training/items/:id/accept',
    does: 'accepts a training suggestion',
    request: async () => ({ method: 'POST', path: '/training/items/m_unknown0000_0000000000/accept', body: {} }),
    expect: adminOnly(404),
  },
  {
    route: 'POST /api/v1/training/items/:id/dismiss',
    does: 'dismisses a training item',
    request: async () => ({ method: 'POST', path: '/training/items/m_unknown0000_0000000000/dismiss' }),
    expect: adminOnly(404),
  },
  {
    route: 'POST /api/v1/training/intents',
    does: 'proposes a new intent from review items',
    request: async () => ({ method: 'POST', path: '/training/intents', body: { id: 'scope_probe', answer: 'Yes.', itemIds: ['m_unknown0000_0000000000'] } }),
    expect: adminOnly(404),
  },
  { route: 'GET /api/v1/training/examples', does: 'reads the examples reviewers added', request: async () => ({ method: 'GET', path: '/training/examples' }), expect: adminOnly(200) },
  { route: 'GET /api/v1/training/export', does: 'exports the catalog overlay as YAML', request: async () => ({ method: 'GET', path: '/training/export' }), expect: adminOnly(200) },

  // ---- live events and the API document
  { route: 'GET /api/v1/events', does: 'opens the live event stream (filtered to their teams)', request: async () => ({ method: 'GET', path: '/events' }), expect: all(200) },
  { route: 'GET /api/v1/openapi.json', does: 'reads the API document', request: async () => ({ method: 'GET', path: '/openapi.json' }), expect: all(200) },
];

async function send(role: Role, r: Request): Promise<number> {
  const token = r.token ?? client[role].token;
  const abort = new AbortController();
  const res = await fetch(`${baton.url}/api/v1${r.path}`, {
    method: r.method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(r.body !== undefined ? { body: JSON.stringify(r.body) } : {}),
    ...(r.form ? { body: r.form() } : {}),
    signal: abort.signal,
  });
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) abort.abort();
  else await res.arrayBuffer();
  return res.status;
}

beforeAll(async () => {
  let admin: AgentClient;
  ({ baton, admin } = await startBaton());
  client.admin = admin;
  passwords.admin = { email: 'lead@handoff.test', password: 'lead-password-1' };
  const make = async (role: Role, name: string, teams: string[]) => {
    const email = `${role}@scope.test`;
    client[role] = await createAgent(baton.url, admin, { email, name, teams });
    passwords[role] = { email, password: `${name.toLowerCase().replace(/\W/g, '')}-password-1` };
  };
  await make('owner', 'Owner', ['care']);
  await make('teammate', 'Teammate', ['care']);
  await make('outsider', 'Outsider', ['sales']);
  spareAgentId = (await admin.ok('POST', '/agents', { email: 'spare@scope.test', name: 'Spare', password: 'tangerine-kettle-orbit', teams: ['sales'] })).id;
}, 60_000);
afterAll(() => baton.close());

test('every route the app serves under /api has a row in the table, and every row a served route', () => {
  const served = servedRoutes(baton.runtime.app).filter((r) => r.split(' ')[1]!.startsWith('/api/'));
  expect(served.length).toBeGreaterThan(30);
  expect(ROWS.map((r) => r.route).sort()).toEqual(served);
});

const cases = ROWS.flatMap((row) => ROLES.map((role) => ({ row, role, status: row.expect[role] })));

test.each(cases.map((c) => [`${c.row.route}: the ${c.role} ${c.row.does} → ${c.status}`, c] as const))('%s', async (_name, c) => {
  expect(await send(c.role, await c.row.request(c.role))).toBe(c.status);
}, 20_000);

test('the table tries every action on care conversations and customers across teams, and all are refused', () => {
  const crossTeam = cases.filter((c) => c.role === 'outsider' && c.row.teamOwned);
  expect(crossTeam.length).toBeGreaterThanOrEqual(14);
  expect(crossTeam.filter((c) => c.status !== 403)).toEqual([]);
  process.stdout.write(`team scope: ${ROWS.length} routes × ${ROLES.length} roles; ${crossTeam.length} cross-team actions, all refused\n`);
});

test("an outsider's list holds none of care's conversations; a teammate's holds them", async () => {
  const id = await queuedCare();
  const ids = async (role: Role) => ((await client[role].ok('GET', '/conversations?limit=500')).items as { id: string }[]).map((i) => i.id);
  expect(await ids('teammate')).toContain(id);
  expect(await ids('outsider')).not.toContain(id);
  expect((await client.outsider.call('GET', '/conversations?team=care')).status).toBe(403);
});

test("an outsider's search finds none of care's conversations; a teammate's finds them", async () => {
  const order = `SG-${String(Math.floor(100000 + Math.random() * 899999))}`;
  const turn = await customerSays(baton.url, uniqueCustomer('scope-search'), `I want to talk to a human agent please, order ${order} never came`);
  const found = async (role: Role) => ((await client[role].ok('GET', `/search?q=${order}`)).items as { id: string }[]).map((i) => i.id);
  expect(await found('teammate')).toEqual([turn.conversationId]);
  expect(await found('outsider')).toEqual([]);
});

test("an outsider's live stream carries no event of a care conversation; a teammate's does", async () => {
  const id = await ownersConversation();
  const open = (role: Role) => openEventStream(`${baton.url}/api/v1/events`, { authorization: `Bearer ${client[role].token}` });
  const teammate = await open('teammate');
  const outsider = await open('outsider');
  try {
    await teammate.waitFor((e) => e.comment === 'connected');
    await outsider.waitFor((e) => e.comment === 'connected');
    await client.owner.ok('POST', `/conversations/${id}/notes`, { text: 'private to care' });
    await teammate.waitFor((e) => e.event === 'message.created' && (e.data ?? '').includes(id));
    await client.owner.ok('POST', `/conversations/${id}/messages`, { text: 'a reply' });
    await teammate.waitFor((e) => e.event === 'message.created' && (e.data ?? '').includes('"author":"agent"'));
    expect(outsider.events.filter((e) => (e.data ?? '').includes(id))).toEqual([]);
  } finally {
    teammate.close();
    outsider.close();
  }
});

test("a customer's conversations of another team are not listed to an agent, in the customer view or the conversation's", async () => {
  const careConversation = await ownersConversation();
  const salesConversation = await queuedCare();
  await client.admin.ok('POST', `/conversations/${salesConversation}/transfer`, { team: 'sales' });
  const customer = await customerOf(careConversation);
  await client.admin.ok('POST', `/customers/${customer}/merge`, { sourceCustomerId: await customerOf(salesConversation) });
  const listed = async (role: Role, path: string, pick: (b: any) => { id: string }[]) => pick(await client[role].ok('GET', path)).map((c) => c.id).sort(); // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(await listed('admin', `/customers/${customer}`, (b) => b.conversations)).toEqual([careConversation, salesConversation].sort());
  expect(await listed('teammate', `/customers/${customer}`, (b) => b.conversations)).toEqual([careConversation]);
  expect(await listed('teammate', `/conversations/${careConversation}`, (b) => b.customer.conversations)).toEqual([careConversation]);
  expect(await listed('outsider', `/conversations/${salesConversation}`, (b) => b.customer.conversations)).toEqual([salesConversation]);
});
