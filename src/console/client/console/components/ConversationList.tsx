import type { ConversationListItem } from '../../shared/types';
import { useNow } from '../useNow';
import { ConversationRow } from './ConversationRow';

export function ConversationList(props: { tabId: string; items: ConversationListItem[]; loaded: boolean; error?: string; selectedId?: string }) {
  const now = useNow(1000);
  return (
    <div class="list" role="tabpanel" aria-labelledby={`tab-${props.tabId}`} data-testid="conversation-list">
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      {props.loaded && props.items.length === 0 && !props.error && <p class="empty muted">Nothing here right now.</p>}
      <ul>
        {props.items.map((item) => (
          <ConversationRow key={item.id} item={item} now={now} selected={item.id === props.selectedId} />
        ))}
      </ul>
    </div>
  );
}
