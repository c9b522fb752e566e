import type Redis from 'ioredis';
import type { EventBus, LiveEvent, LiveEventEnvelope } from '../contracts';
import type { Logger } from '../../logger';
import { keyPrefixOf, parseJson, type RedisLike } from '../redisLike';
import { compareStreamIds, millisecondsPart } from './streamIds';

export type LiveEventListener = (envelope: LiveEventEnvelope) => void;

/** Sessions that just ended (logout, agent disabled, password changed): their streams must close. */
export interface SessionsEnded {
  agentId: string;
  /** sha256 digests of the ended session tokens; absent = every session of the agent. */
  digests?: string[];
}
export type SessionsEndedListener = (ended: SessionsEnded) => void;

function isSessionsEnded(v: unknown): v is SessionsEnded {
  const e = v as SessionsEnded | undefined;
  return typeof e?.agentId === 'string' && (e.digests === undefined || (Array.isArray(e.digests) && e.digests.every((d) => typeof d === 'string')));
}

export interface EventBusOptions {
  /** Approximate number of events kept for resuming (XADD MAXLEN ~). */
  maxLength?: number;
}

const STREAM_KEY = 'events';
const FIELD = 'e';
const SEQ_KEY = 'events:seq';

/**
 * KEYS: the stream. ARGV: max length, the event body ({"at":…,"event":…}), the channel. Appends the
 * event and publishes its envelope (the body with the stream id first) in one round trip.
 */
const APPEND_AND_PUBLISH = `
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[2])
redis.call('PUBLISH', ARGV[3], '{"id":"' .. id .. '",' .. string.sub(ARGV[2], 2))
return id
`;

type BusRedis = Redis & { batonEventAppend(key: string, ...argv: string[]): Promise<string> };

function isEnvelope(v: unknown): v is LiveEventEnvelope {
  const e = v as LiveEventEnvelope | undefined;
  return typeof e?.id === 'string' && typeof e.at === 'number' && typeof e.event?.type === 'string';
}

/**
 * Live events for every instance: each one is appended to a Redis Stream (for resuming after a
 * reconnect) and published on a pub/sub channel (for now). One subscriber connection per
 * instance fans out to local listeners (the SSE streams of this process).
 */
/** Events the stream keeps by default for resuming (XADD MAXLEN ~). */
export const DEFAULT_EVENT_STREAM_MAX = 10_000;

export class RedisEventBus implements EventBus {
  private readonly client: Redis;
  private readonly channel: string;
  private readonly sessionsChannel: string;
  private readonly sessionListeners = new Set<SessionsEndedListener>();
  private readonly maxLength: number;
  private readonly listeners = new Set<LiveEventListener>();
  private subscriber: Redis | undefined;
  private subscribing: Promise<void> | undefined;

  constructor(
    private readonly connection: RedisLike,
    private readonly logger: Logger,
    options: EventBusOptions = {},
  ) {
    this.client = connection.client;
    // ioredis prefixes keys, not channels: add the prefix so two deployments on one Redis stay apart.
    this.channel = `${keyPrefixOf(this.client)}${STREAM_KEY}`;
    this.sessionsChannel = `${keyPrefixOf(this.client)}sessions:ended`;
    this.maxLength = options.maxLength ?? DEFAULT_EVENT_STREAM_MAX;
    if (!connection.embedded && typeof (this.client as BusRedis).batonEventAppend !== 'function') {
      this.client.defineCommand('batonEventAppend', { numberOfKeys: 1, lua: APPEND_AND_PUBLISH });
    }
  }

  async publish(event: LiveEvent): Promise<void> {
    await this.publishEnvelope(event);
  }

  /** Like publish, returning the envelope (with its stream id). */
  async publishEnvelope(event: LiveEvent): Promise<LiveEventEnvelope> {
    const at = Date.now();
    if (!this.connection.embedded) {
      const body = JSON.stringify({ at, event });
      const id = await (this.client as BusRedis).batonEventAppend(STREAM_KEY, String(this.maxLength), body, this.channel);
      return { id: String(id), at, event };
    }
    // The embedded store numbers '*' entries by stream length, which repeats once MAXLEN trims:
    // give it an increasing id of its own instead (it stores "N" as "N-0").
    const idArg = this.connection.embedded ? String(await this.client.incr(SEQ_KEY)) : '*';
    const id = await this.client.xadd(STREAM_KEY, 'MAXLEN', '~', String(this.maxLength), idArg, FIELD, JSON.stringify({ at, event }));
    const envelope: LiveEventEnvelope = { id: String(id), at, event };
    await this.client.publish(this.channel, JSON.stringify(envelope));
    return envelope;
  }

