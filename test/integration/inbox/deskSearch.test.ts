import type { TestBaton } from '../../support/testBaton';
import { createAgent, customerSays, startBaton, uniqueCustomer, type AgentClient } from '../handoff/handoffHarness';

/**
 * The inbox as an agent searches and filters it, through the API on the embedded store: search by
 * order number, phone, e-mail and words, only within the caller's teams; filters; the preview.
 */

let baton: TestBaton;
let admin: AgentClient;
let careAgent: AgentClient;
let salesAgent: AgentClient;
let lateOrder: string;
let urdu: string;

const LATE = 'I want to talk to a person, my order SG-771204 is late, call me on +91 98111 22334 or mail Meera.R@example.in';

beforeAll(async () => {
  ({ baton, admin } = await startBaton());
  careAgent = await createAgent(baton.url, admin, { email: 'search-care@desk.test', name: 'Search Care', teams: ['care'] });
  salesAgent = await createAgent(baton.url, admin, { email: 'search-sales@desk.test', name: 'Search Sales', teams: ['sales'] });
  lateOrder = (await customerSays(baton.url, uniqueCustomer('late'), LATE)).conversationId!;
  urdu = (await customerSays(baton.url, uniqueCustomer('urdu'), 'مجھے کسی انسان سے بات کرنی ہے، آپ میری مدد نہیں کر رہے')).conversationId!;
}, 90_000);
afterAll(async () => {
  await baton?.close();
});

type Hit = { id: string; match: string; team?: string; lastMessage?: { text?: string; author?: string } };
const search = async (agent: AgentClient, q: string) => (await agent.ok<{ items: Hit[] }>('GET', `/search?q=${encodeURIComponent(q)}`)).items;

describe('search', () => {
  test('finds a conversation by the order number the customer wrote, typed without the dash', async () => {
    const hits = await search(careAgent, 'sg771204');
    expect(hits.map((h) => [h.id, h.match])).toEqual([[lateOrder, 'order']]);
  });

  test('finds a conversation by the phone the customer wrote, typed without the country code', async () => {
    const hits = await search(careAgent, '98111 22334');
    expect(hits.map((h) => [h.id, h.match])).toEqual([[lateOrder, 'phone']]);
  });

  test('finds a conversation by e-mail, whatever its case', async () => {
    expect((await search(careAgent, 'meera.r@EXAMPLE.in')).map((h) => h.id)).toEqual([lateOrder]);
  });

  test('finds a conversation by words of the customer message, in any script', async () => {
    expect((await search(careAgent, 'مدد انسان')).map((h) => h.id)).toEqual([urdu]);
  });

  test('an agent of another team finds nothing', async () => {
    expect(await search(salesAgent, 'SG-771204')).toEqual([]);
    expect(await search(salesAgent, '+919811122334')).toEqual([]);
  });

  test('an admin finds conversations of every team', async () => {
    expect((await search(admin, 'SG-771204')).map((h) => h.id)).toEqual([lateOrder]);
  });

  test('a query shorter than 2 characters is refused with the field named', async () => {
    const r = await careAgent.call('GET', '/search?q=a');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('query.q') });
  });
});

describe('filters on the conversation list', () => {
  const ids = async (agent: AgentClient, query: string) => (await agent.ok<{ items: { id: string }[] }>('GET', `/conversations?${query}`)).items.map((i) => i.id);

  test('by language', async () => {
    const urduOnly = await ids(careAgent, 'language=ur');
    expect(urduOnly).toContain(urdu);
    expect(urduOnly).not.toContain(lateOrder);
  });

  test('by channel', async () => {
    expect(await ids(careAgent, 'channel=sandbox')).toEqual(expect.arrayContaining([urdu, lateOrder]));
    expect(await ids(careAgent, 'channel=whatsapp')).toEqual([]);
  });

  test('by priority', async () => {
    const angry = (await customerSays(baton.url, uniqueCustomer('angry'), 'I am furious, this is the worst and most pathetic service, totally unacceptable')).conversationId!;
    const high = await ids(careAgent, 'priority=high');
    expect(high).toContain(angry);
    expect(high).not.toContain(lateOrder);
  });

  test('by waiting time: a conversation queued just now has not waited 5 minutes', async () => {
    expect(await ids(careAgent, 'status=queued&waitingOver=0')).toContain(lateOrder);
    expect(await ids(careAgent, 'status=queued&waitingOver=300')).not.toContain(lateOrder);
  });

  test('by team: an agent of another team lists none of care', async () => {
    expect(await ids(salesAgent, 'language=ur')).toEqual([]);
  });

  test('an unknown channel is refused with the field named', async () => {
    const r = await careAgent.call('GET', '/conversations?channel=telegram');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('query.channel');
  });
});

describe('the list preview', () => {
  test("shows the customer's last words, not Baton's queue notice sent after them", async () => {
    const items = (await careAgent.ok<{ items: Hit[] }>('GET', '/conversations?status=queued&team=care')).items;
    const row = items.find((i) => i.id === lateOrder)!;
    expect(row.lastMessage).toMatchObject({ author: 'customer', text: expect.stringContaining('SG-771204') });
  });
});
