import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, errorText, query } from '../shared/api';
import type { ConversationListItem } from '../shared/types';
import { subscribeLive } from './liveBus';
import { applyLiveEvent, needsFetch, type TabList } from './listUpdates';
import { sortItems, type InboxTab } from './tabs';

export type { TabList };

export function itemsOf<T>(r: T[] | { items: T[] }): T[] {
  return Array.isArray(r) ? r : r.items;
}

/** At most one fetch of the lists per this many ms for events that don't say enough (see listUpdates). */
export const EVENT_FETCH_MS = 3000;
/** How often lists filtered by waiting time are fetched again (a row crosses the threshold with no event). */
export const WAITING_FETCH_MS = 30_000;

/**
 * Every tab's list, kept live: events carry the changed conversation's row, applied in place
 * (listUpdates.ts); a fetch happens when the tabs change, when the stream reconnects (resync), for an
 * event without a row (at most once per EVENT_FETCH_MS), and every WAITING_FETCH_MS for lists
 * filtered by waiting time. No reload, no fetch per message.
 */
export function useInbox(tabs: InboxTab[], me: string): { lists: Record<string, TabList>; refresh: () => void } {
  const [lists, setLists] = useState<Record<string, TabList>>({});
  const tabsRef = useRef(tabs);
  tabsRef.current = tabs;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastEventFetch = useRef(0);
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

  /** A fetch soon (debounced), e.g. after the agent's own action or a reconnection. */
  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void fetchAll();
    }, 200);
  }, [fetchAll]);

  /** A fetch for events that don't say enough: at most once per EVENT_FETCH_MS. */
  const fetchForEvent = useCallback(() => {
    if (timer.current) return;
    const wait = Math.max(200, lastEventFetch.current + EVENT_FETCH_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = undefined;
      lastEventFetch.current = Date.now();
      void fetchAll();
    }, wait);
  }, [fetchAll]);

  const tabsKey = tabs.map((t) => `${t.id}:${JSON.stringify(t.query)}`).join('|');
  useEffect(() => {
    void fetchAll();
  }, [tabsKey, fetchAll]);

  useEffect(() => {
    if (!tabs.some((t) => t.query.waitingOver)) return;
    const every = setInterval(() => void fetchAll(), WAITING_FETCH_MS);
    return () => clearInterval(every);
  }, [tabsKey, fetchAll]);

  useEffect(
    () =>
      subscribeLive((signal) => {
        if (signal.kind === 'resync') return refresh();
        const event = signal.envelope.event;
        if (needsFetch(event)) return fetchForEvent();
        setLists((prev) => applyLiveEvent(prev, tabsRef.current, event, me, Date.now()));
      }),
    [refresh, fetchForEvent, me],
  );

  useEffect(() => () => timer.current && clearTimeout(timer.current), []);
  return { lists, refresh };
}
