import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../shared/api';
import type { Agent, Team, TransferRequest } from '../../shared/types';
import { itemsOf } from '../useInbox';
import { Dialog } from './Dialog';

/** Transfer to a team or to an agent, with a note for whoever picks it up. */
export function TransferDialog(props: {
  agent: Agent;
  teams: Team[];
  currentTeam?: string;
  error: string | null;
  onCancel: () => void;
  onSubmit: (r: TransferRequest) => Promise<boolean>;
}) {
  const [mode, setMode] = useState<'team' | 'agent'>('team');
  const [team, setTeam] = useState(props.teams.find((t) => t.id !== props.currentTeam)?.id ?? props.teams[0]?.id ?? '');
  const [agentId, setAgentId] = useState('');
  const [agents, setAgents] = useState<Agent[] | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
    if (props.agent.role !== 'admin') return;
    api
      .get<Agent[] | { items: Agent[] }>('/agents')
      .then((r) => setAgents(itemsOf(r).filter((a) => !a.disabled && a.id !== props.agent.id)))
      .catch(() => setAgents(null));
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const request: TransferRequest = mode === 'team' ? { team } : { agentId: agentId.trim() };
    if (note.trim()) request.note = note.trim();
    await props.onSubmit(request);
    setBusy(false);
  };

  return (
    <Dialog title="Transfer conversation" onClose={props.onCancel} testId="transfer-dialog">
      <form onSubmit={submit} class="form">
        <fieldset class="form__radios">
          <legend>Transfer to</legend>
          <label>
            <input ref={first} type="radio" name="mode" checked={mode === 'team'} onChange={() => setMode('team')} data-testid="transfer-mode-team" />
            a team
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'agent'} onChange={() => setMode('agent')} data-testid="transfer-mode-agent" />
            an agent
          </label>
        </fieldset>
        {mode === 'team' ? (
          <label>
            Team
            <select value={team} onChange={(e) => setTeam(e.currentTarget.value)} data-testid="transfer-team" required>
              {props.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                  {t.id === props.currentTeam ? ' (current)' : ''}
                </option>
              ))}
            </select>
          </label>
        ) : agents ? (
          <label>
            Agent
            <select value={agentId} onChange={(e) => setAgentId(e.currentTarget.value)} data-testid="transfer-agent" required>
              <option value="">Choose…</option>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.presence}, {a.teams.join(', ')})
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            Agent id
            <input value={agentId} onInput={(e) => setAgentId(e.currentTarget.value)} data-testid="transfer-agent" required />
          </label>
        )}
        <label>
          Note for the next person (optional)
          <textarea dir="auto" rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} data-testid="transfer-note" />
        </label>
        {props.error && (
          <p class="error" role="alert" data-testid="transfer-error">
            {props.error}
          </p>
        )}
        <div class="form__buttons">
          <button type="button" class="btn" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" class="btn btn--primary" disabled={busy} data-testid="transfer-submit">
            Transfer
          </button>
        </div>
      </form>
    </Dialog>
  );
}
