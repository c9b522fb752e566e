/**
 * Redis keys of the training inbox, without the connection's prefix: the one place they are built.
 * Every key carries the hash tag {training}, so they share one Redis Cluster slot: accepting an
 * item writes the review list and the catalog overlay in one MULTI, which a cluster allows only
 * within a slot. (The data is small and bounded: review items are capped and expire after 30 days.)
 */
const T = 'training:{training}';

export const TRAINING_KEYS = {
  /** Hash: review item id → ReviewItem JSON. */
  items: `${T}:items`,
  /** Sorted set: ids of pending review items, scored by when the message was written. */
  pending: `${T}:pending`,
  /** Sorted set: ids of every kept review item (any status), scored by when the message was written. */
  recent: `${T}:recent`,
  /** Hash: example id → OverlayExample JSON (examples accepted by reviewers). */
  examples: `${T}:overlay:examples`,
  /** Hash: intent id → OverlayIntent JSON (intents proposed by reviewers). */
  intents: `${T}:overlay:intents`,
  /** Counter: bumped on every overlay change; instances reload when theirs is behind. */
  version: `${T}:overlay:version`,
  /** String: ImpactReport JSON of the last reload, what the change would now answer. */
  impact: `${T}:impact`,
} as const;
