import type { TestBaton } from '../../support/testBaton';
import { createAgent, customerSays, startBaton, uniqueCustomer, type AgentClient } from '../handoff/handoffHarness';
import { openEventStream, type SseEvent } from './apiHarness';

/**
 * Live events carry the conversation's list row, so consoles update their lists in place instead
 * of fetching them per message; a team that no longer holds a conversation gets a notice without it.
 */

let baton: TestBaton;
let admin: AgentClient;
let care: AgentClient;
let sales: AgentClient;

beforeAll(async () => {
  ({ baton, admin } = await startBaton());
  care = await createAgent(baton.url, admin, { email: 'care@rows.test', name: 'Care', teams: ['care'] });
  sales = await createAgent(baton.url, admin, { email: 'sales@rows.test', name: 'Sales', teams: ['sales'] });
}, 60_000);
afterAll(() => baton.close());

const stream = (agent: AgentClient) => openEventStream(`${baton.url}/api/v1/events`, { authorization: `Bearer ${agent.token}` });
const dataOf = (e: SseEvent) => JSON.parse(e.data ?? '{}') as { event: { type: string; conversationId?: string; team?: string; row?: Record<string, unknown> } };

async function queuedCare(): Promise<{ id: string; from: string }> {
  const from = uniqueCustomer('rows');
  const turn = await customerSays(baton.url, from, 'I want to talk to a human agent please');
  return { id: turn.conversationId!, from };
}

test("a customer's new message reaches the team's consoles with the conversation's row as the list gives it", async () => {
  const { id, from } = await queuedCare();
  const events = await stream(care);
  try {
    await events.waitFor((e) => e.comment === 'connected');
    await customerSays(baton.url, from, 'my parcel SG-7731 is late');
    const event = await events.waitFor((e) => e.event === 'message.created' && (e.data ?? '').includes('SG-7731'));
    const listed = ((await care.ok('GET', '/conversations?status=queued&team=care&limit=500')).items as { id: string }[]).find((i) => i.id === id);
    const { rev, ...row } = dataOf(event).event.row ?? {};
    expect(row).toEqual(listed);
    expect(rev).toEqual([expect.any(Number), expect.any(Number)]);
  } finally {
    events.close();
  }
});

test("an escalation's row carries a later revision than the row of the message that escalated it", async () => {
  const events = await stream(care);
  try {
    await events.waitFor((e) => e.comment === 'connected');
    const from = uniqueCustomer('rev');
    const turn = await customerSays(baton.url, from, 'I want to talk to a human agent please');
    const id = turn.conversationId!;
    const escalated = await events.waitFor((e) => e.event === 'conversation.escalated' && (e.data ?? '').includes(id));
    const message = events.events.find((e) => e.event === 'message.created' && (e.data ?? '').includes(id) && (e.data ?? '').includes('"author":"customer"'));
    const [messageOwner, messageAt] = dataOf(message!).event.row!.rev as [number, number];
    const [escalatedOwner] = dataOf(escalated).event.row!.rev as [number, number];
    expect(dataOf(message!).event.row!.status).toBe('bot');
    expect(escalatedOwner).toBeGreaterThan(messageOwner);
    expect(messageAt).toBeGreaterThan(0);
  } finally {
    events.close();
  }
});

test('a transfer to another team leaves the old team a notice without the row, and the new team the row', async () => {
  const { id } = await queuedCare();
  const careEvents = await stream(care);
  const salesEvents = await stream(sales);
  try {
    await careEvents.waitFor((e) => e.comment === 'connected');
    await salesEvents.waitFor((e) => e.comment === 'connected');
    await admin.ok('POST', `/conversations/${id}/transfer`, { team: 'sales' });
    const notice = await careEvents.waitFor((e) => e.event === 'conversation.status' && (e.data ?? '').includes(id));
    expect(dataOf(notice).event).not.toHaveProperty('row');
    const moved = await salesEvents.waitFor((e) => e.event === 'conversation.status' && (e.data ?? '').includes(id));
    expect(dataOf(moved).event.row).toMatchObject({ id, status: 'queued', team: 'sales' });
    // Nothing the care agent got about it tells where it went.
    expect(careEvents.events.filter((e) => (e.data ?? '').includes(id) && (e.data ?? '').includes('"sales"'))).toEqual([]);
  } finally {
    careEvents.close();
    salesEvents.close();
  }
});
