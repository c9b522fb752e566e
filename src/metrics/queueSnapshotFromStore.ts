import type { ConversationStore } from '../conversations/conversationStore';
import type { QueueSnapshot, QueueSnapshotRow } from './metrics';

/**
 * A queue snapshot for the Prometheus gauges, read from the conversation store: for each team, how
 * many conversations wait in its queue and when the longest-waiting one was queued. Both come from
 * the store's list indexes (a count and the smallest queued time): no conversation is read, however
 * long the queues are.
 */
export function queueSnapshotFromStore(store: Pick<ConversationStore, 'queueStats'>, teams: () => string[] | Promise<string[]>): QueueSnapshot {
  return async () => {
    const rows: QueueSnapshotRow[] = [];
    for (const team of await teams()) {
      const { length, oldestQueuedAt } = await store.queueStats(team);
      rows.push({ team, length, ...(oldestQueuedAt !== undefined ? { oldestQueuedAt } : {}) });
    }
    return rows;
  };
}
