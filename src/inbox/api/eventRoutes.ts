import { z } from 'zod';
import { BatonError } from '../../errors';
import type { Logger } from '../../logger';
import { authOf } from '../auth/requireAgent';
import { tokenDigest } from '../auth/sessionStore';
import { streamLiveEvents } from '../events/sseStream';
import { isStreamId } from '../events/streamIds';
import type { InboxServices } from '../services';
import { route, type RouteSpec } from './route';

const eventsQuery = z
  .object({
    lastEventId: z.string().regex(/^\d{1,20}-\d{1,20}$/, { message: 'a stream id such as 1718000000000-0' }).optional(),
    access_token: z.string().max(200).optional().meta({ description: 'the session token, for EventSource (which cannot set headers)' }),
  })
  .strict();

export function eventRoutes(s: InboxServices, logger: Logger, heartbeatMs: number): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/events',
      tag: 'events',
      access: 'agent',
      tokenSources: ['header', 'cookie', 'query'],
      summary: 'Live events as server-sent events',
      description:
        'Each event: `id: <stream id>`, `event: <type>`, `data: <JSON envelope {id, at, event}>`. ' +
        'Send the Last-Event-ID header (or ?lastEventId=) to receive what you missed first. ' +
        `A comment line is sent every ${Math.round(heartbeatMs / 1000)} s as a heartbeat.`,
      query: eventsQuery,
      raw: true,
      response: { description: 'An endless event stream', contentType: 'text/event-stream', schema: z.string() },
      handle: async ({ req, res, query, caller }) => {
        const header = req.get('last-event-id')?.trim();
        if (header && !isStreamId(header)) {
          throw new BatonError('VALIDATION_FAILED', 'Invalid request: header.Last-Event-ID: a stream id such as 1718000000000-0', [
            { path: 'header.Last-Event-ID', message: 'not a stream id' },
          ]);
        }
        const lastEventId = header || query.lastEventId;
        const { token } = authOf(res);
        const stillSignedIn = async () => {
          const session = await s.sessions.resolve(token);
          const agent = session ? await s.agents.get(session.agentId) : null;
          return Boolean(agent && !agent.disabled);
        };
        await streamLiveEvents({
          req,
          res,
          source: s.bus,
          agent: caller,
          heartbeatMs,
          logger,
          sessionDigest: tokenDigest(token),
          stillSignedIn,
          ...(lastEventId ? { lastEventId } : {}),
        });
      },
    }),
  ];
}
