import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, errorText, query } from '../shared/api';
import type { ConversationListItem } from '../shared/types';
import { subscribeLive } from './liveBus';
import { sortItems, type InboxTab } from './tabs';

export interface TabList {
  items: ConversationListItem[];
  loaded: boolean;
  error?: string;
}

export function itemsOf<T>(r: T[] | { items: T[] }): T[] {
  return Array.isArray(r) ? r : r.items;
}

/**
 * Every tab's list, kept live: any change to a conversation or a new message refetches the lists
 * (debounced), and so does a reconnection of the stream. No reload, no polling.
 */
export function useInbox(tabs: InboxTab[]): { lists: Record<string, TabList>; refresh: () => void } {
  const [lists, setLists] = useState<Record<string, TabList>>({});
  const tabsRef = useRef(tabs);
  tabsRef.current = tabs;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const generation = useRef(0);

  const fetchAll = useCallback(async () => {
    const gen = ++generation.current;
    const current = tabsRef.current;
    const results = await Promise.all(
      current.map(async (tab): Promise<[string, TabList]> => {
        try {
          const r = await api.get<ConversationListItem[] | { items: ConversationListItem[] }>(`/conversations${query(tab.query)}`);
          return [tab.id, { items: sortItems(tab, itemsOf(r)), loaded: true }];
        } catch (err) {
          return [tab.id, { items: [], loaded: true, error: errorText(err) }];
        }
      }),
    );
    if (gen !== generation.current) return;
    setLists((prev) => {
      const next: Record<string, TabList> = {};
      for (const [id, list] of results) next[id] = list.error && prev[id] ? { ...prev[id], error: list.error } : list;
      return next;
    });
  }, []);

  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void fetchAll(), 200);
  }, [fetchAll]);

  const tabsKey = tabs.map((t) => t.id).join('|');
  useEffect(() => {
    void fetchAll();
  }, [tabsKey, fetchAll]);

  useEffect(
    () =>
      subscribeLive((signal) => {
        if (signal.kind === 'resync') return refresh();
        const t = signal.envelope.event.type;
        if (t.startsWith('conversation.') || t === 'message.created') refresh();
      }),
    [refresh],
  );

  useEffect(() => () => timer.current && clearTimeout(timer.current), []);
  return { lists, refresh };
}
