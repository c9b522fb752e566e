import { BatonError, isBatonError } from '../../errors';
import { PASSWORD_MIN_LENGTH, passwordProblem } from '../../security/passwordPolicy';
import type { Logger } from '../../logger';
import type { AgentStore } from '../agents/agentStore';
import type { TeamStore } from '../teams/teamStore';

export interface BootstrapAdminInput {
  agents: AgentStore;
  /** When given, the default teams are seeded first and the admin joins every team. */
  teams?: TeamStore;
  email?: string;
  password?: string;
  logger: Logger;
}

export type BootstrapOutcome = 'created' | 'exists' | 'no-credentials';

/**
 * First start: with no agent at all, create the admin from ADMIN_EMAIL + ADMIN_PASSWORD, or say
 * clearly how to get one. Never logs the password; does nothing once any agent exists.
 */
export async function bootstrapAdmin(input: BootstrapAdminInput): Promise<BootstrapOutcome> {
  const { agents, logger } = input;
  if ((await agents.count()) > 0) return 'exists';
  if (!input.email || !input.password) {
    logger.warn(
      'No agent exists yet and ADMIN_EMAIL / ADMIN_PASSWORD are not set: nobody can sign in to the agent API or console. ' +
        `Set ADMIN_EMAIL and ADMIN_PASSWORD (at least ${PASSWORD_MIN_LENGTH} characters, not a common password) and restart to create the first admin.`,
    );
    return 'no-credentials';
  }
  const problem = passwordProblem(input.password, input.email);
  if (problem) throw new BatonError('CONFIG_INVALID', `ADMIN_PASSWORD is refused: ${problem}`);
  if (input.teams) await input.teams.ensureDefaults();
  const teamIds = input.teams ? (await input.teams.list()).map((t) => t.id) : [];
  const existing = await agents.findByEmail(input.email);
  if (existing) return 'exists';
  let admin;
  try {
    admin = await agents.create({ email: input.email, name: 'Admin', password: input.password, role: 'admin', teams: teamIds, capacity: 10 });
  } catch (err) {
    // Another instance starting at the same moment created it first.
    if (isBatonError(err) && err.code === 'CONFLICT') return 'exists';
    throw err;
  }
  logger.info('created the first admin from ADMIN_EMAIL', { agentId: admin.id, email: admin.email, teams: teamIds });
  return 'created';
}
