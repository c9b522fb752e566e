import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDemoCrm, type DemoCrm } from '../../../src/demo/demoCrm';
import type { TestBaton } from '../../support/testBaton';
import { customerSays, detail, startBaton, uniqueCustomer, type AgentClient } from './handoffHarness';

/**
 * CRM enrichment: Baton asks the CRM (signed like fulfillment calls) on the first message and at
 * handoff; a VIP from the CRM raises the queue priority and the CRM's fields reach the packet; a
 * CRM that times out or answers garbage changes nothing for the customer.
 */

const SECRET = 'crm-test-secret-0123456789';
let baton: TestBaton | undefined;
let admin: AgentClient;

afterEach(async () => {
  await baton?.close();
  baton = undefined;
});

async function batonWithCrm(url: string, timeoutMs = 1000): Promise<void> {
  ({ baton, admin } = await startBaton({ env: { CRM_ENRICHMENT_URL: url, CRM_ENRICHMENT_SECRET: SECRET, CRM_TIMEOUT_MS: String(timeoutMs) } }));
}

/** A CRM endpoint answering every request with `answer` after `delayMs` (or never, for `hang`). */
async function badCrm(answer: { status: number; body: string } | 'hang', delayMs = 0): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits++;
    req.resume();
    if (answer === 'hang') return;
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body);
    }, delayMs);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/enrich`,
    hits: () => hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe('with the demo CRM', () => {
  let crm: DemoCrm;
  const vip = uniqueCustomer('vip');
  const known = uniqueCustomer('known');

  beforeAll(async () => {
    crm = await startDemoCrm({
      secret: SECRET,
      customers: {
        [vip]: {
          name: 'Asha Kapoor',
          tier: 'Platinum',
          vip: true,
          openOrders: [{ id: 'SG-482913', status: 'shipped' }],
          lifetimeValue: { amount: 184500, currency: 'INR' },
          notes: 'Prefers Hinglish',
          url: 'https://crm.example.com/customers/asha-kapoor',
        },
        [known]: { name: 'Bilal Ahmed', tier: 'Gold', vip: false },
      },
    });
  });
  afterAll(() => crm.close());

  test('a VIP from the CRM is queued at high priority with the CRM fields in the packet', async () => {
    await batonWithCrm(crm.url);
    const turn = await customerSays(baton!.url, vip, 'I want to talk to a human agent please');
    expect(turn.status).toBe('queued');
    const d = await detail(admin, turn.conversationId!);
    expect(d.conversation.priority).toBe('high');
    expect(d.packet?.reasons).toEqual(['customer_requested', 'vip']);
    expect(d.packet?.customer.vip).toBe(true);
    expect(d.packet?.crm).toMatchObject({
      name: 'Asha Kapoor',
      tier: 'Platinum',
      vip: true,
      openOrders: [{ id: 'SG-482913', status: 'shipped' }],
      lifetimeValue: { amount: 184500, currency: 'INR' },
      notes: 'Prefers Hinglish',
      url: 'https://crm.example.com/customers/asha-kapoor',
    });
    expect(crm.refused).toBe(0);
  });

  test('the CRM is asked once with the verified identifiers; the answer is cached for the next handoff', async () => {
    await batonWithCrm(crm.url);
    const before = crm.requests.length;
    const first = await customerSays(baton!.url, known, 'What time does the store open?');
    expect(first.status).toBe('bot');
    const handoff = await customerSays(baton!.url, known, 'I want to talk to a human agent please');
    expect(handoff.status).toBe('queued');
    const asked = crm.requests.slice(before) as { event: string; customer: { linked: { channel: string; address: string }[] } }[];
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ event: 'first_message', customer: { linked: [{ channel: 'sandbox', address: known }] } });
    const d = await detail(admin, handoff.conversationId!);
    expect(d.conversation.priority).toBe('normal');
    expect(d.packet?.crm).toMatchObject({ name: 'Bilal Ahmed', tier: 'Gold' });
  });
});

describe('a CRM that fails changes nothing for the customer', () => {
  test.each([
    ['times out', 'hang' as const],
    ['answers garbage', { status: 200, body: '{"customer":{"vip":"yes","lifetimeValue":-5}}' }],
    ['answers something that is not JSON', { status: 200, body: '<html>oops</html>' }],
    ['answers 500', { status: 500, body: '{}' }],
  ])('when it %s: the bot answers, the handoff is at normal priority, and the packet has no CRM fields', async (_what, answer) => {
    const server = await badCrm(answer);
    try {
      await batonWithCrm(server.url, 300);
      const customer = uniqueCustomer('crm-down');
      const bot = await customerSays(baton!.url, customer, 'What time does the store open?');
      expect(bot.status).toBe('bot');
      expect(bot.replies.map((r) => r.text).join(' ')).toMatch(/10:00/);
      const handoff = await customerSays(baton!.url, customer, 'I want to talk to a human agent please');
      expect(handoff.status).toBe('queued');
      expect(handoff.replies.some((r) => r.author === 'system')).toBe(true);
      const d = await detail(admin, handoff.conversationId!);
      expect(d.conversation.priority).toBe('normal');
      expect(d.packet?.reasons).toEqual(['customer_requested']);
      expect(d.packet?.crm).toBeUndefined();
      expect(server.hits()).toBeGreaterThanOrEqual(1);
    } finally {
      await server.close();
    }
  });
});
