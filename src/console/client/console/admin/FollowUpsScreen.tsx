import { useState } from 'preact/hooks';
import { api, query } from '../../shared/api';
import { formatDuration, formatTime } from '../../shared/format';
import type { Agent, Team } from '../../shared/types';
import { onLinkClick, routePath, type Route } from '../route';
import { useNow } from '../useNow';
import { ApiErrorNote } from './ApiErrorNote';
import { scoreText, splitByDue, type FollowUpWire } from './followUps';
import { useLoad, useSubmit } from './useLoad';

/** Low-CSAT follow-ups: overdue ones first, then those due, each marked done from here. */
export function FollowUpsScreen() {
  const [team, setTeam] = useState('');
  const teams = useLoad<{ items: Team[] }>('/teams');
  const agents = useLoad<{ items: Agent[] }>('/agents');
  const list = useLoad<{ items: FollowUpWire[] }>(`/follow-ups${query({ status: 'open', team })}`);
  const mark = useSubmit();
  const now = useNow(30_000);
  const { overdue, due } = splitByDue(list.data?.items ?? [], now);
  const agentName = (id: string | undefined) => (id ? (agents.data?.items.find((a) => a.id === id)?.name ?? id) : 'team lead not set');
  const markDone = async (f: FollowUpWire) => {
    if (await mark.run(() => api.post(`/follow-ups/${encodeURIComponent(f.id)}/done`))) list.reload();
  };
  const table = (rows: FollowUpWire[], kind: 'overdue' | 'due') => (
    <table class="admin__table" data-testid={`follow-ups-${kind}`}>
      <thead>
        <tr>
          <th>Conversation</th>
          <th>Score</th>
          <th>Team</th>
          <th>Who calls back</th>
          <th>Due</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => {
          const to: Route = { page: 'inbox', conversationId: f.conversationId };
          const ms = Date.parse(f.dueAt) - now;
          return (
            <tr key={f.id} data-testid="follow-up-row" data-conversation={f.conversationId}>
              <td>
                <a href={routePath(to)} onClick={onLinkClick(to)}>
                  {f.conversationId}
                </a>
              </td>
              <td>{scoreText(f)}</td>
              <td>{f.team}</td>
              <td>{agentName(f.assigneeId)}</td>
              <td title={formatTime(f.dueAt)}>{ms < 0 ? `${formatDuration(-ms)} overdue` : `in ${formatDuration(ms)}`}</td>
              <td>
                <button type="button" class="btn" disabled={mark.busy} onClick={() => void markDone(f)} data-testid="follow-up-done">
                  Mark done
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return (
    <div class="admin__screen" data-testid="admin-follow-ups">
      <div class="admin__bar">
        <h1>Follow-ups</h1>
        <label>
          Team
          <select value={team} onChange={(e) => setTeam(e.currentTarget.value)} data-testid="follow-ups-team">
            <option value="">All teams</option>
            {(teams.data?.items ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ApiErrorNote error={list.error ?? mark.error} testId="follow-ups-error" />
      <h2>
        Overdue <span class="count">{overdue.length}</span>
      </h2>
      {overdue.length > 0 ? table(overdue, 'overdue') : <p class="muted">Nothing overdue.</p>}
      <h2>Due</h2>
      {due.length > 0 ? table(due, 'due') : <p class="muted">Nothing due.</p>}
    </div>
  );
}
