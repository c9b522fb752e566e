import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Agent, Team } from '../../shared/types';
import { cleanFilter, filterTab, SAVED_VIEWS, type ListFilter } from '../listViews';
import { navigate, onLinkClick, routePath } from '../route';
import { useShortcut } from '../shortcuts';
import { tabsFor } from '../tabs';
import { useInbox } from '../useInbox';
import { ConversationList } from './ConversationList';
import { ConversationView } from './ConversationView';
import { InboxTabs } from './InboxTabs';
import { ListFilters } from './ListFilters';
import { SavedViews } from './SavedViews';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';

const TAB_KEY = 'baton.console.tab';

export function InboxPage(props: { agent: Agent; teams: Team[]; conversationId?: string; onSeen: () => void }) {
  const { agent, teams, conversationId } = props;
  const tabs = useMemo(() => tabsFor(agent, teams), [agent.id, agent.role, agent.teams.join(','), teams]);
  const [tabId, setTabId] = useState<string>(() => sessionStorage.getItem(TAB_KEY) ?? '');
  const [search, setSearch] = useState<string | null>(null);
  const [viewId, setViewId] = useState<string | null>(null);
  const [filter, setFilter] = useState<ListFilter>({});
  const [showFilters, setShowFilters] = useState(false);
  const view = SAVED_VIEWS.find((v) => v.id === viewId);
  const filtered = filterTab({ ...view?.filter, ...cleanFilter(filter) }, view?.label ?? 'Filtered');
  const listed = useMemo(() => (filtered ? [...tabs, filtered] : tabs), [tabs, JSON.stringify(filtered)]);
  const active = filtered ?? tabs.find((t) => t.id === tabId) ?? tabs[0];
  const { lists, refresh } = useInbox(listed, agent.id);
  const list = active ? lists[active.id] : undefined;
  const items = list?.items ?? [];

  useEffect(() => {
    if (conversationId) props.onSeen();
  }, [conversationId]);

  const choose = (id: string) => {
    setViewId(null);
    setFilter({});
    setTabId(id);
    sessionStorage.setItem(TAB_KEY, id);
    props.onSeen();
  };

  const step = (delta: number) => {
    if (!items.length) return;
    const i = items.findIndex((c) => c.id === conversationId);
    const next = items[i < 0 ? 0 : Math.min(items.length - 1, Math.max(0, i + delta))];
    if (next) navigate({ page: 'inbox', conversationId: next.id });
  };
  useShortcut('j', () => step(1));
  useShortcut('k', () => step(-1));

  const back = { page: 'inbox' } as const;
  return (
    <div class={conversationId ? 'inbox inbox--conv' : 'inbox'}>
      <section class="inbox__lists" aria-label="Conversations">
        <SearchBox active={search !== null} onSearch={setSearch} onClear={() => setSearch(null)} />
        <div class="inbox__views">
          <SavedViews activeId={viewId ?? undefined} onChoose={(v) => setViewId(v?.id ?? null)} />
          <button type="button" class="views__btn" aria-expanded={showFilters} onClick={() => setShowFilters(!showFilters)} data-testid="filters-toggle">
            Filters{Object.keys(cleanFilter(filter)).length ? ` (${Object.keys(cleanFilter(filter)).length})` : ''}
          </button>
        </div>
        {showFilters && <ListFilters agent={agent} teams={teams} value={filter} onChange={setFilter} />}
        <InboxTabs tabs={tabs} activeId={filtered ? undefined : active?.id} lists={lists} onChoose={choose} />
        {search !== null ? (
          <SearchResults q={search} selectedId={conversationId} />
        ) : (
          active && <ConversationList tabId={active.id} items={items} loaded={list?.loaded ?? false} error={list?.error} selectedId={conversationId} />
        )}
        <p class="hint muted">
          <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>c</kbd> claim · <kbd>r</kbd> reply
        </p>
      </section>
      <section class="inbox__main" aria-label="Conversation">
        {conversationId ? (
          <>
            <a class="inbox__back" href={routePath(back)} onClick={onLinkClick(back)} data-testid="back-to-list">
              ← Conversations
            </a>
            <ConversationView key={conversationId} id={conversationId} agent={agent} teams={teams} onChanged={refresh} />
          </>
        ) : (
          <div class="empty muted" data-testid="no-conversation">
            Pick a conversation on the left.
          </div>
        )}
      </section>
    </div>
  );
}
