import Redis from 'ioredis';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { RedisConversationStore } from '../../../src/conversations/redisConversationStore';
import { RedisCustomerStore } from '../../../src/identity/redisCustomerStore';
import { AgentStore } from '../../../src/inbox/agents/agentStore';
import { RedisAuditLog } from '../../../src/inbox/audit/redisAuditLog';
import { CannedAnswerStore } from '../../../src/inbox/canned/cannedAnswerStore';
import { FollowUpStore } from '../../../src/inbox/followups/followUpStore';
import { laneKeys } from '../../../src/inbound/inboundQueue';
import { classifyKey } from '../../../src/migrations/keyRenames';
import { findOldKeys, migrateKeys, type MigrationReport } from '../../../src/migrations/migrateKeys';
import { formatReport } from '../../../src/migrations/migrationReport';
import { oldKeysRefusal } from '../../../src/migrations/startupCheck';
import { bucketOf, bucketTag, taggedKey } from '../../../src/store/keys';
import { writePreviousVersionDesk, type PreviousDesk } from '../../support/previousVersionKeys';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';

/**
 * `npm run migrate:keys` on a real Redis: a desk written under the key names of a Baton from before
 * Redis Cluster support (test/support/previousVersionKeys.ts) is moved to today's names, and
 * today's stores read it back.
 */

jest.setTimeout(60_000);
const REPO_ROOT = join(__dirname, '../../..');

/** Every key under the prefix with its DUMP and whether it expires (a dry run must leave all of it as it was). */
async function snapshot(prefix: string): Promise<Map<string, string>> {
  const raw = new Redis(testRedisUrl);
  try {
    const out = new Map<string, string>();
    let cursor = '0';
    do {
      const [next, keys] = await raw.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const k of keys) {
        const [dump, pttl] = await Promise.all([raw.dumpBuffer(k), raw.pttl(k)]);
        out.set(k, `${dump?.toString('base64')}|${pttl > 0 ? 'expires' : 'lasting'}`);
      }
    } while (cursor !== '0');
    return out;
  } finally {
    raw.disconnect();
  }
}

const total = (r: MigrationReport, field: 'found' | 'moved' | 'finished' | 'conflicts' | 'leftToExpire') => [...r.byKind.values()].reduce((s, c) => s + c[field], 0);

/** The new name of an old key (the table's rename). */
function newNameOf(oldName: string): string {
  const hit = classifyKey(oldName)!;
  if (hit.kind.move.kind !== 'rename') throw new Error(`${oldName} is not renamed`);
  return hit.kind.move.to(hit.match);
}

