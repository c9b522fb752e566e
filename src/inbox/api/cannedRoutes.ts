import { z } from 'zod';
import { BatonError } from '../../errors';
import type { InboxServices } from '../services';
import { assertTeamsExist, canSeeTeam } from './checks';
import { route, type RouteSpec } from './route';
import { idParams, itemsOf, languageSchema, teamIdSchema } from './schemas';
import { isoTimestamp } from './views';

const cannedBody = z
  .object({
    team: teamIdSchema,
    shortcut: z.string().regex(/^\/[a-z0-9][a-z0-9_-]{0,31}$/, { message: 'a slash and lower-case letters, digits, _ or -, like /refund' }),
    title: z.string().trim().min(1).max(120),
    text: z.string().trim().min(1).max(4096),
    language: languageSchema.optional(),
  })
  .strict();

const cannedView = cannedBody
  .extend({ id: z.string(), createdAt: isoTimestamp, updatedAt: isoTimestamp })
  .meta({ id: 'CannedAnswer' });

const listQuery = z.object({ team: teamIdSchema.optional() }).strict();

export function cannedRoutes(s: InboxServices): RouteSpec[] {
  const existing = async (id: string) => {
    const answer = await s.canned.get(id);
    if (!answer) throw new BatonError('NOT_FOUND', `No canned answer with id ${id}`);
    return answer;
  };
  return [
    route({
      method: 'get',
      path: '/canned-answers',
      tag: 'canned answers',
      access: 'agent',
      summary: "Canned answers (an agent sees their teams'; an admin all)",
      query: listQuery,
      response: { description: 'Canned answers', schema: itemsOf(cannedView) },
      handle: async ({ query, caller }) => {
        if (query.team && !canSeeTeam(caller, query.team)) throw new BatonError('FORBIDDEN', `You are not in the team ${query.team}`);
        const all = await s.canned.list(query.team ? { team: query.team } : {});
        return { items: all.filter((a) => canSeeTeam(caller, a.team)) };
      },
    }),
    route({
      method: 'post',
      path: '/canned-answers',
      tag: 'canned answers',
      access: 'admin',
      summary: 'Create a canned answer (shortcut unique per team and language)',
      errors: ['CONFLICT'],
      body: cannedBody,
      status: 201,
      response: { description: 'The new canned answer', schema: cannedView },
      handle: async ({ body, caller }) => {
        await assertTeamsExist(s.teams, [body.team], 'body.team');
        const answer = await s.canned.create(body);
        await s.audit.record({ actor: caller.id, action: 'canned.created', target: `canned:${answer.id}`, details: { team: answer.team, shortcut: answer.shortcut } });
        return answer;
      },
    }),
    route({
      method: 'put',
      path: '/canned-answers/:id',
      tag: 'canned answers',
      access: 'admin',
      summary: 'Replace a canned answer',
      errors: ['CONFLICT'],
      params: idParams,
      body: cannedBody,
      response: { description: 'The canned answer after the change', schema: cannedView },
      handle: async ({ params, body, caller }) => {
        await existing(params.id);
        await assertTeamsExist(s.teams, [body.team], 'body.team');
        const answer = await s.canned.update(params.id, body);
        await s.audit.record({ actor: caller.id, action: 'canned.updated', target: `canned:${answer.id}`, details: { team: answer.team, shortcut: answer.shortcut } });
        return answer;
      },
    }),
    route({
      method: 'delete',
      path: '/canned-answers/:id',
      tag: 'canned answers',
      access: 'admin',
      summary: 'Delete a canned answer',
      params: idParams,
      status: 204,
      response: { description: 'Deleted' },
      handle: async ({ params, caller }) => {
        const answer = await existing(params.id);
        await s.canned.remove(params.id);
        await s.audit.record({ actor: caller.id, action: 'canned.deleted', target: `canned:${answer.id}`, details: { team: answer.team, shortcut: answer.shortcut } });
      },
    }),
  ];
}
