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

export class TurnJournal {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
  ) {}

  private key(channel: string, customerAddress: string, platformMessageId: string): string {
    return `inbox:turn:{lane:${channel}:${customerAddress}}:${platformMessageId}`;
  }

  /** Marks the turn started unless it is already known; returns the stage it was in before. */
  async begin(channel: string, address: string, pid: string): Promise<TurnStage> {
    const key = this.key(channel, address, pid);
    const [[, before]] = (await this.redis.multi().hget(key, 'stage').hsetnx(key, 'stage', 'started').expire(key, this.ttlSeconds).exec()) as [[unknown, string | null]];
    return before === 'started' || before === 'done' ? before : 'unknown';
  }

  /** Keeps the bot's state as it was before the turn (first call wins); returns the kept state ('' = none). */
  async botStateBefore(channel: string, address: string, pid: string, current: string | null): Promise<string> {
    const key = this.key(channel, address, pid);
    const [, [, kept]] = (await this.redis.multi().hsetnx(key, 'botState', current ?? '').hget(key, 'botState').exec()) as [unknown, [unknown, string | null]];
    return kept ?? current ?? '';
  }

  /** The turn finished: its record goes (begin() then reports `unknown`, and the transcript tells the turn ran). */
  async finish(channel: string, address: string, pid: string): Promise<void> {
    await this.redis.del(this.key(channel, address, pid));
  }
}
