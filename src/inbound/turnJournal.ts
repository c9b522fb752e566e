import type Redis from 'ioredis';

/**
 * Whether a customer message's turn has finished, kept in Redis next to its lane:
 * `inbox:turn:{lane:<channel>:<address>}:<platform message id>`, a hash with
 * - `stage`: `started` (the turn began and may have been cut short) or `done`;
 * - `botState`: the bot's state before the turn, so a turn run again starts from where the first
 *   run started (and answers the same way) even if the first run saved a newer state.
 * A redelivered or reclaimed event whose turn is not `done` runs again; one that is `done` is not.
 *
 * A finished turn's record is deleted rather than kept as `done`: an event that comes back after it
 * finds its message on the transcript already (the conversation's platform-id de-duplication) and is
 * not answered again, so the record would only cost a key per customer message for its whole TTL.
 */
export type TurnStage = 'started' | 'done' | 'unknown';

/** KEYS: the turn. ARGV: ttl (s). Marks it started unless known; returns the stage it had. */
const BEGIN = `
local before = redis.call('HGET', KEYS[1], 'stage')
if not before then redis.call('HSET', KEYS[1], 'stage', 'started') end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return before
`;

/** KEYS: the turn. ARGV: the bot state now. Keeps it unless one is kept already; returns the kept one. */
const KEEP_BOT_STATE = `
if redis.call('HSETNX', KEYS[1], 'botState', ARGV[1]) == 1 then return ARGV[1] end
local kept = redis.call('HGET', KEYS[1], 'botState')
-- The field exists (HSETNX said so): a false here is the embedded store reading '' as nil.
if not kept then return '' end
return kept
`;

type JournalRedis = Redis & {
  batonTurnBegin(key: string, ttl: number): Promise<string | null>;
  batonTurnKeepBotState(key: string, state: string): Promise<string | null>;
};

/** One script call per step (each a single key, so one slot on Cluster too), sent with the other commands of the moment. */
export class TurnJournal {
  private readonly r: JournalRedis;

  constructor(
    redis: Redis,
    private readonly ttlSeconds: number,
  ) {
    this.r = redis as JournalRedis;
    if (typeof this.r.batonTurnBegin !== 'function') {
      redis.defineCommand('batonTurnBegin', { numberOfKeys: 1, lua: BEGIN });
      redis.defineCommand('batonTurnKeepBotState', { numberOfKeys: 1, lua: KEEP_BOT_STATE });
    }
  }

  private key(channel: string, customerAddress: string, platformMessageId: string): string {
    return `inbox:turn:{lane:${channel}:${customerAddress}}:${platformMessageId}`;
  }

  /** Marks the turn started unless it is already known; returns the stage it was in before. */
  async begin(channel: string, address: string, pid: string): Promise<TurnStage> {
    const before = await this.r.batonTurnBegin(this.key(channel, address, pid), this.ttlSeconds);
    return before === 'started' || before === 'done' ? before : 'unknown';
  }

  /** Keeps the bot's state as it was before the turn (first call wins); returns the kept state ('' = none). */
  async botStateBefore(channel: string, address: string, pid: string, current: string | null): Promise<string> {
    const kept = await this.r.batonTurnKeepBotState(this.key(channel, address, pid), current ?? '');
    return kept ?? current ?? '';
  }

  /** The turn finished: its record goes (begin() then reports `unknown`, and the transcript tells the turn ran). */
  async finish(channel: string, address: string, pid: string): Promise<void> {
    await this.r.del(this.key(channel, address, pid));
  }
}
