import { z } from 'zod';
import { BatonError } from '../../errors';
import type { Agent } from '../../handoff/types';
import type { FollowUp } from '../followups/followUpStore';
import type { InboxServices } from '../services';
import { canSeeTeam } from './checks';
import { route, type RouteSpec } from './route';
import { idParams, itemsOf, teamIdSchema } from './schemas';
import { isoTimestamp } from './views';

const listQuery = z.object({ status: z.enum(['open', 'done']).optional(), team: teamIdSchema.optional() }).strict();

const followUpView = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    team: z.string(),
    score: z.number(),
    scale: z.enum(['csat5', 'nps10']),
    dueAt: isoTimestamp,
    assigneeId: z.string().optional(),
    status: z.enum(['open', 'done']),
    createdAt: isoTimestamp,
    doneAt: isoTimestamp.optional(),
    doneBy: z.string().optional(),
  })
  .meta({ id: 'FollowUp' });

const visibleTo = (agent: Agent, f: FollowUp) => canSeeTeam(agent, f.team) || f.assigneeId === agent.id;

export function followUpRoutes(s: InboxServices): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/follow-ups',
      tag: 'follow-ups',
      access: 'agent',
      summary: "Low-satisfaction follow-ups (an agent sees their teams' and their own)",
      query: listQuery,
      response: { description: 'Follow-ups, open ones soonest due first', schema: itemsOf(followUpView) },
      handle: async ({ query, caller }) => ({ items: (await s.followUps.list(query)).filter((f) => visibleTo(caller, f)) }),
    }),
    route({
      method: 'post',
      path: '/follow-ups/:id/done',
      tag: 'follow-ups',
      access: 'agent',
      summary: 'Mark a follow-up done',
      params: idParams,
      response: { description: 'The follow-up', schema: followUpView },
      handle: async ({ params, caller }) => {
        const f = await s.followUps.get(params.id);
        if (!f) throw new BatonError('NOT_FOUND', `No follow-up with id ${params.id}`);
        if (!visibleTo(caller, f)) throw new BatonError('FORBIDDEN', `This follow-up belongs to the team ${f.team}`);
        const done = await s.followUps.markDone(params.id, caller.id);
        if (f.status !== 'done') {
          await s.audit.record({ actor: caller.id, action: 'followup.done', target: `followup:${f.id}`, details: { conversationId: f.conversationId } });
        }
        return done;
      },
    }),
  ];
}
