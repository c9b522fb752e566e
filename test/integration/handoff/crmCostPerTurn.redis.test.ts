import Redis from 'ioredis';
import { startDemoCrm, type DemoCrm } from '../../../src/demo/demoCrm';
import { describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';
import type { TestBaton } from '../../support/testBaton';
import { customerSays, startBaton, uniqueCustomer, waitUntil } from './handoffHarness';

/**
 * Issue 13 asks that CRM enrichment leave the bot's per-message cost unchanged. The design makes
 * that so: the CRM is asked in the background on a conversation's first message and at handoff,
 * and a plainly answered bot turn never looks at it. This suite checks exactly that on a real
 * Redis, by watching every command under the instance's key prefix (MONITOR) while the customer
 * asks questions the bot answers: no request to the CRM and no read of its cache.
 */

const SECRET = 'crm-cost-secret-0123456789';
const QUESTIONS = ['What time does the store open?', 'Do you deliver to Pune?', 'How do I return an item?', 'Do you have cash on delivery?'];

describeWithRedis('CRM enrichment and the cost of an answered bot turn', () => {
  let crm: DemoCrm;
  let baton: TestBaton | undefined;
  let monitor: Redis | undefined;

  beforeAll(async () => {
    crm = await startDemoCrm({ secret: SECRET, customers: {} });
  });
  afterAll(() => crm.close());
  afterEach(async () => {
    monitor?.disconnect();
    monitor = undefined;
    await baton?.close();
    baton = undefined;
  });

  /** Every command (name and arguments) that touched a key under `prefix` while `during` ran. */
  async function commandsUnder(prefix: string, during: () => Promise<void>): Promise<string[][]> {
    const seen: string[][] = [];
    monitor = await new Redis(testRedisUrl).monitor();
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args.some((a) => typeof a === 'string' && a.startsWith(prefix))) seen.push(args);
    });
    // MONITOR answers OK before it streams; a PING through another client proves the stream is live.
    const probe = new Redis(testRedisUrl);
    await probe.get(`${prefix}monitor-probe`);
    await waitUntil(async () => (seen.some((c) => c.includes(`${prefix}monitor-probe`)) ? true : undefined), 5000, 'MONITOR streaming');
    probe.disconnect();
    seen.length = 0;
    await during();
    return seen;
  }

  async function startWithCrm(prefix: string): Promise<void> {
    ({ baton } = await startBaton({
      redisUrl: testRedisUrl,
      prefix,
      env: { CRM_ENRICHMENT_URL: crm.url, CRM_ENRICHMENT_SECRET: SECRET, CRM_TIMEOUT_MS: '1000' },
    }));
  }

  test('after the first message, answered bot turns make no CRM request and never read the CRM cache', async () => {
    const prefix = uniquePrefix('crm-cost');
    await startWithCrm(prefix);
    const customer = uniqueCustomer('crm-cost');
    const before = crm.requests.length;
    expect((await customerSays(baton!.url, customer, 'hello')).status).toBe('bot');
    // The first message's enrichment runs in the background: wait until the CRM was asked and its answer cached.
    await waitUntil(async () => (crm.requests.length > before ? true : undefined), 5000, 'the first-message CRM request');
    const r = new Redis(testRedisUrl);
    await waitUntil(async () => ((await r.keys(`${prefix}crm:*`)).length > 0 ? true : undefined), 5000, 'the CRM answer cached');
    r.disconnect();
    const asked = crm.requests.length;

    const commands = await commandsUnder(prefix, async () => {
      for (const q of QUESTIONS) {
        const turn = await customerSays(baton!.url, customer, q);
        expect(turn.status).toBe('bot');
        expect(turn.replies.length).toBeGreaterThan(0);
      }
      await baton!.settle();
    });

    expect(crm.requests.length).toBe(asked);
    expect(commands.length).toBeGreaterThan(0); // the monitor saw the turns themselves
    expect(commands.filter((c) => c.some((a) => a.startsWith(`${prefix}crm:`)))).toEqual([]);
  });

  test('a turn that escalates does read the CRM answer, so the check above is not blind', async () => {
    const prefix = uniquePrefix('crm-cost');
    await startWithCrm(prefix);
    const customer = uniqueCustomer('crm-cost');
    expect((await customerSays(baton!.url, customer, 'What time does the store open?')).status).toBe('bot');
    const asked = crm.requests.length;

    const commands = await commandsUnder(prefix, async () => {
      expect((await customerSays(baton!.url, customer, 'I want to talk to a human agent please')).status).toBe('queued');
      await baton!.settle();
    });

    const crmTouched = commands.filter((c) => c.some((a) => a.startsWith(`${prefix}crm:`))).length;
    expect(crmTouched + (crm.requests.length - asked)).toBeGreaterThan(0);
  });
});
