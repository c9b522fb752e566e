import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import type { RedisConversationStore } from '../../../src/conversations/redisConversationStore';
import type { Message } from '../../../src/conversations/types';
import { PacketStore } from '../../../src/handoff/packetStore';
import { SearchIndex } from '../../../src/inbox/search/searchIndex';
import { createLogger } from '../../../src/logger';
import { DashboardAggregates } from '../../../src/metrics/aggregates/aggregateStore';
import { exportFileName, runRetention, type RetentionExportLine, type RetentionOptions } from '../../../src/retention/retention';
import { TWILIO_TEST_CONFIG } from '../../fixtures/twilio';
import { FakeTwilioApi } from '../../support/fakePlatforms';
import { describeWithRedis, testRedisUrl } from '../../support/redis';
import { startTestBaton, type TestBaton } from '../../support/testBaton';
import { botConversation, escalatedConversation, type PlayCtx } from '../../support/whatsappConversations';

/**
 * Retention on a real Redis: conversations are played through the running desk (WhatsApp webhooks,
 * the bot, an agent who claims, replies, resolves, the customer's CSAT), so every key a real
 * conversation writes is there; the retention run's clock is set days ahead instead of the data back.
 */

jest.setTimeout(90_000);

const DAY = 24 * 3600 * 1000;
const ADMIN = { email: 'lead@retention.test', password: 'Retention-lead-password-4417' };
const logger = createLogger('error');

interface Desk {
  baton: TestBaton;
  ctx: PlayCtx;
  /** A plain client on the same Redis (no prefix): sees the keys as they are stored. */
  raw: Redis;
  prefix: string;
  exportDir: string;
  retention(o?: Partial<RetentionOptions> & { daysAhead?: number }): ReturnType<typeof runRetention>;
  close(): Promise<void>;
}

let twilio: FakeTwilioApi;
beforeAll(async () => {
  twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid, { authToken: TWILIO_TEST_CONFIG.authToken }).start();
});
afterAll(() => twilio?.stop());

