import { z } from 'zod';
import { BatonError } from '../../errors';
import type { Agent } from '../../handoff/types';
import type { AgentPatch } from '../agents/agentStore';
import type { InboxServices } from '../services';
import { assertPasswordFor, assertTeamsExist } from './checks';
import { route, type RouteSpec } from './route';
import { passwordSchema } from './passwordSchema';
import { agentRoleSchema, agentView, emailSchema, idParams, itemsOf, presenceSchema, teamIdSchema } from './schemas';

const presenceBody = z.object({ status: presenceSchema }).strict();

const createAgentBody = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1).max(80),
    password: passwordSchema,
    role: agentRoleSchema.default('agent'),
    teams: z.array(teamIdSchema).max(50).default([]),
    capacity: z.number().int().min(1).max(100).default(5),
  })
  .strict();

const patchAgentBody = z
  .object({
    email: emailSchema.optional(),
    name: z.string().trim().min(1).max(80).optional(),
    password: passwordSchema.optional(),
    role: agentRoleSchema.optional(),
    teams: z.array(teamIdSchema).max(50).optional(),
    capacity: z.number().int().min(1).max(100).optional(),
    disabled: z.boolean().optional().meta({ description: 'agents are never deleted: disable them' }),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change' });

const listAgentsQuery = z.object({ team: teamIdSchema.optional() }).strict();

function isActiveAdmin(a: Agent): boolean {
  return a.role === 'admin' && !a.disabled;
}

export function agentRoutes(s: InboxServices): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/agents/me',
      tag: 'agents',
      access: 'agent',
      summary: 'The signed-in agent',
      response: { description: 'The agent', schema: agentView },
      handle: async ({ caller }) => caller,
    }),
    route({
      method: 'put',
      path: '/agents/me/presence',
      tag: 'agents',
      access: 'agent',
      summary: 'Set my presence (online, away, offline)',
      body: presenceBody,
      response: { description: 'The agent with the new presence', schema: agentView },
      handle: ({ body, caller }) => s.presence.set(caller.id, body.status),
    }),
    route({
      method: 'get',
      path: '/agents',
      tag: 'agents',
      access: 'admin',
      summary: 'List agents (optionally of one team)',
      query: listAgentsQuery,
      response: { description: 'Agents', schema: itemsOf(agentView) },
      handle: async ({ query }) => ({ items: query.team ? await s.agents.listByTeam(query.team) : await s.agents.list() }),
    }),
    route({
      method: 'post',
      path: '/agents',
      tag: 'agents',
      access: 'admin',
      summary: 'Create an agent',
      errors: ['CONFLICT'],
      body: createAgentBody,
      status: 201,
      response: { description: 'The new agent', schema: agentView },
      handle: async ({ body, caller }) => {
        assertPasswordFor(body.password, body.email);
        await assertTeamsExist(s.teams, body.teams, 'body.teams');
        const agent = await s.agents.create(body);
        await s.audit.record({
          actor: caller.id,
          action: 'agent.created',
          target: `agent:${agent.id}`,
          details: { role: agent.role, teams: agent.teams, capacity: agent.capacity },
        });
        return agent;
      },
    }),
    route({
      method: 'patch',
      path: '/agents/:id',
      tag: 'agents',
      access: 'admin',
      summary: 'Change an agent (name, e-mail, password, role, teams, capacity, disabled)',
      errors: ['CONFLICT'],
      params: idParams,
      body: patchAgentBody,
      response: { description: 'The agent after the change', schema: agentView },
      handle: async ({ params, body, caller }) => {
        const current = await s.agents.get(params.id);
        if (!current) throw new BatonError('NOT_FOUND', `No agent with id ${params.id}`);
        if (body.password !== undefined) assertPasswordFor(body.password, body.email ?? current.email);
        if (body.teams) await assertTeamsExist(s.teams, body.teams, 'body.teams');
        const losesAdmin = isActiveAdmin(current) && (body.role === 'agent' || body.disabled === true);
        if (losesAdmin && (await s.agents.list()).filter(isActiveAdmin).length <= 1) {
          throw new BatonError('CONFLICT', 'This is the last enabled admin; make another agent admin first');
        }
        const agent = await s.agents.update(params.id, body as AgentPatch);
        if (body.disabled === true || body.password !== undefined) await s.endAllSessions(agent.id);
        const { password, ...visible } = body;
        await s.audit.record({
          actor: caller.id,
          action: 'agent.updated',
          target: `agent:${agent.id}`,
          details: { changed: Object.keys(body).sort(), ...visible, ...(password !== undefined ? { password: 'changed' } : {}) },
        });
        return agent;
      },
    }),
  ];
}