  /** Calls `listener` for every event published from now on by any instance; resolves once subscribed. */
  async subscribe(listener: LiveEventListener): Promise<() => void> {
    this.listeners.add(listener);
    await this.ensureSubscribed();
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Tells every instance that sessions ended, so they close those agents' open streams. */
  async publishSessionsEnded(ended: SessionsEnded): Promise<void> {
    await this.client.publish(this.sessionsChannel, JSON.stringify(ended));
  }

  /** Calls `listener` whenever any instance ends sessions; resolves once subscribed. */
  async onSessionsEnded(listener: SessionsEndedListener): Promise<() => void> {
    this.sessionListeners.add(listener);
    await this.ensureSubscribed();
    return () => {
      this.sessionListeners.delete(listener);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Events after `lastEventId` (exclusive), oldest first, at most `limit`. */
  async since(lastEventId: string, limit = 1000): Promise<LiveEventEnvelope[]> {
    const out: LiveEventEnvelope[] = [];
    let last = lastEventId;
    let count = Math.min(limit + 1, 1000);
    // XRANGE from the millisecond of `last` (inclusive on every backend) and drop what is not newer:
    // the exclusive "(id" form is not understood by the embedded store.
    for (;;) {
      const rows = await this.client.xrange(STREAM_KEY, millisecondsPart(last), '+', 'COUNT', count);
      const newer = rows.filter(([id]) => compareStreamIds(id, last) > 0);
      if (newer.length === 0 && rows.length === count) {
        count *= 2; // a page full of events from the same millisecond, all already seen
        continue;
      }
      for (const [id, fields] of newer) {
        const body = parseJson<{ at: number; event: LiveEvent }>(fields[fields.indexOf(FIELD) + 1]);
        if (body) out.push({ id, at: body.at, event: body.event });
      }
      if (out.length >= limit || rows.length < count || newer.length === 0) break;
      last = newer[newer.length - 1]![0];
    }
    return out.slice(0, limit);
  }

  /** The oldest event still kept, to tell whether a resume point has been trimmed away. */
  async oldestId(): Promise<string | null> {
    const rows = await this.client.xrange(STREAM_KEY, '-', '+', 'COUNT', 1);
    return rows[0]?.[0] ?? null;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.sessionListeners.clear();
    const sub = this.subscriber;
    this.subscriber = undefined;
    this.subscribing = undefined;
    if (sub) await sub.quit().catch(() => sub.disconnect());
  }

  private ensureSubscribed(): Promise<void> {
    this.subscribing ??= (async () => {
      const sub = this.connection.duplicate();
      this.subscriber = sub;
      sub.on('message', (channel: string, message: string) => {
        if (channel === this.sessionsChannel) {
          this.deliverSessionsEnded(message);
          return;
        }
        if (channel !== this.channel) return;
        const envelope = parseJson<unknown>(message);
        if (!isEnvelope(envelope)) {
          this.logger.warn('ignored a malformed live event', { channel });
          return;
        }
        for (const listener of [...this.listeners]) {
          try {
            listener(envelope);
          } catch (err) {
            this.logger.error('live event listener failed', { type: envelope.event.type, reason: (err as Error).message });
          }
        }
      });
      await sub.subscribe(this.channel, this.sessionsChannel);
    })().catch((err: unknown) => {
      this.subscribing = undefined;
      throw err;
    });
    return this.subscribing;
  }

  private deliverSessionsEnded(message: string): void {
    const ended = parseJson<unknown>(message);
    if (!isSessionsEnded(ended)) {
      this.logger.warn('ignored a malformed sessions-ended notice');
      return;
    }
    for (const listener of [...this.sessionListeners]) {
      try {
        listener(ended);
      } catch (err) {
        this.logger.error('sessions-ended listener failed', { reason: (err as Error).message });
      }
    }
  }
}
