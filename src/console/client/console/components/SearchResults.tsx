import { useEffect, useState } from 'preact/hooks';
import { api, errorText, query } from '../../shared/api';
import { MATCH_LABELS, type SearchHit } from '../listViews';
import { useNow } from '../useNow';
import { ConversationRow } from './ConversationRow';

/** The answers of GET /search, each with why it came up. */
export function SearchResults(props: { q: string; selectedId?: string }) {
  const now = useNow(1000);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setHits(null);
    setError(null);
    api
      .get<{ items: SearchHit[] }>(`/search${query({ q: props.q })}`)
      .then((r) => live && setHits(r.items))
      .catch((err) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [props.q]);
  return (
    <div class="list" data-testid="search-results" aria-live="polite">
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!hits && !error && <p class="empty muted">Searching…</p>}
      {hits && hits.length === 0 && (
        <p class="empty muted" data-testid="search-empty">
          No conversation of your teams matches.
        </p>
      )}
      <ul>
        {(hits ?? []).map((hit) => (
          <ConversationRow key={hit.id} item={hit} now={now} selected={hit.id === props.selectedId} note={`matched ${MATCH_LABELS[hit.match] ?? hit.match}`} />
        ))}
      </ul>
    </div>
  );
}