function runCli(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', join(REPO_ROOT, script), ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CONSOLE_ENABLED: 'false', LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describeWithRedis('migrating the key names of an earlier Baton on a real Redis', () => {
  let prefix: string;
  let redis: Redis;
  let desk: PreviousDesk;

  beforeEach(async () => {
    prefix = uniquePrefix('keymig');
    redis = new Redis(testRedisUrl, { keyPrefix: prefix });
    desk = await writePreviousVersionDesk(redis);
  });
  afterEach(async () => {
    await deletePrefix(testRedisUrl, prefix);
    redis.disconnect();
  });

  const migrate = (opts: { dryRun?: boolean; batch?: number } = {}) => migrateKeys({ client: redis, prefix, batch: opts.batch ?? 7, dryRun: opts.dryRun });

  test('after the migration, today\'s stores read the conversation, its transcript, its customer and an agent', async () => {
    await migrate();
    const conversations = new RedisConversationStore(redis);
    const customers = new RedisCustomerStore(redis, { audit: new RedisAuditLog(redis) });
    const agents = new AgentStore(redis, { scryptCost: { N: 1024, r: 8, p: 1 } });

    expect(await conversations.findByAddress('whatsapp', desk.address)).toMatchObject({ id: desk.conversationId, customerName: 'Asha', customerId: desk.customerId, messageCount: 3, language: 'en' });
    expect((await conversations.listMessages(desk.conversationId)).map((m) => [m.id, m.text, m.status])).toEqual([
      [desk.messageIds[0], desk.texts[0], 'received'],
      [desk.messageIds[1], desk.texts[1], 'delivered'],
      [desk.messageIds[2], desk.texts[2], 'received'],
    ]);
    expect(await customers.findByAddress('whatsapp', desk.address)).toMatchObject({ id: desk.customerId, name: 'Asha', attributes: { email: 'asha@example.com' } });
    expect((await customers.conversations(desk.customerId)).map((l) => l.conversationId)).toEqual([desk.conversationId]);
    expect((await customers.findByAttribute('email', 'asha@example.com')).map((c) => c.id)).toEqual([desk.customerId]);
    expect(await agents.verifyPassword(desk.agentEmail, desk.agentPassword)).toMatchObject({ id: desk.agentId, name: 'Meera', role: 'admin', teams: ['support'] });
    expect((await agents.list()).map((a) => a.id)).toEqual([desk.agentId]);
  });

  test('after the migration, an escalated conversation is in its agent\'s active set and a receipt for an old message still applies', async () => {
    await migrate();
    const conversations = new RedisConversationStore(redis);
    expect(await conversations.agentLoad(desk.agentId)).toEqual([desk.secondConversationId]);
    expect(await conversations.updateStatusByPlatformId('whatsapp', 'SMold00000000000000000000000000002', 'read')).toMatchObject({ outcome: 'applied', message: { id: desk.messageIds[1], status: 'read' } });
  });

  test('after the migration, the canned answer and the open follow-up are listed again', async () => {
    await migrate();
    expect((await new CannedAnswerStore(redis).list({ team: 'support' })).map((a) => a.id)).toEqual([desk.cannedId]);
    expect((await new FollowUpStore(redis).list({ status: 'open' })).map((f) => f.id)).toEqual([desk.followUpId]);
  });

  test('a waiting inbound lane and a waiting send land in their buckets', async () => {
    await migrate();
    const lane = 'whatsapp:whatsapp:+919812399999';
    expect(await redis.sismember(laneKeys.pending(lane), lane)).toBe(1);
    expect(await redis.llen(laneKeys.lane(lane))).toBe(1);
    const out = bucketTag('out', bucketOf(desk.secondConversationId));
    expect(await redis.zscore(taggedKey('out:due', out), desk.secondConversationId)).not.toBeNull();
    expect(await redis.lrange(taggedKey('out:lane', out, desk.secondConversationId), 0, -1)).toEqual(['m_mq0a1b3f_5555555555']);
  });

  test('every old key is moved, except a lane lock and a delivery id, left to expire', async () => {
    const report = await migrate();
    const left = await Promise.all(desk.keys.map(async (k) => ((await redis.exists(k)) ? k : undefined)));
    expect(left.filter(Boolean)).toEqual(['inbox:lock:whatsapp:whatsapp:+919812399999', 'dedupe:whatsapp:SMold00000000000000000000000000007']);
    expect(total(report, 'moved')).toBe(desk.keys.length - 2);
    expect(total(report, 'leftToExpire')).toBe(2);
    expect(report.conflicts).toEqual([]);
  });

  test('TTLs are kept', async () => {
    const before = Object.fromEntries(await Promise.all(Object.keys(desk.expiring).map(async (k) => [k, await redis.pttl(k)] as const)));
    await migrate();
    for (const [oldName, ttl] of Object.entries(before)) {
      if (classifyKey(oldName)!.kind.move.kind !== 'rename') continue;
      const now = await redis.pttl(newNameOf(oldName));
      expect([oldName, now > 0 && now <= ttl && now > ttl - 10_000]).toEqual([oldName, true]);
    }
    expect(await redis.pttl(newNameOf(`conv:${desk.conversationId}`))).toBe(-1);
  });

  test('a dry run counts per kind what would move and changes nothing', async () => {
    const before = await snapshot(prefix);
    const report = await migrate({ dryRun: true });
    expect(await snapshot(prefix)).toEqual(before);
    expect(report.byKind.get('conversation')).toMatchObject({ found: 2, moved: 2, conflicts: 0 });
    expect(report.byKind.get('message')).toMatchObject({ moved: 4 });
    expect(total(report, 'moved')).toBe(desk.keys.length - 2);
  });

  test('the dry run\'s report names kinds and counts, never a value or a phone number', async () => {
    const text = formatReport(await migrate({ dryRun: true }));
    expect(text).toMatch(/conversation +conv:<id> -> conv:\{<id>\}: 2 would move/);
    expect(text).toMatch(/customer +cust:<id> -> cust:\{ident\}:<id>: 1 would move/);
    expect(text).toMatch(/inbound\.dedupe .*: 1 left to expire/);
    for (const secret of [...desk.texts, '9812345678', 'asha@example.com', 'Meera', desk.conversationId]) expect(text).not.toContain(secret);
  });

  test('a second run moves nothing', async () => {
    await migrate();
    const after = await snapshot(prefix);
    const again = await migrate();
    expect([total(again, 'moved'), total(again, 'finished'), total(again, 'conflicts')]).toEqual([0, 0, 0]);
    expect(await snapshot(prefix)).toEqual(after);
  });

  test('a run that stopped after copying some keys is finished by the next, without conflicts', async () => {
    // The crash: RESTORE done, DEL not.
    const copied = [`conv:${desk.conversationId}`, `msg:${desk.messageIds[0]}`, `cust:${desk.customerId}`, `agent:${desk.agentId}`];
    for (const k of copied) await redis.restore(newNameOf(k), 0, (await redis.dumpBuffer(k))!);
    const report = await migrate();
    expect(report.conflicts).toEqual([]);
    expect(total(report, 'finished')).toBe(copied.length);
    expect(await Promise.all(copied.map((k) => redis.exists(k)))).toEqual([0, 0, 0, 0]);
    expect((await new RedisConversationStore(redis).listMessages(desk.conversationId)).map((m) => m.text)).toEqual(desk.texts);
  });

  test('a key whose new name already holds something else is reported as a conflict and both are left as they were', async () => {
    const oldName = `cust:${desk.customerId}`;
    await redis.hset(newNameOf(oldName), { createdAt: '1', name: 'Someone else' });
    const report = await migrate();
    expect(report.conflicts).toEqual([{ kind: 'customer', oldName, newName: newNameOf(oldName) }]);
    expect(await redis.hget(oldName, 'name')).toBe('Asha');
    expect(await redis.hgetall(newNameOf(oldName))).toEqual({ createdAt: '1', name: 'Someone else' });
    expect(formatReport(report)).toMatch(/1 old key kept: the new name already holds something else/);
    expect(formatReport(report)).not.toContain(desk.customerId);
    expect(formatReport(report, { listConflicts: true })).toContain(`${oldName} -> ${newNameOf(oldName)}`);
  });

  test('the start-up check finds the old keys before the migration and nothing after', async () => {
    const before = await findOldKeys(redis, prefix);
    expect(before.unmoved.get('conversation')).toBe(2);
    expect(oldKeysRefusal(before, prefix)).toContain('npm run migrate:keys -- --dry-run');
    await migrate();
    const after = await findOldKeys(redis, prefix);
    expect([after.unmoved.size, after.conflicts]).toEqual([0, 0]);
    expect(oldKeysRefusal(after, prefix)).toBeUndefined();
  });

  test('a conflict left by a migration does not stop a start', async () => {
    const oldName = `cust:${desk.customerId}`;
    await redis.hset(newNameOf(oldName), { createdAt: '1' });
    await migrate();
    expect(await findOldKeys(redis, prefix)).toEqual({ unmoved: new Map(), conflicts: 1 });
  });

  test('npm run migrate:keys -- --dry-run prints the counts per kind, then the run moves them', async () => {
    const env = { REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix };
    const dry = await runCli('src/cli/migrateKeys.ts', ['--dry-run', '--batch', '50'], env);
    expect([dry.code, dry.stdout]).toEqual([0, expect.stringMatching(/conversation +conv:<id> -> conv:\{<id>\}: 2 would move[\s\S]*Nothing was changed \(dry run\)/)]);
    expect(await redis.exists(`conv:${desk.conversationId}`)).toBe(1);
    const run = await runCli('src/cli/migrateKeys.ts', [], env);
    expect([run.code, run.stdout]).toEqual([0, expect.stringContaining(`Total: ${desk.keys.length - 2} keys moved, 2 left to expire.`)]);
    expect(await redis.exists(`conv:${desk.conversationId}`)).toBe(0);
  });

  test('the server refuses to start on old keys and names the command to run', async () => {
    const { code, stderr } = await runCli('src/main.ts', [], { REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix, PORT: '0' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Baton cannot start: this Redis holds data under the key names of a Baton from before Redis Cluster support[\s\S]*npm run migrate:keys -- --dry-run\n {2}npm run migrate:keys\n/);
  });
});

test('npm run migrate:keys against a Redis that does not answer says which one, why, and that nothing changed', async () => {
  const { code, stderr } = await runCli('src/cli/migrateKeys.ts', ['--dry-run'], { REDIS_URL: 'redis://127.0.0.1:1' });
  expect(code).toBe(1);
  expect(stderr).toMatch(/migrate:keys: cannot reach redis:\/\/127\.0\.0\.1:1 \(connect ECONNREFUSED 127\.0\.0\.1:1\)\. Start that Redis[^\n]*Nothing was changed\.\n$/);
  expect(stderr).not.toMatch(/"level"|maxRetriesPerRequest/);
});
