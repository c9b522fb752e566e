import type { Team } from '../../shared/types';

/** Checkboxes, one per team: the agent's teams. */
export function TeamPicker(props: { teams: Team[]; value: string[]; onChange: (ids: string[]) => void; testId: string }) {
  const toggle = (id: string, on: boolean) => props.onChange(on ? [...props.value, id] : props.value.filter((t) => t !== id));
  return (
    <fieldset class="admin__checks" data-testid={props.testId}>
      <legend>Teams</legend>
      {props.teams.map((t) => (
        <label key={t.id}>
          <input type="checkbox" value={t.id} checked={props.value.includes(t.id)} onChange={(e) => toggle(t.id, e.currentTarget.checked)} />
          {t.name}
        </label>
      ))}
    </fieldset>
  );
}
