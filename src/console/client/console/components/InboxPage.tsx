import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Agent, Team } from '../../shared/types';
import { navigate } from '../route';
import { useShortcut } from '../shortcuts';
import { tabsFor } from '../tabs';
import { useInbox } from '../useInbox';
import { ConversationList } from './ConversationList';
import { ConversationView } from './ConversationView';
import { InboxTabs } from './InboxTabs';

const TAB_KEY = 'baton.console.tab';

export function InboxPage(props: { agent: Agent; teams: Team[]; conversationId?: string; onSeen: () => void }) {
  const { agent, teams, conversationId } = props;
  const tabs = useMemo(() => tabsFor(agent, teams), [agent.id, agent.role, agent.teams.join(','), teams]);
  const [tabId, setTabId] = useState<string>(() => sessionStorage.getItem(TAB_KEY) ?? '');
  const active = tabs.find((t) => t.id === tabId) ?? tabs[0];
  const { lists, refresh } = useInbox(tabs);
  const list = active ? lists[active.id] : undefined;
  const items = list?.items ?? [];

  useEffect(() => {
    if (conversationId) props.onSeen();
  }, [conversationId]);

  const choose = (id: string) => {
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

  return (
    <div class="inbox">
      <section class="inbox__lists" aria-label="Conversations">
        <InboxTabs tabs={tabs} activeId={active?.id} lists={lists} onChoose={choose} />
        {active && (
          <ConversationList
            tabId={active.id}
            items={items}
            loaded={list?.loaded ?? false}
            error={list?.error}
            selectedId={conversationId}
          />
        )}
        <p class="hint muted">
          <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>c</kbd> claim · <kbd>r</kbd> reply
        </p>
      </section>
      <section class="inbox__main" aria-label="Conversation">
        {conversationId ? (
          <ConversationView key={conversationId} id={conversationId} agent={agent} teams={teams} onChanged={refresh} />
        ) : (
          <div class="empty muted" data-testid="no-conversation">
            Pick a conversation on the left.
          </div>
        )}
      </section>
    </div>
  );
}
