import { useState } from 'preact/hooks';

/** The search field: order number, phone, e-mail, name or words; Enter searches, Escape clears. */
export function SearchBox(props: { active: boolean; onSearch: (q: string) => void; onClear: () => void }) {
  const [q, setQ] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    if (q.trim().length >= 2) props.onSearch(q.trim());
  };
  const clear = () => {
    setQ('');
    props.onClear();
  };
  return (
    <form class="search" role="search" onSubmit={submit}>
      <input
        type="search"
        class="search__input"
        value={q}
        placeholder="Order number, phone, e-mail, name…"
        aria-label="Search conversations"
        onInput={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && clear()}
        data-testid="search-input"
      />
      <button type="submit" class="btn" disabled={q.trim().length < 2} data-testid="search-submit">
        Search
      </button>
      {props.active && (
        <button type="button" class="btn btn--ghost" onClick={clear} data-testid="search-clear">
          Clear
        </button>
      )}
    </form>
  );
}
