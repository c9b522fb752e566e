import type { Agent, Team } from '../../shared/types';
import { CHANNEL_OPTIONS, LANGUAGE_OPTIONS, PRIORITY_OPTIONS, teamsToOffer, WAITING_OPTIONS, type ListFilter } from '../listViews';

type Key = keyof ListFilter;

/** Channel, language, team, priority and waiting time: each a select; "any" clears it. */
export function ListFilters(props: { agent: Agent; teams: Team[]; value: ListFilter; onChange: (f: ListFilter) => void }) {
  const set = (key: Key) => (e: Event) => props.onChange({ ...props.value, [key]: (e.currentTarget as HTMLSelectElement).value || undefined });
  const select = (key: Key, label: string, options: [string, string][]) => (
    <label class="filters__field">
      <span>{label}</span>
      <select value={props.value[key] ?? ''} onChange={set(key)} data-testid={`filter-${key}`}>
        <option value="">any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div class="filters" data-testid="list-filters">
      {select('channel', 'Channel', CHANNEL_OPTIONS.map((c) => [c, c.replace('_', ' ')]))}
      {select('language', 'Language', LANGUAGE_OPTIONS)}
      {select('team', 'Team', teamsToOffer(props.agent, props.teams).map((t) => [t.id, t.name]))}
      {select('priority', 'Priority', PRIORITY_OPTIONS.map((p) => [p, p]))}
      {select('waitingOver', 'Waiting over', WAITING_OPTIONS)}
    </div>
  );
}
