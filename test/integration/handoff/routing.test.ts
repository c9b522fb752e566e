import type { TestBaton } from '../../support/testBaton';
import { agentClient, createAgent, customerSays, startBaton, uniqueCustomer, waitUntil, type AgentClient } from './handoffHarness';

/**
 * Queue order (priority, then waiting time) and auto-assignment by capacity and presence, through
 * the agent API, with customers on the sandbox channel.
 */

let baton: TestBaton;
let admin: AgentClient;

afterEach(async () => {
  await baton?.close();
});

const ASK = 'I want to talk to a human agent please';
const ANGRY = 'I am furious, this is the worst and most pathetic service, totally unacceptable';

async function escalate(text: string, label: string): Promise<string> {
  const answer = await customerSays(baton.url, uniqueCustomer(label), text);
  // Handed to a person: queued, or straight to an agent when auto-assignment found one.
  expect(['queued', 'assigned']).toContain(answer.status);
  return answer.conversationId!;
}

describe('the care queue', () => {
  const vip = uniqueCustomer('vip');
  beforeEach(async () => {
    ({ baton, admin } = await startBaton({ env: { VIP_CUSTOMERS: vip } }));
  });

  async function queueOrder(): Promise<string[]> {
    const r = await admin.ok<{ items: { id: string }[] }>('GET', '/conversations?status=queued&team=care');
    return r.items.map((i) => i.id);
  }

  test('lists conversations that waited longer first when their priority is the same', async () => {
    const first = await escalate(ASK, 'n1');
    const second = await escalate(ASK, 'n2');
    const third = await escalate(ASK, 'n3');
    expect(await queueOrder()).toEqual([first, second, third]);
  });

  test('puts an angry customer ahead of calm ones who waited longer', async () => {
    const calm1 = await escalate(ASK, 'calm1');
    const calm2 = await escalate(ASK, 'calm2');
    const angry = await escalate(ANGRY, 'angry');
    expect(await queueOrder()).toEqual([angry, calm1, calm2]);
  });

  test('puts a VIP (urgent) ahead of an angry customer (high) ahead of a calm one (normal)', async () => {
    const calm = await escalate(ASK, 'calm');
    const angry = await escalate(ANGRY, 'angry');
    const answer = await customerSays(baton.url, vip, 'blorp zibber quantum marmalade');
    expect(answer.status).toBe('queued');
    expect(await queueOrder()).toEqual([answer.conversationId, angry, calm]);
  });
});

describe('auto-assignment (AUTO_ASSIGN=true)', () => {
  let asha: AgentClient; // capacity 1
  let ravi: AgentClient; // capacity 2
  let kiran: AgentClient; // capacity 5, away
  let omar: AgentClient; // capacity 5, offline

  beforeEach(async () => {
    ({ baton, admin } = await startBaton({ env: { AUTO_ASSIGN: 'true' } }));
    asha = await createAgent(baton.url, admin, { email: 'asha@handoff.test', name: 'Asha', capacity: 1 });
    ravi = await createAgent(baton.url, admin, { email: 'ravi@handoff.test', name: 'Ravi', capacity: 2 });
    kiran = await createAgent(baton.url, admin, { email: 'kiran@handoff.test', name: 'Kiran', capacity: 5 });
    omar = await createAgent(baton.url, admin, { email: 'omar@handoff.test', name: 'Omar', capacity: 5 });
    await kiran.ok('PUT', '/agents/me/presence', { status: 'away' });
    await omar.ok('PUT', '/agents/me/presence', { status: 'offline' });
    // Logging in sets an agent online: the admin (in every team), Asha and Ravi start offline here.
    for (const a of [admin, asha, ravi]) await a.ok('PUT', '/agents/me/presence', { status: 'offline' });
  });

  const mine = async (agent: AgentClient) =>
    (await agent.ok<{ items: { id: string }[] }>('GET', '/conversations?status=assigned&assignee=me')).items.map((i) => i.id);
  const conversation = async (id: string) => (await admin.ok<{ conversation: { status: string; assigneeId?: string } }>('GET', `/conversations/${id}`)).conversation;

  test('with nobody online, escalated conversations wait in the queue', async () => {
    const id = await escalate(ASK, 'nobody');
    expect(await conversation(id)).toMatchObject({ status: 'queued' });
    expect(await mine(kiran)).toEqual([]);
    expect(await mine(omar)).toEqual([]);
  });

  test('an agent who logs in gets the head of the queue without touching the presence toggle', async () => {
    const first = await escalate(ASK, 'login1');
    const again = await agentClient(baton.url, 'asha@handoff.test', 'asha-password-1');
    await waitUntil(async () => ((await mine(again)).length === 1 ? true : undefined));
    expect(await mine(again)).toEqual([first]);
  });

  test('an agent coming online gets the head of the queue, up to their capacity', async () => {
    const first = await escalate(ASK, 'q1');
    const second = await escalate(ASK, 'q2');
    await asha.ok('PUT', '/agents/me/presence', { status: 'online' });
    await waitUntil(async () => ((await mine(asha)).length === 1 ? true : undefined));
    expect(await mine(asha)).toEqual([first]);
    expect(await conversation(second)).toMatchObject({ status: 'queued' });
  });

  test('gives each new conversation to the least busy online agent and nobody more than their capacity', async () => {
    await asha.ok('PUT', '/agents/me/presence', { status: 'online' });
    await ravi.ok('PUT', '/agents/me/presence', { status: 'online' });
    const c1 = await escalate(ASK, 'c1');
    const c2 = await escalate(ASK, 'c2');
    // Both started empty: one each, not two to the same agent.
    expect(new Set([(await conversation(c1)).assigneeId, (await conversation(c2)).assigneeId])).toEqual(new Set([asha.id, ravi.id]));
    const c3 = await escalate(ASK, 'c3');
    expect(await conversation(c3)).toMatchObject({ status: 'assigned', assigneeId: ravi.id }); // Asha is full at 1
    const c4 = await escalate(ASK, 'c4');
    expect(await conversation(c4)).toMatchObject({ status: 'queued' }); // both full
    expect((await mine(asha)).length).toBe(1);
    expect((await mine(ravi)).length).toBe(2);
    expect(await mine(kiran)).toEqual([]); // away
    expect(await mine(omar)).toEqual([]); // offline
  });

  test('resolving a conversation frees room and the next queued one is assigned', async () => {
    await asha.ok('PUT', '/agents/me/presence', { status: 'online' });
    const c1 = await escalate(ASK, 'r1');
    const c2 = await escalate(ASK, 'r2');
    expect(await conversation(c1)).toMatchObject({ status: 'assigned', assigneeId: asha.id });
    expect(await conversation(c2)).toMatchObject({ status: 'queued' });
    await asha.ok('POST', `/conversations/${c1}/resolve`);
    await waitUntil(async () => ((await conversation(c2)).status === 'assigned' ? true : undefined));
    expect(await conversation(c2)).toMatchObject({ status: 'assigned', assigneeId: asha.id });
  });
});
