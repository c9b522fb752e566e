import type { LiveEvent, LiveEventEnvelope } from './types';

/**
 * The live event stream (SSE) with the states an agent must see: connecting, open, lost.
 * EventSource reconnects by itself after a dropped connection (CONNECTING); when the browser gives
 * up (CLOSED: a non-200 answer, a wrong content type) this module opens a new one with back-off.
 * Each time the stream opens (the first time too) `onReconnected` fires, so callers refetch what
 * they may have missed before it was live.
 */

export type StreamStatus = 'connecting' | 'open' | 'lost';

export const LIVE_EVENT_TYPES: readonly LiveEvent['type'][] = [
  'conversation.escalated',
  'conversation.assigned',
  'conversation.status',
  'message.created',
  'message.status',
  'agent.presence',
  'followup.opened',
];

export interface StreamHandlers {
  onEvent(envelope: LiveEventEnvelope): void;
  onStatus(status: StreamStatus): void;
  onReconnected(): void;
  /** Called before a manual reconnect; reject (e.g. session expired) to stop retrying. */
  beforeRetry?: () => Promise<void>;
}

export interface StreamOptions {
  url: string;
  /** Back-off for manual reconnects, ms. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The envelope from an SSE `data:` line; a bare event is tolerated; anything else is dropped. */
export function parseEnvelope(data: string): LiveEventEnvelope | null {
  let v: unknown;
  try {
    v = JSON.parse(data);
  } catch {
    return null;
  }
  if (isObject(v) && isObject(v.event) && typeof v.event.type === 'string') return v as unknown as LiveEventEnvelope;
  if (isObject(v) && typeof v.type === 'string') return { id: '', at: new Date().toISOString(), event: v as unknown as LiveEvent };
  return null;
}

/** Opens the stream; returns a function that closes it for good. */
export function openEventStream(opts: StreamOptions, handlers: StreamHandlers): () => void {
  const minDelay = opts.minDelayMs ?? 1000;
  const maxDelay = opts.maxDelayMs ?? 15000;
  let source: EventSource | null = null;
  let stopped = false;
  let hadTrouble = false;
  let delay = minDelay;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let lastEventId = '';

  const onNamed = (e: Event) => {
    const me = e as MessageEvent<string>;
    if (me.lastEventId) lastEventId = me.lastEventId;
    const env = parseEnvelope(me.data);
    if (env) handlers.onEvent(env);
  };

  const scheduleRetry = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(async () => {
      retryTimer = undefined;
      if (stopped) return;
      try {
        await handlers.beforeRetry?.();
      } catch {
        stopped = true;
        return;
      }
      delay = Math.min(delay * 2, maxDelay);
      connect();
    }, delay);
  };

  const connect = () => {
    handlers.onStatus(hadTrouble ? 'lost' : 'connecting');
    // A new EventSource forgets Last-Event-ID: resume with the query parameter instead.
    const url = lastEventId ? `${opts.url}${opts.url.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastEventId)}` : opts.url;
    const es = new EventSource(url, { withCredentials: true });
    source = es;
    for (const t of LIVE_EVENT_TYPES) es.addEventListener(t, onNamed);
    es.addEventListener('message', onNamed);
    es.addEventListener('open', () => {
      if (source !== es) return;
      delay = minDelay;
      handlers.onStatus('open');
      // Also on the first open: events between the lists' first fetch and this moment were not
      // streamed to us, so callers refetch once the stream is live.
      hadTrouble = false;
      handlers.onReconnected();
    });
    es.addEventListener('error', () => {
      if (source !== es || stopped) return;
      hadTrouble = true;
      handlers.onStatus('lost');
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        scheduleRetry();
      }
    });
  };

  connect();
  return () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    source?.close();
    source = null;
  };
}
