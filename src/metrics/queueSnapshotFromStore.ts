import type { ConversationStore } from '../conversations/conversationStore';
import type { QueueSnapshot, QueueSnapshotRow } from './metrics';

/**
 * A queue snapshot for the Prometheus gauges, read from the conversation store: for each team, how
 * many conversations wait in its queue and when the longest-waiting one was queued.
 *
 * The store exposes queues only as ordered ids (priority first, then waiting time), so the oldest
 * is found by reading each queued conversation's `queuedAt`. At most `maxPerTeam` ids are read per
 * team (default 1,000): beyond that, `length` stops at the cap and the oldest wait is among those
 * read. A store method returning (count, oldest queuedAt) per team would make this exact and cheap.
 */
export function queueSnapshotFromStore(
  store: Pick<ConversationStore, 'queue' | 'get'>,
  teams: () => string[] | Promise<string[]>,
  opts: { maxPerTeam?: number } = {},
): QueueSnapshot {
  const max = opts.maxPerTeam ?? 1_000;
  return async () => {
    const rows: QueueSnapshotRow[] = [];
    for (const team of await teams()) {
      const ids = await store.queue(team, max);
      const queued = await Promise.all(ids.map((id) => store.get(id)));
      const times = queued.map((c) => c?.queuedAt).filter((t): t is number => t !== undefined);
      rows.push({ team, length: ids.length, ...(times.length ? { oldestQueuedAt: Math.min(...times) } : {}) });
    }
    return rows;
  };
}
