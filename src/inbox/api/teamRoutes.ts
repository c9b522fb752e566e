import { BatonError } from '../../errors';
import { teamSchema } from '../../handoff/types';
import type { InboxServices } from '../services';
import { route, type RouteSpec } from './route';
import { itemsOf, teamView } from './schemas';
import { z } from 'zod';

const teamParams = z.object({ id: teamSchema.shape.id });
const teamBody = teamSchema.omit({ id: true });

export function teamRoutes(s: InboxServices): RouteSpec[] {
  const checkLead = async (leadAgentId: string | undefined) => {
    if (leadAgentId !== undefined && !(await s.agents.get(leadAgentId))) {
      throw new BatonError('VALIDATION_FAILED', `Invalid request: body.leadAgentId: no agent with id ${leadAgentId}`, [
        { path: 'body.leadAgentId', message: 'unknown agent' },
      ]);
    }
  };
  return [
    route({
      method: 'get',
      path: '/teams',
      tag: 'teams',
      access: 'agent',
      summary: 'List teams',
      response: { description: 'Teams', schema: itemsOf(teamView) },
      handle: async () => ({ items: await s.teams.list() }),
    }),
    route({
      method: 'post',
      path: '/teams',
      tag: 'teams',
      access: 'admin',
      summary: 'Create a team',
      errors: ['CONFLICT'],
      body: teamSchema,
      status: 201,
      response: { description: 'The new team', schema: teamView },
      handle: async ({ body, caller }) => {
        if (await s.teams.get(body.id)) throw new BatonError('CONFLICT', `The team ${body.id} already exists; change it with PUT /api/v1/teams/${body.id}`);
        await checkLead(body.leadAgentId);
        const team = await s.teams.upsert(body);
        await s.audit.record({ actor: caller.id, action: 'team.created', target: `team:${team.id}`, details: { ...team } });
        return team;
      },
    }),
    route({
      method: 'put',
      path: '/teams/:id',
      tag: 'teams',
      access: 'admin',
      summary: 'Replace a team (name, business hours, lead agent, languages its agents speak)',
      params: teamParams,
      body: teamBody,
      response: { description: 'The team after the change', schema: teamView },
      handle: async ({ params, body, caller }) => {
        if (!(await s.teams.get(params.id))) throw new BatonError('NOT_FOUND', `No team with id ${params.id}`);
        await checkLead(body.leadAgentId);
        const team = await s.teams.upsert({ id: params.id, ...body });
        await s.audit.record({ actor: caller.id, action: 'team.updated', target: `team:${team.id}`, details: { ...team } });
        return team;
      },
    }),
    route({
      method: 'delete',
      path: '/teams/:id',
      tag: 'teams',
      access: 'admin',
      summary: 'Delete a team that has no agents left',
      errors: ['CONFLICT'],
      params: teamParams,
      status: 204,
      response: { description: 'Deleted' },
      handle: async ({ params, caller }) => {
        if (!(await s.teams.get(params.id))) throw new BatonError('NOT_FOUND', `No team with id ${params.id}`);
        const members = await s.agents.listByTeam(params.id);
        if (members.length > 0) {
          throw new BatonError('CONFLICT', `The team ${params.id} still has ${members.length} agent(s); move them to another team first`);
        }
        await s.teams.remove(params.id);
        await s.audit.record({ actor: caller.id, action: 'team.deleted', target: `team:${params.id}` });
      },
    }),
  ];
}
