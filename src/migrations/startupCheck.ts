import type { Config } from '../config';
import type { Logger } from '../logger';
import { connectRedisFromConfig } from '../store/redisConnection';
import { findOldKeys, type OldKeysFound } from './migrateKeys';

/** The command an operator runs (README, "Upgrading"). */
export const MIGRATE_COMMAND = 'npm run migrate:keys';

/** Why the server must not start on a store with keys under old names, with what to run. */
export function oldKeysRefusal(found: OldKeysFound, prefix: string): string | undefined {
  if (found.unmoved.size === 0) return undefined;
  const kinds = [...found.unmoved.keys()].sort().join(', ');
  return (
    `this Redis holds data under the key names of a Baton from before Redis Cluster support (prefix "${prefix}"; seen: ${kinds}). ` +
    'This version cannot see it: conversations, customers and agents would look lost, and new ones would be written beside them.\n' +
    `Stop every Baton instance, then run:\n  ${MIGRATE_COMMAND} -- --dry-run\n  ${MIGRATE_COMMAND}\nand start Baton again (README: "Upgrading from an earlier Baton").`
  );
}

/**
 * The start-up check (one short-lived connection, a few commands: src/migrations/migrateKeys.ts,
 * findOldKeys). Resolves the refusal message when old keys wait to be moved; logs a warning when
 * only conflicts a migration left remain, or when Redis could not be asked within `timeoutMs`
 * (the server then starts and reports not ready on its own if Redis stays away).
 */
export async function checkKeyNamesAtStart(config: Config, logger: Logger, timeoutMs = 5000): Promise<string | undefined> {
  const redis = connectRedisFromConfig(config, logger);
  let timer: NodeJS.Timeout | undefined;
  try {
    const found = await Promise.race([
      findOldKeys(redis.client, config.redisKeyPrefix),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
    ]);
    if (found.conflicts > 0) {
      logger.warn(`Redis still holds keys under old names whose new name is taken (conflicts ${MIGRATE_COMMAND} left): compare and delete them`, {
        code: 'OLD_KEY_NAMES',
        conflicts: found.conflicts,
      });
    }
    return oldKeysRefusal(found, config.redisKeyPrefix);
  } catch (err) {
    logger.warn('could not check Redis for key names of an earlier Baton', { code: 'OLD_KEY_NAMES', reason: (err as Error).message });
    return undefined;
  } finally {
    clearTimeout(timer);
    await redis.close().catch(() => undefined);
  }
}
