import { BatonError } from '../../errors';
import type { Agent } from '../../handoff/types';
import { passwordProblem } from '../../security/passwordPolicy';
import type { TeamStore } from '../teams/teamStore';

/** 400 naming the first team id that does not exist (`body.teams.1`). */
export async function assertTeamsExist(teams: TeamStore, ids: string[], field: string): Promise<void> {
  const known = new Set((await teams.list()).map((t) => t.id));
  const index = ids.findIndex((id) => !known.has(id));
  if (index >= 0) {
    const path = ids.length === 1 && !field.endsWith('s') ? field : `${field}.${index}`;
    throw new BatonError('VALIDATION_FAILED', `Invalid request: ${path}: unknown team ${ids[index]}; create it first (POST /api/v1/teams)`, [
      { path, message: 'unknown team' },
    ]);
  }
}

/** Agents see what belongs to their teams; admins see everything. */
export function canSeeTeam(agent: Agent, team: string): boolean {
  return agent.role === 'admin' || agent.teams.includes(team);
}

/** 400 on `body.password` when the password is refused for this e-mail (the policy's e-mail rule). */
export function assertPasswordFor(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new BatonError('VALIDATION_FAILED', `Invalid request: body.password: ${problem}`, [{ path: 'body.password', message: problem }]);
}
