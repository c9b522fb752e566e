import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Agent, Team } from '../../shared/types';
import { TeamPicker } from './TeamPicker';

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

/**
 * The agent's fields as a form. No browser-side rules beyond the input types: the API validates,
 * and its message is what the admin sees.
 */
export function AgentForm(props: {
  initial: AgentFields;
  teams: Team[];
  /** Shown when inviting: the first password, to hand over to the agent. */
  withPassword?: boolean;
  /** Shown when editing. */
  withDisabled?: boolean;
  busy: boolean;
  submitLabel: string;
  testPrefix: string;
  onSubmit: (fields: AgentFields, password: string) => void;
  children?: ComponentChildren;
}) {
  const [f, setF] = useState<AgentFields>(props.initial);
  const [password, setPassword] = useState('');
  const set = <K extends keyof AgentFields>(k: K, v: AgentFields[K]) => setF((old) => ({ ...old, [k]: v }));
  const p = props.testPrefix;
  return (
    <form
      class="form admin__form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(f, password);
      }}
    >
      <label>
        Name
        <input value={f.name} onInput={(e) => set('name', e.currentTarget.value)} data-testid={`${p}-name`} />
      </label>
      <label>
        E-mail
        <input type="email" value={f.email} onInput={(e) => set('email', e.currentTarget.value)} data-testid={`${p}-email`} />
      </label>
      {props.withPassword && (
        <label>
          First password (at least 12 characters; give it to the agent)
          <input type="password" autoComplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} data-testid={`${p}-password`} />
        </label>
      )}
      <label>
        Role
        <select value={f.role} onChange={(e) => set('role', e.currentTarget.value as AgentFields['role'])} data-testid={`${p}-role`}>
          <option value="agent">Agent</option>
          <option value="admin">Admin</option>
        </select>
      </label>
      <TeamPicker teams={props.teams} value={f.teams} onChange={(t) => set('teams', t)} testId={`${p}-teams`} />
      <label>
        Capacity (conversations at once)
        <input type="number" min={1} max={100} value={f.capacity} onInput={(e) => set('capacity', e.currentTarget.valueAsNumber)} data-testid={`${p}-capacity`} />
      </label>
      {props.withDisabled && (
        <label class="toggle">
          <input type="checkbox" checked={f.disabled} onChange={(e) => set('disabled', e.currentTarget.checked)} data-testid={`${p}-disabled`} />
          Disabled (cannot log in; their sessions end)
        </label>
      )}
      {props.children}
      <div class="form__buttons">
        <button type="submit" class="btn btn--primary" disabled={props.busy} data-testid={`${p}-submit`}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
