import { SAVED_VIEWS, type SavedView } from '../listViews';

/** The saved-view row: Mine, Unassigned, Waiting > 5 min (pressed again: back to the tabs). */
export function SavedViews(props: { activeId?: string; onChoose: (view: SavedView | null) => void }) {
  return (
    <div class="views" role="group" aria-label="Saved views" data-testid="saved-views">
      {SAVED_VIEWS.map((v) => (
        <button
          key={v.id}
          type="button"
          class="views__btn"
          aria-pressed={props.activeId === v.id}
          onClick={() => props.onChoose(props.activeId === v.id ? null : v)}
          data-testid={`view-${v.id}`}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
