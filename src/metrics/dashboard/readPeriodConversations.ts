import type { ConversationStore } from '../../conversations/conversationStore';
import type { Conversation } from '../../conversations/types';

export interface ReadPeriodOptions {
  /** Never read more than this many conversations (default 50,000). */
  cap?: number;
  /** First read size; each further read asks for four times as many (default 1,000). */
  firstRead?: number;
  /**
   * Slack (default 24 hours) for clocks of different instances and for messages stamped with the platform's (possibly older) time: reading stops only once the oldest
   * conversation read was last updated more than this long before `from`.
   */
  clockSkewMs?: number;
}

export interface PeriodConversations {
  conversations: Conversation[];
  /** How many conversations were read from the store. */
  scanned: number;
  /** True when the cap was reached while older conversations could still belong to the period. */
  truncated: boolean;
}

export const DEFAULT_DASHBOARD_CAP = 50_000;

/**
 * Every stored conversation that may belong to a period starting at `from`.
 *
 * The store lists conversations newest-updated first and offers no cursor, so this asks for a
 * growing number (1k, 4k, 16k… up to the cap) until it can stop. It stops early only when that is
 * provably safe: a conversation's `updatedAt` is never before its `createdAt` (every write stamps
 * updatedAt with the time of the write, the first write being the creation), so once the oldest
 * conversation read was last updated before `from` (minus the clock slack), every conversation after
 * it in the list was both updated and created before `from` and cannot be in the period.
 */
export async function readPeriodConversations(
  store: Pick<ConversationStore, 'list'>,
  from: number,
  opts: ReadPeriodOptions = {},
): Promise<PeriodConversations> {
  const cap = opts.cap ?? DEFAULT_DASHBOARD_CAP;
  const skew = opts.clockSkewMs ?? 86_400_000;
  let limit = Math.min(opts.firstRead ?? 1_000, cap);
  for (;;) {
    // One more than the limit tells "exactly `limit` stored" from "more stored".
    const page = await store.list({ limit: limit + 1 });
    const more = page.length > limit;
    const read = more ? page.slice(0, limit) : page;
    const oldest = read[read.length - 1];
    const pastPeriod = oldest !== undefined && oldest.updatedAt < from - skew;
    if (!more || pastPeriod) return { conversations: read, scanned: read.length, truncated: false };
    if (limit >= cap) return { conversations: read, scanned: read.length, truncated: true };
    limit = Math.min(limit * 4, cap);
  }
}
