import Redis from 'ioredis';
import { createLogger } from '../../../src/logger';
import { connectRedis, type RedisConnection } from '../../../src/store/redisConnection';
import { cleanRedisDirs, describeWithRedisServer, startSentinelSet, type SentinelSet } from '../../support/redisServers';

/**
 * The failover announced while Baton's clients are still asking a sentinel where the master is,
 * forced in order instead of left to the machine's speed: the first sentinel the clients ask is
 * frozen (it takes their question and answers nothing), the master is killed, the two other
 * sentinels fail it over and announce +switch-master, and only then the frozen sentinel answers.
 * On a loaded machine this is what happens by itself when a sentinel is slow to answer during a
 * failover. The clients must end up talking to the new master, however long that answer took.
 */

jest.setTimeout(90_000);

const CHANNEL = 'baton-reconnect:ping';

async function eventually<T>(what: string, attempt: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`${what} within ${timeoutMs} ms; last error: ${(last as Error).message}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Resolves when ioredis says the client watches the sentinels for +switch-master (or after 5 s). */
function watchingSentinels(client: Redis): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 5000);
    client.once('failoverSubscribed', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describeWithRedisServer('a Sentinel failover announced while the clients wait for a sentinel to name the master', () => {
  let set: SentinelSet;
  let connection: RedisConnection;
  let subscriber: Redis;
  let watcher: Redis;
  const received: string[] = [];

  beforeAll(async () => {
    set = await startSentinelSet('batonreconnect');
    watcher = new Redis({ host: set.sentinels[1]!.host, port: set.sentinels[1]!.port });
    watcher.on('error', () => undefined);
    let announced: () => void = () => undefined;
    const switched = new Promise<void>((resolve) => (announced = resolve));
    watcher.on('message', () => announced());
    await watcher.subscribe('+switch-master');

    connection = connectRedis({
      sentinels: set.sentinels,
      sentinelName: set.name,
      keyPrefix: 'baton-reconnect:',
      logger: createLogger('error'),
      commandTimeoutMs: 1000,
      // The frozen sentinel must still hold the lookup when the failover is announced.
      sentinelLookupTimeoutMs: 60_000,
    });
    const clientWatching = watchingSentinels(connection.client);
    subscriber = connection.duplicate();
    const subscriberWatching = watchingSentinels(subscriber);
    subscriber.on('message', (_channel: string, message: string) => received.push(message));
    await subscriber.subscribe(CHANNEL);
    await connection.client.set('k', 'before');
    expect(await connection.health()).toEqual({ ok: true });
    await Promise.all([clientWatching, subscriberWatching]);
    // The replica has what was written (Baton's epoch key among it) before the master dies.
    const replica = set.replica.client();
    await eventually('the replica never got the writes', async () => {
      const [k, epoch] = await replica.mget('baton-reconnect:k', 'baton-reconnect:store:epoch');
      if (k !== 'before' || !epoch) throw new Error('not replicated yet');
    });
    replica.disconnect();

    // The clients ask sentinels[0] first (it named the master when they connected).
    set.freezeSentinel(0);
    await set.master.kill();
    await switched;
    // The clients' own subscriptions to the sentinels get the same announcement.
    await new Promise((r) => setTimeout(r, 1000));
    set.thawSentinel(0);
  }, 90_000);

  afterAll(async () => {
    watcher?.disconnect();
    await connection?.close();
    await set?.stop();
    cleanRedisDirs();
  });

  it('writes again on the new master', async () => {
    await eventually('no write succeeded', () => connection.client.set('k', 'after'));
    expect(await set.currentMasterPort()).toBe(set.replica.port);
    const direct = set.replica.client();
    try {
      expect(await direct.get('baton-reconnect:k')).toBe('after');
    } finally {
      direct.disconnect();
    }
  });

  it('delivers what is published to a subscriber opened before the failover', async () => {
    // Published straight on the new master, so only the subscriber's own recovery is tested.
    const publisher = set.replica.client();
    try {
      await eventually('the subscriber received nothing', async () => {
        const text = `after-${Date.now()}`;
        await publisher.publish(CHANNEL, text);
        await new Promise((r) => setTimeout(r, 200));
        if (!received.includes(text)) throw new Error(`not received (subscriber status: ${subscriber.status})`);
      });
    } finally {
      publisher.disconnect();
    }
  });

  it('reports ready', async () => {
    await eventually('not ready', async () => {
      const health = await connection.health();
      if (!health.ok) throw new Error(health.reason);
    });
  });
});

describeWithRedisServer('a Sentinel failover while the first sentinel the clients ask is frozen', () => {
  let set: SentinelSet;
  let connection: RedisConnection;
  let killedAt = 0;

  beforeAll(async () => {
    set = await startSentinelSet('batonfrozen');
    connection = connectRedis({
      sentinels: set.sentinels,
      sentinelName: set.name,
      keyPrefix: 'baton-frozen:',
      logger: createLogger('error'),
      commandTimeoutMs: 1000,
    });
    await connection.client.set('k', 'before');
    set.freezeSentinel(0);
    killedAt = Date.now();
    await set.master.kill();
  }, 60_000);

  afterAll(async () => {
    set?.thawSentinel(0);
    await connection?.close();
    await set?.stop();
    cleanRedisDirs();
  });

  it('writes on the new master the other sentinels elected, within 15 s of the kill', async () => {
    await eventually('no write succeeded', () => connection.client.set('k', 'after'), 15_000 - (Date.now() - killedAt));
    expect(await set.currentMasterPort(1)).toBe(set.replica.port);
  });
});
