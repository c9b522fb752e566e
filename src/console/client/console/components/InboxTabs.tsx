import type { InboxTab } from '../tabs';
import type { TabList } from '../useInbox';

export function InboxTabs(props: { tabs: InboxTab[]; activeId?: string; lists: Record<string, TabList>; onChoose: (id: string) => void }) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = props.tabs.findIndex((t) => t.id === props.activeId);
    const next = props.tabs[(i + (e.key === 'ArrowRight' ? 1 : props.tabs.length - 1)) % props.tabs.length];
    if (next) {
      props.onChoose(next.id);
      (document.getElementById(`tab-${next.id}`) as HTMLElement | null)?.focus();
    }
  };
  return (
    <div class="tabs" role="tablist" aria-label="Inbox" onKeyDown={onKeyDown}>
      {props.tabs.map((t) => {
        const count = props.lists[t.id]?.items.length;
        const selected = t.id === props.activeId;
        return (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            class="tabs__tab"
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            onClick={() => props.onChoose(t.id)}
            data-testid={`tab-${t.id}`}
          >
            {t.label}
            {count !== undefined && (
              <span class="tabs__count" data-testid={`tab-count-${t.id}`}>
                {count}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
