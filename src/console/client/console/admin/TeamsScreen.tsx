import { useState } from 'preact/hooks';
import { api } from '../../shared/api';
import type { Agent, Team } from '../../shared/types';
import { Dialog } from '../components/Dialog';
import { ApiErrorNote } from './ApiErrorNote';
import { HoursEditor } from './HoursEditor';
import { businessHoursOf, describeHours, hoursFormOf } from './hoursForm';
import { useLoad, useSubmit } from './useLoad';

/** Teams: name, lead, survey, business hours with time zone and holidays. */
export function TeamsScreen() {
  const teams = useLoad<{ items: Team[] }>('/teams');
  const agents = useLoad<{ items: Agent[] }>('/agents');
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useSubmit();
  const agentName = (id: string | undefined) => (id ? (agents.data?.items.find((a) => a.id === id)?.name ?? id) : '–');
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    teams.reload();
  };
  return (
    <div class="admin__screen" data-testid="admin-teams">
      <div class="admin__bar">
        <h1>Teams</h1>
        <button type="button" class="btn btn--primary" onClick={() => setEditing('new')} data-testid="team-new">
          New team
        </button>
      </div>
      {notice && (
        <p class="notice" role="status" data-testid="admin-notice">
          {notice}
        </p>
      )}
      <ApiErrorNote error={teams.error} testId="teams-load-error" />
      <ApiErrorNote error={remove.error} testId="team-delete-error" />
      <table class="admin__table" data-testid="teams-table">
        <thead>
          <tr>
            <th>Team</th>
            <th>Business hours</th>
            <th>Lead (gets low-CSAT follow-ups)</th>
            <th>Survey</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(teams.data?.items ?? []).map((t) => (
            <tr key={t.id} data-testid="team-row" data-team={t.id}>
              <td>
                {t.name} <span class="muted">({t.id})</span>
              </td>
              <td data-testid="team-hours">{describeHours(t.businessHours)}</td>
              <td>{agentName(t.leadAgentId)}</td>
              <td>{t.survey ?? 'server default'}</td>
              <td class="admin__row-actions">
                <button type="button" class="btn" onClick={() => setEditing(t)} data-testid="team-edit">
                  Edit
                </button>
                <button
                  type="button"
                  class="btn"
                  disabled={remove.busy}
                  onClick={async () => {
                    if (!confirm(`Delete the team ${t.name}?`)) return;
                    if (await remove.run(() => api.del(`/teams/${encodeURIComponent(t.id)}`).then(() => true))) done(`${t.name} deleted.`);
                  }}
                  data-testid="team-delete"
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <TeamDialog
          team={editing === 'new' ? null : editing}
          agents={agents.data?.items ?? []}
          onClose={() => setEditing(null)}
          onDone={(t) => done(`${t.name} saved: ${describeHours(t.businessHours)}.`)}
        />
      )}
    </div>
  );
}

type Survey = NonNullable<Team['survey']>;

function TeamDialog(props: { team: Team | null; agents: Agent[]; onClose: () => void; onDone: (t: Team) => void }) {
  const t = props.team;
  const [id, setId] = useState(t?.id ?? '');
  const [name, setName] = useState(t?.name ?? '');
  const [lead, setLead] = useState(t?.leadAgentId ?? '');
  const [survey, setSurvey] = useState<Survey | ''>(t?.survey ?? '');
  const [hours, setHours] = useState(hoursFormOf(t?.businessHours));
  const submit = useSubmit();
  const save = async (e: Event) => {
    e.preventDefault();
    // Fields this screen does not edit (added to teams later) go back as they came: PUT replaces the team.
    const { id: _id, businessHours: _h, leadAgentId: _l, survey: _s, ...others } = t ?? { id: '' };
    const businessHours = businessHoursOf(hours);
    const body = {
      ...others,
      name,
      ...(businessHours ? { businessHours } : {}),
      ...(lead ? { leadAgentId: lead } : {}),
      ...(survey ? { survey } : {}),
    };
    const saved = await submit.run(() => (t ? api.put<Team>(`/teams/${encodeURIComponent(t.id)}`, body) : api.post<Team>('/teams', { id, ...body })));
    if (saved) props.onDone(saved);
  };
  return (
    <Dialog title={t ? `Edit ${t.name}` : 'New team'} onClose={props.onClose} testId="team-dialog">
      <form class="form admin__form" noValidate onSubmit={save}>
        {!t && (
          <label>
            Id (lower-case letters, digits, _ or -; cannot change later)
            <input value={id} onInput={(e) => setId(e.currentTarget.value)} data-testid="team-id" />
          </label>
        )}
        <label>
          Name
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} data-testid="team-name" />
        </label>
        <label>
          Lead agent
          <select value={lead} onChange={(e) => setLead(e.currentTarget.value)} data-testid="team-lead">
            <option value="">None</option>
            {props.agents
              .filter((a) => !a.disabled)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          Survey after resolving
          <select value={survey} onChange={(e) => setSurvey(e.currentTarget.value as Survey | '')} data-testid="team-survey">
            <option value="">Server default</option>
            <option value="csat">CSAT (1–5)</option>
            <option value="nps">NPS (0–10)</option>
            <option value="both">Both</option>
          </select>
        </label>
        <HoursEditor value={hours} onChange={setHours} />
        <ApiErrorNote error={submit.error} testId="team-form-error" />
        <div class="form__buttons">
          <button type="button" class="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" class="btn btn--primary" disabled={submit.busy} data-testid="team-submit">
            {t ? 'Save' : 'Create team'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
