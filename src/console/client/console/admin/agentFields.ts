import type { Agent } from '../../shared/types';

/** What an admin sets on an agent (the password only when inviting). */
export interface AgentFields {
  email: string;
  name: string;
  role: Agent['role'];
  teams: string[];
  capacity: number;
  disabled: boolean;
}

export function fieldsOf(a: Agent): AgentFields {
  return { email: a.email, name: a.name, role: a.role, teams: a.teams, capacity: a.capacity, disabled: a.disabled };
}

/** Only what changed, for PATCH /agents/:id (the API refuses an empty change). */
export function agentChanges(before: AgentFields, after: AgentFields): Partial<AgentFields> {
  const out: Partial<AgentFields> = {};
  if (after.email !== before.email) out.email = after.email;
  if (after.name !== before.name) out.name = after.name;
  if (after.role !== before.role) out.role = after.role;
  if ([...after.teams].sort().join() !== [...before.teams].sort().join()) out.teams = after.teams;
  if (after.capacity !== before.capacity) out.capacity = after.capacity;
  if (after.disabled !== before.disabled) out.disabled = after.disabled;
  return out;
}
