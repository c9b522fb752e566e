import { connectRedis, type RedisConnection } from '../../../src/store/redisConnection';
import { createLogger } from '../../../src/logger';
import { cleanRedisDirs, describeWithRedisServer, startRedisServer, type RedisServer } from '../../support/redisServers';

/**
 * A webhook is acknowledged only once a replica holds its event (WAIT). With REDIS_WAIT_REPLICAS=auto
 * Baton waits while a replica exists; when the replica it counted is gone it must stop waiting instead
 * of refusing every webhook. A fixed number of replicas is a promise the operator asked for: it stays.
 */

jest.setTimeout(60_000);

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeWithRedisServer('waiting for a replica before acknowledging', () => {
  let master: RedisServer;
  let replica: RedisServer;
  const open: RedisConnection[] = [];
  const connect = (waitReplicas: 'auto' | number) => {
    const c = connectRedis({ url: master.url, keyPrefix: 'baton-wait:', logger: createLogger('error'), waitReplicas, waitTimeoutMs: 300 });
    open.push(c);
    return c;
  };

  beforeEach(async () => {
    master = await startRedisServer(['--repl-diskless-sync-delay', '0']);
    replica = await startRedisServer(['--replicaof', '127.0.0.1', String(master.port)]);
    const probe = master.client();
    // Connected is not enough: a replica still in its first full sync cannot acknowledge a WAIT.
    await eventually(async () => /slave0:.*state=online/.test(await probe.info('replication')), 30_000);
    probe.disconnect();
  });

  afterEach(async () => {
    for (const c of open.splice(0)) await c.close();
    await replica.kill();
    await master.kill();
    cleanRedisDirs();
  });

  it('confirms a write once the replica has it', async () => {
    const redis = connect('auto');
    await eventually(async () => (await redis.client.set('k', '1')) === 'OK', 5_000);
    await eventually(() => redis.waitForReplicas(), 15_000);
    expect(await redis.waitForReplicas()).toBe(true);
  });

  it('stops waiting in auto mode when the only replica has died', async () => {
    const redis = connect('auto');
    await redis.client.set('k', '1');
    await eventually(() => redis.waitForReplicas(), 15_000);
    await replica.kill();
    await eventually(async () => !/connected_slaves:1/.test(await redis.client.info('replication')), 10_000);
    await redis.client.set('k', '2');
    expect(await redis.waitForReplicas()).toBe(true);
  });

  it('refuses to confirm when a fixed number of replicas was asked for and none answers', async () => {
    const redis = connect(1);
    await redis.client.set('k', '1');
    await replica.kill();
    await eventually(async () => !/connected_slaves:1/.test(await redis.client.info('replication')), 10_000);
    await redis.client.set('k', '2');
    expect(await redis.waitForReplicas()).toBe(false);
  });
});
