import type { LiveEventEnvelope } from '../shared/types';

/**
 * Fan-out of the one event stream to the parts of the console that care (lists, the open
 * conversation). `resync` means "you may have missed events: refetch".
 */
export type LiveSignal = { kind: 'event'; envelope: LiveEventEnvelope } | { kind: 'resync' };

const listeners = new Set<(signal: LiveSignal) => void>();

export function subscribeLive(listener: (signal: LiveSignal) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publishLive(signal: LiveSignal): void {
  for (const l of [...listeners]) l(signal);
}
