import { useState } from 'preact/hooks';
import { api } from '../../shared/api';
import type { Agent, Team } from '../../shared/types';
import { Dialog } from '../components/Dialog';
import { AgentForm } from './AgentForm';
import { agentChanges, fieldsOf, type AgentFields } from './agentFields';
import { ApiErrorNote } from './ApiErrorNote';
import { useLoad, useSubmit } from './useLoad';

const NEW_AGENT: AgentFields = { email: '', name: '', role: 'agent', teams: [], capacity: 5, disabled: false };

/** Agents: invite, then change role, teams, capacity, disable, reset the password. */
export function AgentsScreen(props: { self: Agent }) {
  const agents = useLoad<{ items: Agent[] }>('/agents');
  const teams = useLoad<{ items: Team[] }>('/teams');
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<Agent | null>(null);
  const [resetting, setResetting] = useState<Agent | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const teamList = teams.data?.items ?? [];
  const teamName = (id: string) => teamList.find((t) => t.id === id)?.name ?? id;
  const done = (message: string) => {
    setInviting(false);
    setEditing(null);
    setResetting(null);
    setNotice(message);
    agents.reload();
  };

  return (
    <div class="admin__screen" data-testid="admin-agents">
      <div class="admin__bar">
        <h1>Agents</h1>
        <button type="button" class="btn btn--primary" onClick={() => setInviting(true)} data-testid="agent-invite">
          Invite agent
        </button>
      </div>
      {notice && (
        <p class="notice" role="status" data-testid="admin-notice">
          {notice}
        </p>
      )}
      <ApiErrorNote error={agents.error ?? teams.error} testId="agents-load-error" />
      <table class="admin__table" data-testid="agents-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>E-mail</th>
            <th>Role</th>
            <th>Teams</th>
            <th>Capacity</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(agents.data?.items ?? []).map((a) => (
            <tr key={a.id} data-testid="agent-row" data-email={a.email}>
              <td>{a.name}</td>
              <td>{a.email}</td>
              <td>{a.role}</td>
              <td>{a.teams.map(teamName).join(', ')}</td>
              <td>{a.capacity}</td>
              <td>{a.disabled ? 'disabled' : a.presence}</td>
              <td class="admin__row-actions">
                <button type="button" class="btn" onClick={() => setEditing(a)} data-testid="agent-edit">
                  Edit
                </button>
                <button type="button" class="btn" onClick={() => setResetting(a)} data-testid="agent-reset-password">
                  Reset password
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {inviting && <InviteDialog teams={teamList} onClose={() => setInviting(false)} onDone={(a) => done(`${a.name} can now log in as ${a.email}.`)} />}
      {editing && (
        <EditDialog agent={editing} self={props.self} teams={teamList} onClose={() => setEditing(null)} onDone={(a) => done(`${a.name} saved.`)} />
      )}
      {resetting && <ResetPasswordDialog agent={resetting} onClose={() => setResetting(null)} onDone={(a) => done(`New password set for ${a.name}; their sessions have ended.`)} />}
    </div>
  );
}

function InviteDialog(props: { teams: Team[]; onClose: () => void; onDone: (a: Agent) => void }) {
  const submit = useSubmit();
  return (
    <Dialog title="Invite an agent" onClose={props.onClose} testId="agent-dialog">
      <AgentForm
        initial={NEW_AGENT}
        teams={props.teams}
        withPassword
        busy={submit.busy}
        submitLabel="Create agent"
        testPrefix="agent-form"
        onSubmit={async (f, password) => {
          const { disabled: _disabled, ...body } = f;
          const agent = await submit.run(() => api.post<Agent>('/agents', { ...body, password }));
          if (agent) props.onDone(agent);
        }}
      >
        <ApiErrorNote error={submit.error} testId="agent-form-error" />
      </AgentForm>
    </Dialog>
  );
}

function EditDialog(props: { agent: Agent; self: Agent; teams: Team[]; onClose: () => void; onDone: (a: Agent) => void }) {
  const submit = useSubmit();
  const [nothing, setNothing] = useState(false);
  return (
    <Dialog title={`Edit ${props.agent.name}`} onClose={props.onClose} testId="agent-dialog">
      <AgentForm
        initial={fieldsOf(props.agent)}
        teams={props.teams}
        withDisabled={props.agent.id !== props.self.id || props.agent.disabled}
        busy={submit.busy}
        submitLabel="Save"
        testPrefix="agent-form"
        onSubmit={async (f) => {
          const changes = agentChanges(fieldsOf(props.agent), f);
          setNothing(Object.keys(changes).length === 0);
          if (Object.keys(changes).length === 0) return;
          const agent = await submit.run(() => api.patch<Agent>(`/agents/${encodeURIComponent(props.agent.id)}`, changes));
          if (agent) props.onDone(agent);
        }}
      >
        {nothing && <p class="muted">Nothing changed.</p>}
        <ApiErrorNote error={submit.error} testId="agent-form-error" />
      </AgentForm>
    </Dialog>
  );
}

function ResetPasswordDialog(props: { agent: Agent; onClose: () => void; onDone: (a: Agent) => void }) {
  const submit = useSubmit();
  const [password, setPassword] = useState('');
  return (
    <Dialog title={`New password for ${props.agent.name}`} onClose={props.onClose} testId="password-dialog">
      <form
        class="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const agent = await submit.run(() => api.patch<Agent>(`/agents/${encodeURIComponent(props.agent.id)}`, { password }));
          if (agent) props.onDone(agent);
        }}
      >
        <label>
          New password (at least 12 characters, not the e-mail, not a common password)
          <input type="password" autoComplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} data-testid="password-new" />
        </label>
        <p class="muted">Their open sessions end: they log in again with the new password.</p>
        <ApiErrorNote error={submit.error} testId="password-error" />
        <div class="form__buttons">
          <button type="button" class="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" class="btn btn--primary" disabled={submit.busy} data-testid="password-submit">
            Set password
          </button>
        </div>
      </form>
    </Dialog>
  );
}
