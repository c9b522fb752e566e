import path from 'node:path';
import { parseConfig } from '../../../src/config';
import { createDemoClock, createDemoRuntime, seedDemo } from '../../../src/demo/seedDemo';
import { createLogger } from '../../../src/logger';
import { findOldKeys, migrateKeys } from '../../../src/migrations/migrateKeys';
import { connectRedisFromConfig, type RedisConnection } from '../../../src/store/redisConnection';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';
import { defaultCatalog } from '../../support/testBaton';

/**
 * A desk today's Baton wrote (the demo month, played through its own services: conversations,
 * escalations, agents, canned answers, follow-ups, surveys, search, lists, dashboard) holds no key
 * the migration would touch, and the start-up check lets it start.
 */

const ROOT = path.join(__dirname, '../../..');

describeWithRedis('the key migration on a desk written by today\'s Baton', () => {
  const prefix = uniquePrefix('keymig-today');
  let redis: RedisConnection;

  beforeAll(async () => {
    const config = parseConfig({ NODE_ENV: 'test', REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix, PORT: '0' });
    const logger = createLogger('error');
    redis = connectRedisFromConfig(config, logger);
    const clock = createDemoClock();
    const runtime = createDemoRuntime({ config, logger, catalog: await defaultCatalog(), clock, redis, consoleDir: path.join(ROOT, 'dist/console') });
    await seedDemo(runtime, clock, { conversations: 24, seed: 11, concurrency: 4 });
    await runtime.start();
    await runtime.stop();
  }, 240_000);

  afterAll(async () => {
    await redis?.close();
    await deletePrefix(testRedisUrl, prefix);
  });

  test('a dry run finds no key under an old name among them', async () => {
    const report = await migrateKeys({ client: redis.client, prefix, dryRun: true });
    expect(report.scanned).toBeGreaterThan(500);
    expect([...report.byKind.entries()].filter(([, c]) => c.found > 0)).toEqual([]);
  });

  test('the start-up check finds nothing', async () => {
    expect(await findOldKeys(redis.client, prefix)).toEqual({ unmoved: new Map(), conflicts: 0 });
  });
});
