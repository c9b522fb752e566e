import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, errorText, query } from '../shared/api';
import type { ConversationListItem, LiveEvent } from '../shared/types';
import { subscribeLive } from './liveBus';
import { applyLiveEvent, isStaleRow, needsFetch, rowOf, type TabList } from './listUpdates';
import { sortItems, type InboxTab } from './tabs';

export type { TabList };

export function itemsOf<T>(r: T[] | { items: T[] }): T[] {
  return Array.isArray(r) ? r : r.items;
}

/** At most one fetch of the lists per this many ms for events that don't say enough (see listUpdates). */
export const EVENT_FETCH_MS = 3000;
/** How often lists filtered by waiting time are fetched again (a row crosses the threshold with no event). */
export const WAITING_FETCH_MS = 30_000;
/** How many applied events are kept to bring a fetch that overlapped them up to date. */
const REPLAY_KEPT = 200;

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
  /** The newest revision applied per conversation: an older row that arrives late is dropped. */
  const revisions = useRef(new Map<string, readonly [number, number]>());
  /** The row events applied lately, numbered: a fetch's result is brought up to date with those that came during it. */
  const applied = useRef<{ seq: number; event: LiveEvent }[]>([]);
  const seq = useRef(0);

  const fetchAll = useCallback(async () => {
    const gen = ++generation.current;
    const from = seq.current;
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
      let next: Record<string, TabList> = {};
      for (const [id, list] of results) next[id] = list.error && prev[id] ? { ...prev[id], error: list.error } : list;
      // The lists were read while these events went by: the fetch may predate them.
      for (const a of applied.current) if (a.seq >= from) next = applyLiveEvent(next, current, a.event, me, Date.now());
      return next;
    });
  }, [me]);

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
        const row = rowOf(event);
        if (row) {
          if (isStaleRow(row.rev, revisions.current.get(row.id))) return;
          if (row.rev) revisions.current.set(row.id, row.rev);
          applied.current.push({ seq: seq.current++, event });
          if (applied.current.length > REPLAY_KEPT) applied.current.splice(0, applied.current.length - REPLAY_KEPT);
        }
        setLists((prev) => applyLiveEvent(prev, tabsRef.current, event, me, Date.now()));
      }),
    [refresh, fetchForEvent, me],
  );

  useEffect(() => () => timer.current && clearTimeout(timer.current), []);
  return { lists, refresh };
}
