import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Team } from '../../shared/types';
import type { AgentFields } from './agentFields';
import { TeamPicker } from './TeamPicker';

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
