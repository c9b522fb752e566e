import type Redis from 'ioredis';
import { RedisConversationStore } from '../../../src/conversations/redisConversationStore';
import { RedisCustomerStore } from '../../../src/identity/redisCustomerStore';
import { AgentStore } from '../../../src/inbox/agents/agentStore';
import { RedisAuditLog } from '../../../src/inbox/audit/redisAuditLog';
import { findOldKeys, migrateKeys } from '../../../src/migrations/migrateKeys';
import { writePreviousVersionDesk } from '../../support/previousVersionKeys';
import { uniquePrefix } from '../../support/redis';
import { describeWithRedisCluster, useRedisCluster } from '../../support/redisServers';

/**
 * The key migration on a real Redis Cluster (3 masters, 3 replicas): old keys on every master move
 * across slots to their new names, and today's stores read the desk back through the cluster.
 */

jest.setTimeout(90_000);

describeWithRedisCluster('migrating the key names of an earlier Baton on a Redis Cluster', () => {
  const cluster = useRedisCluster();

  test('keys on every master move across slots, and today\'s stores read the conversation, its transcript, its customer and an agent', async () => {
    const prefix = uniquePrefix('keymig');
    const client = cluster().client(prefix);
    try {
      const desk = await writePreviousVersionDesk(client);
      const before = await cluster().keysByMaster(prefix);
      expect([...before.values()].filter((keys) => keys.length > 0)).toHaveLength(3);

      const report = await migrateKeys({ client, prefix, batch: 10 });
      expect(report.conflicts).toEqual([]);
      expect([...report.byKind.values()].reduce((s, c) => s + c.moved, 0)).toBe(desk.keys.length - 2);
      expect(await findOldKeys(client, prefix)).toEqual({ unmoved: new Map(), conflicts: 0 });

      const redis = client as unknown as Redis;
      const conversations = new RedisConversationStore(redis);
      expect(await conversations.findByAddress('whatsapp', desk.address)).toMatchObject({ id: desk.conversationId, customerId: desk.customerId });
      expect((await conversations.listMessages(desk.conversationId)).map((m) => m.text)).toEqual(desk.texts);
      expect(await new RedisCustomerStore(redis, { audit: new RedisAuditLog(redis) }).findByAddress('whatsapp', desk.address)).toMatchObject({ id: desk.customerId, name: 'Asha' });
      expect(await new AgentStore(redis, { scryptCost: { N: 1024, r: 8, p: 1 } }).verifyPassword(desk.agentEmail, desk.agentPassword)).toMatchObject({ id: desk.agentId });
      expect(await client.pttl(`session:{sessions}:${'a'.repeat(64)}`)).toBeGreaterThan(8 * 3600_000 - 60_000);
    } finally {
      await cluster().deletePrefix(prefix);
      client.disconnect();
    }
  });

  test('a migrated conversation is removed whole (retention), its old messages\' keys in their own slots too', async () => {
    const prefix = uniquePrefix('keymig');
    const client = cluster().client(prefix);
    try {
      const desk = await writePreviousVersionDesk(client);
      await migrateKeys({ client, prefix });
      await new RedisConversationStore(client as unknown as Redis).remove(desk.conversationId);
      const left = await Promise.all(
        [`conv:{${desk.conversationId}}`, `conv:{${desk.conversationId}}:msgs`, ...desk.messageIds.map((m) => `msg:{${m}}:${m}`), ...['1', '2', '3'].map((n) => `msg:pid:{whatsapp:SMold0000000000000000000000000000${n}}`)].map(
          async (k) => ((await client.exists(k)) ? k : undefined),
        ),
      );
      expect(left.filter(Boolean)).toEqual([]);
    } finally {
      await cluster().deletePrefix(prefix);
      client.disconnect();
    }
  });
});
