import type { Request, Response } from 'express';
import type { Agent } from '../../handoff/types';
import type { Logger } from '../../logger';
import type { LiveEventEnvelope } from '../contracts';
import type { SessionsEnded } from './redisEventBus';
import { isVisibleTo } from './eventVisibility';
import { compareStreamIds } from './streamIds';

/** What a stream needs from the bus: live events, and the ones missed since a given id. */
export interface LiveEventSource {
  subscribe(listener: (envelope: LiveEventEnvelope) => void): Promise<() => void>;
  since(lastEventId: string, limit?: number): Promise<LiveEventEnvelope[]>;
  oldestId(): Promise<string | null>;
  /** Sessions ended on any instance (logout, disable, password change). */
  onSessionsEnded(listener: (ended: SessionsEnded) => void): Promise<() => void>;
}

export interface SseOptions {
  req: Request;
  res: Response;
  source: LiveEventSource;
  agent: Agent;
  /** Resume after this stream id (Last-Event-ID). */
  lastEventId?: string;
  heartbeatMs: number;
  logger: Logger;
  /** sha256 of the session token the stream was opened with: the stream ends with that session. */
  sessionDigest: string;
  /** Checked with every heartbeat, in case a sessions-ended notice was missed (Redis reconnect). */
  stillSignedIn(): Promise<boolean>;
}

/** True when `ended` covers the session a stream was opened with. */
export function endsSession(ended: SessionsEnded, agentId: string, digest: string): boolean {
  return ended.agentId === agentId && (ended.digests === undefined || ended.digests.includes(digest));
}

/** At most this many missed events are replayed; beyond it the console is told to reload. */
export const REPLAY_LIMIT = 1000;

export function formatSseEvent(envelope: LiveEventEnvelope): string {
  // On the wire, as everywhere in the API, the time is an ISO 8601 string.
  const wire = { ...envelope, at: new Date(envelope.at).toISOString() };
  return `id: ${envelope.id}\nevent: ${envelope.event.type}\ndata: ${JSON.stringify(wire)}\n\n`;
}

/**
 * Server-sent events for one agent. Subscribes first and holds live events back while it replays
 * what was missed since Last-Event-ID, so nothing falls between replay and live, and nothing is
 * sent twice. A `resync` event tells the console its resume point was trimmed away (reload lists).
 */
export async function streamLiveEvents(o: SseOptions): Promise<void> {
  const { req, res } = o;
  let closed = false;
  let replaying = true;
  const replayed = new Set<string>();
  const held: LiveEventEnvelope[] = [];
  let unsubscribe: (() => void) | undefined;
  let stopWatchingSessions: (() => void) | undefined;

  const cleanup = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe?.();
    stopWatchingSessions?.();
  };
  /** The session is over: say so (the console goes back to its sign-in page) and hang up. */
  const endForSession = () => {
    if (closed) return;
    res.write(`event: session-ended\ndata: ${JSON.stringify({ reason: 'your session ended; sign in again' })}\n\n`);
    cleanup();
    res.end();
  };
  const heartbeat = setInterval(() => {
    if (closed) return;
    res.write(': heartbeat\n\n');
    o.stillSignedIn().then(
      (ok) => {
        if (!ok) endForSession();
      },
      () => undefined,
    );
  }, o.heartbeatMs);
  heartbeat.unref();
  req.on('close', cleanup);
  res.on('close', cleanup);

  const send = (envelope: LiveEventEnvelope) => {
    if (closed || !isVisibleTo(o.agent, envelope.event)) return;
    res.write(formatSseEvent(envelope));
  };

  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();

  try {
    const stopSessions = await o.source.onSessionsEnded((ended) => {
      if (endsSession(ended, o.agent.id, o.sessionDigest)) endForSession();
    });
    if (closed) {
      stopSessions();
      return;
    }
    stopWatchingSessions = stopSessions;
    // Ended between the request's authentication and this subscription: nothing would tell us now.
    if (!(await o.stillSignedIn())) {
      endForSession();
      return;
    }
    const off = await o.source.subscribe((envelope) => (replaying ? held.push(envelope) : send(envelope)));
    if (closed) {
      off();
      return;
    }
    unsubscribe = off;
    if (o.lastEventId !== undefined) {
      const oldest = await o.source.oldestId();
      if (oldest !== null && compareStreamIds(o.lastEventId, oldest) < 0) {
        res.write(`event: resync\ndata: ${JSON.stringify({ reason: 'some events since your last one are no longer kept; reload your lists' })}\n\n`);
      }
      const missed = await o.source.since(o.lastEventId, REPLAY_LIMIT);
      if (missed.length >= REPLAY_LIMIT) {
        res.write(`event: resync\ndata: ${JSON.stringify({ reason: `more than ${REPLAY_LIMIT} events were missed; reload your lists` })}\n\n`);
      }
      for (const envelope of missed) {
        replayed.add(envelope.id);
        send(envelope);
      }
    }
    replaying = false;
    // Live events are sent as they come (instances may publish slightly out of id order);
    // only those held during the replay can be duplicates of it.
    for (const envelope of held.splice(0)) if (!replayed.has(envelope.id)) send(envelope);
    // Only now is the stream live: everything published from here on will be delivered.
    if (!closed) res.write('retry: 3000\n: connected\n\n');
  } catch (err) {
    o.logger.error('live event stream failed', { agentId: o.agent.id, reason: (err as Error).message });
    cleanup();
    res.end();
  }
}
