import type { ConversationStore } from '../conversations/conversationStore';
import type { ChannelEvent } from '../conversations/types';
import { BatonError } from '../errors';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';
import type { InboundQueue, QueuedEvent } from './inboundQueue';

export type Ingest = (events: ChannelEvent[], ctx: { requestId: string }) => Promise<void>;

/**
 * What every channel's webhook hands its verified events to. Resolves once they are durably
 * accepted (so the webhook can be acknowledged); the work itself continues in the background.
 * Delivery receipts are applied at once (they are idempotent and only move forward); everything
 * else goes into the customer's ordered lane.
 */
export interface IngestDeps {
  queue: InboundQueue;
  store: ConversationStore;
  logger: Logger;
  metrics?: Metrics;
  /** Resolves false when the events just written have not reached the replicas they must reach. */
  waitForReplicas?: () => Promise<boolean>;
}

export function createIngest(deps: IngestDeps): Ingest {
  return async (events, ctx) => {
    const queued: QueuedEvent[] = [];
    for (const e of events) {
      if (e.kind === 'status') {
        const r = await deps.store.updateStatusByPlatformId(
          e.channel,
          e.platformMessageId,
          e.status,
          e.errorCode ? { code: e.errorCode, message: e.errorMessage } : undefined,
          e.messageId,
        );
        if (e.status === 'failed' || e.status === 'undelivered') {
          deps.metrics?.sendFailure(e.channel, e.errorCode ?? 'unknown');
          deps.logger.warn('platform reports a failed delivery', {
            requestId: ctx.requestId,
            channel: e.channel,
            platformCode: e.errorCode,
            outcome: r.outcome,
          });
        }
      } else queued.push(e);
    }
    if (queued.length === 0) return;
    const { accepted, duplicates } = await deps.queue.enqueue(queued);
    // Acknowledge only what a failover cannot lose: the platform retries a 503, and the retry is
    // either de-duplicated (the event survived) or accepted again (it was lost with the old master).
    if (accepted > 0 && deps.waitForReplicas && !(await deps.waitForReplicas())) {
      throw new BatonError('STORE_UNAVAILABLE', 'The event was written but no replica confirmed it in time; retry the delivery');
    }
    const channel = queued[0]!.channel;
    if (accepted > 0) deps.metrics?.webhook(channel, 'accepted');
    if (duplicates > 0) {
      deps.metrics?.webhook(channel, 'duplicate');
      deps.logger.info('retried delivery dropped', { requestId: ctx.requestId, duplicates });
    }
  };
}
