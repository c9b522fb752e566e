import type { ConversationStore } from '../conversations/conversationStore';
import type { ChannelEvent } from '../conversations/types';
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
export function createIngest(deps: { queue: InboundQueue; store: ConversationStore; logger: Logger; metrics?: Metrics }): Ingest {
  return async (events, ctx) => {
    const queued: QueuedEvent[] = [];
    for (const e of events) {
      if (e.kind === 'status') {
        const r = await deps.store.updateStatusByPlatformId(
          e.channel,
          e.platformMessageId,
          e.status,
          e.errorCode ? { code: e.errorCode, message: e.errorMessage } : undefined,
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
    const channel = queued[0]!.channel;
    if (accepted > 0) deps.metrics?.webhook(channel, 'accepted');
    if (duplicates > 0) {
      deps.metrics?.webhook(channel, 'duplicate');
      deps.logger.info('retried delivery dropped', { requestId: ctx.requestId, duplicates });
    }
  };
}
