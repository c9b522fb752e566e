import type Redis from 'ioredis';

/** What the inbox needs from a Redis connection: a command client and a way to open a subscriber. */
export interface RedisLike {
  client: Redis;
  duplicate(): Redis;
  /** The in-process emulation (ioredis-mock), whose stream ids need help (see RedisEventBus). */
  embedded?: boolean;
}

/** The key prefix a client writes under ('' when none): pub/sub channels are not prefixed by ioredis. */
export function keyPrefixOf(client: Redis): string {
  return (client.options as { keyPrefix?: string } | undefined)?.keyPrefix ?? '';
}

/** JSON.parse that returns undefined instead of throwing (data written by another version, or corrupt). */
export function parseJson<T>(raw: string | null | undefined): T | undefined {
  if (raw === null || raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}
