import type { CannedAnswer } from '../../shared/types';

export function CannedPopup(props: { items: CannedAnswer[]; active: number; onPick: (a: CannedAnswer) => void }) {
  if (props.items.length === 0) {
    return (
      <div class="canned" role="listbox" aria-label="Canned answers" data-testid="canned-popup">
        <p class="muted canned__empty">No canned answer matches.</p>
      </div>
    );
  }
  return (
    <ul class="canned" role="listbox" id="canned-list" aria-label="Canned answers" data-testid="canned-popup">
      {props.items.map((a, i) => (
        <li
          key={a.id}
          id={`canned-${a.id}`}
          role="option"
          aria-selected={i === props.active}
          class="canned__item"
          onMouseDown={(e) => {
            e.preventDefault();
            props.onPick(a);
          }}
          data-testid="canned-option"
        >
          <strong>{a.shortcut.startsWith('/') ? a.shortcut : `/${a.shortcut}`}</strong> {a.title}
          {a.language && <span class="muted"> ({a.language})</span>}
          <span class="muted canned__text" dir="auto">
            {a.text}
          </span>
        </li>
      ))}
    </ul>
  );
}