async function desk(): Promise<Desk> {
  const baton = await startTestBaton({ redisUrl: testRedisUrl, env: { TWILIO_API_URL: twilio.url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  const login = await fetch(`${baton.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const ctx: PlayCtx = { baton, twilio, token: ((await login.json()) as { token: string }).token };
  const exportDir = mkdtempSync(path.join(tmpdir(), 'baton-retention-'));
  const client = baton.runtime.redis.client;
  const raw = new Redis(testRedisUrl);
  return {
    baton,
    ctx,
    raw,
    prefix: baton.config.redisKeyPrefix,
    exportDir,
    retention: ({ daysAhead = 31, ...o } = {}) =>
      runRetention({
        redis: client,
        store: baton.runtime.store as RedisConversationStore,
        facts: baton.runtime.facts,
        packets: new PacketStore(client),
        search: new SearchIndex(client),
        aggregates: new DashboardAggregates(client),
        logger,
        days: 30,
        exportDir,
        clock: () => Date.now() + daysAhead * DAY,
        ...o,
      }),
    async close() {
      raw.disconnect();
      await baton.close();
      rmSync(exportDir, { recursive: true, force: true });
    },
  };
}

const phone = () => `whatsapp:+9197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function conversationOf(d: Desk, address: string): Promise<string> {
  const c = await d.baton.runtime.store.findByAddress('whatsapp', address);
  if (!c) throw new Error(`no conversation for ${address}`);
  return c.id;
}

function exported(d: Desk): RetentionExportLine[] {
  const file = path.join(d.exportDir, exportFileName(Date.now() + 31 * DAY));
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RetentionExportLine);
}

/** Every stored key, and every entry of a stored set, list or hash, that names the conversation (platform ids: by the message ids they hold). */
async function whatNames(d: Desk, id: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await d.raw.scan(cursor, 'MATCH', `${d.prefix}*`, 'COUNT', 1000);
    cursor = next;
    for (const k of keys) {
      if (k.includes(id)) {
        found.push(k);
        continue;
      }
      const type = await d.raw.type(k);
      const text =
        type === 'string' ? await d.raw.get(k)
        : type === 'zset' ? (await d.raw.zrange(k, 0, -1)).join(' ')
        : type === 'set' ? (await d.raw.smembers(k)).join(' ')
        : type === 'hash' ? JSON.stringify(await d.raw.hgetall(k))
        : type === 'list' ? (await d.raw.lrange(k, 0, -1)).join(' ')
        : '';
      // The global audit trail and the live-event stream are logs of what happened, capped; they are not indexes.
      if (text?.includes(id) && !k.endsWith(':audit') && !k.endsWith(':events') && !k.includes(':audit:actor:')) found.push(k);
    }
  } while (cursor !== '0');
  return found;
}

describeWithRedis('retention on a real Redis', () => {
  let d: Desk;
  afterEach(() => d?.close());

  test('a resolved conversation past RETENTION_DAYS is exported with its messages, facts, packet and CSAT', async () => {
    d = await desk();
    const address = phone();
    await escalatedConversation(d.ctx, address, 1);
    const id = await conversationOf(d, address);
    const messages = await d.baton.runtime.store.listMessages(id);

    const run = await d.retention();

    expect(run).toMatchObject({ ran: true, exported: 1, removed: 1 });
    const [line] = exported(d);
    expect(line!.conversation).toMatchObject({ id, status: 'resolved', customerAddress: address });
    // Delivery receipts may still be arriving: the transcript's messages, in order, are what counts here.
    const essence = (ms: Message[]) => ms.map((m) => [m.id, m.author, m.direction, m.text, m.platformMessageId]);
    expect(essence(line!.messages)).toEqual(essence(messages));
    expect(messages.length).toBeGreaterThanOrEqual(20);
    expect(line!.facts).toEqual([expect.objectContaining({ kind: 'order_number', value: 'SG-480001' })]);
    expect(line!.packet).toMatchObject({ conversationId: id, reason: 'customer_requested' });
    expect(line!.csat).toMatchObject({ status: 'answered', score: 5 });
    expect(line!.audit.length).toBeGreaterThan(0);
  });

  test('a removed conversation leaves no key and no index entry that names it', async () => {
    d = await desk();
    const address = phone();
    await escalatedConversation(d.ctx, address, 2);
    const id = await conversationOf(d, address);
    expect((await whatNames(d, id)).length).toBeGreaterThan(5);

    await d.retention();

    expect(await whatNames(d, id)).toEqual([]);
    expect(await d.baton.runtime.store.get(id)).toBeNull();
    expect(await d.baton.runtime.store.findByAddress('whatsapp', address)).toBeNull();
  });

  test('a resolved conversation not yet past RETENTION_DAYS is kept', async () => {
    d = await desk();
    const address = phone();
    await escalatedConversation(d.ctx, address, 3);

    const run = await d.retention({ daysAhead: 29 });

    expect(run).toMatchObject({ exported: 0, removed: 0 });
    expect(await d.baton.runtime.store.findByAddress('whatsapp', address)).toMatchObject({ status: 'resolved' });
  });

  test('an open conversation is kept however old', async () => {
    d = await desk();
    const address = phone();
    await botConversation(d.ctx, address, 0);

    const run = await d.retention({ daysAhead: 400 });

    expect(run).toMatchObject({ scanned: 1, kept: 1, exported: 0, removed: 0 });
    expect((await d.baton.runtime.store.findByAddress('whatsapp', address))?.status).toBe('bot');
  });

  test('a run stopped between the export and the removal loses nothing, and the next run removes the conversation', async () => {
    d = await desk();
    const address = phone();
    await escalatedConversation(d.ctx, address, 4);
    const id = await conversationOf(d, address);

    await expect(
      d.retention({
        afterExport: () => {
          throw new Error('instance died');
        },
      }),
    ).rejects.toThrow('instance died');
    expect(exported(d).map((l) => l.conversation.id)).toEqual([id]);
    expect(await d.baton.runtime.store.get(id)).toMatchObject({ status: 'resolved' });

    expect(await d.retention()).toMatchObject({ exported: 1, removed: 1 });
    expect(await d.baton.runtime.store.get(id)).toBeNull();
  });

  test('running again after a finished run exports and removes nothing', async () => {
    d = await desk();
    await escalatedConversation(d.ctx, phone(), 5);
    await d.retention();
    const before = exported(d);

    expect(await d.retention()).toMatchObject({ ran: true, scanned: 0, exported: 0, removed: 0 });
    expect(exported(d)).toEqual(before);
  });

  test("a run while another instance holds the retention lock does nothing", async () => {
    d = await desk();
    const address = phone();
    await escalatedConversation(d.ctx, address, 6);
    await d.baton.runtime.redis.client.set('retention:{lock}', 'another-instance', 'PX', 60_000);

    expect(await d.retention()).toMatchObject({ ran: false, exported: 0, removed: 0 });
    expect(await d.baton.runtime.store.findByAddress('whatsapp', address)).not.toBeNull();
  });

  test('an export directory that cannot be written refuses the run with RETENTION_EXPORT_FAILED and removes nothing', async () => {
    d = await desk();
    const address = phone();
    await escalatedConversation(d.ctx, address, 7);
    const notADirectory = path.join(d.exportDir, 'a-file');
    writeFileSync(notADirectory, 'x');

    await expect(d.retention({ exportDir: notADirectory })).rejects.toMatchObject({ code: 'RETENTION_EXPORT_FAILED' });
    expect(await d.baton.runtime.store.findByAddress('whatsapp', address)).toMatchObject({ status: 'resolved' });
  });
});
