import RedisMock from 'ioredis-mock';
import type Redis from 'ioredis';
import { RedisConversationStore } from '../../../src/conversations/redisConversationStore';
import { Metrics } from '../../../src/metrics/metrics';
import { queueSnapshotFromStore } from '../../../src/metrics/queueSnapshotFromStore';

const NOW = Date.UTC(2025, 2, 6, 12);

async function queued(store: RedisConversationStore, address: string, team: string, queuedAt: number, priority: 'normal' | 'urgent') {
  const { conversation } = await store.findOrOpen({ channel: 'whatsapp', customerAddress: address, at: queuedAt });
  await store.transition(conversation.id, { from: ['bot'], to: 'queued', set: { team, queuedAt, escalatedAt: queuedAt, priority } });
}

describe('queueSnapshotFromStore', () => {
  let redis: Redis;
  let store: RedisConversationStore;

  beforeEach(async () => {
    redis = new RedisMock({ keyPrefix: `qs${Math.random()}:` }) as unknown as Redis;
    await redis.flushall();
    store = new RedisConversationStore(redis, () => NOW);
  });
  afterEach(() => redis.disconnect());

  test('gives each team its queue length and the oldest queuedAt, whatever the priority order', async () => {
    await queued(store, 'a', 'care', NOW - 60_000, 'urgent');
    await queued(store, 'b', 'care', NOW - 600_000, 'normal');
    const snapshot = queueSnapshotFromStore(store, () => ['care', 'sales']);
    expect(await snapshot()).toEqual([
      { team: 'care', length: 2, oldestQueuedAt: NOW - 600_000 },
      { team: 'sales', length: 0 },
    ]);
  });

  test('feeds the Prometheus queue gauges', async () => {
    await queued(store, 'a', 'care', NOW - 120_000, 'normal');
    const metrics = new Metrics({ defaultMetrics: false, clock: () => NOW, queueSnapshot: queueSnapshotFromStore(store, () => ['care']) });
    const text = await metrics.scrape();
    expect(text).toContain('baton_queue_length{team="care"} 1');
    expect(text).toContain('baton_queue_oldest_wait_seconds{team="care"} 120');
  });
});
