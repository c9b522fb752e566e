import Redis, { type RedisOptions } from 'ioredis';
import RedisMock from 'ioredis-mock';
import type { Logger } from '../logger';

/**
 * The store of record is Redis. Without REDIS_URL Baton runs on an embedded, in-process Redis
 * emulation (ioredis-mock): the same commands, Lua scripts and pub/sub, nothing kept after exit,
 * nothing shared with another process. Good for trying Baton out; never for production.
 */
export interface RedisConnection {
  /** Commands (auto-pipelined). */
  client: Redis;
  /** Opens a dedicated connection (pub/sub subscribers need their own). */
  duplicate(): Redis;
  embedded: boolean;
  close(): Promise<void>;
}

export function connectRedis(opts: { url?: string; keyPrefix: string; logger: Logger }): RedisConnection {
  const extra: Redis[] = [];
  if (!opts.url) {
    const client = new RedisMock({ keyPrefix: opts.keyPrefix }) as unknown as Redis;
    return {
      client,
      embedded: true,
      duplicate: () => {
        const d = (client as unknown as { duplicate(): Redis }).duplicate();
        extra.push(d);
        return d;
      },
      close: async () => {
        for (const d of extra) d.disconnect();
        client.disconnect();
      },
    };
  }
  const options: RedisOptions = {
    keyPrefix: opts.keyPrefix,
    enableAutoPipelining: true,
    maxRetriesPerRequest: 3,
    connectTimeout: 5000,
  };
  const client = new Redis(opts.url, options);
  let lastError = '';
  client.on('error', (err: Error) => {
    if (err.message !== lastError) opts.logger.error('redis connection error', { code: 'STORE_UNAVAILABLE', reason: err.message });
    lastError = err.message;
  });
  client.on('ready', () => {
    if (lastError) opts.logger.info('redis connection restored');
    lastError = '';
  });
  return {
    client,
    embedded: false,
    duplicate: () => {
      const d = client.duplicate();
      d.on('error', () => undefined);
      extra.push(d);
      return d;
    },
    close: async () => {
      await Promise.allSettled(extra.map((d) => d.quit()));
      await client.quit().catch(() => client.disconnect());
    },
  };
}
