import { toMs } from '../shared/format';
import type { ConversationListItem, LiveEvent } from '../shared/types';
import { sortItems, type InboxTab } from './tabs';

/**
 * Live events applied to the inbox lists in place. A conversation or new-message event carries the
 * conversation's list row as it now stands: the row is put into every list whose filter it passes
 * (replacing the old one, in the list's order) and taken out of the others. Only what an event
 * can't tell needs a fetch: an event without a row (a conversation that left the viewer's teams).
 */

export interface TabList {
  items: ConversationListItem[];
  loaded: boolean;
  error?: string;
}

/** The list API's default length: a list shows no more rows than a fetch would. */
export const LIST_LENGTH = 100;

/** Whether a row passes a tab's filter (the query of GET /conversations, as the server reads it). */
export function rowMatches(tab: InboxTab, row: ConversationListItem, me: string, now: number): boolean {
  const q = tab.query;
  if (q.status && row.status !== q.status) return false;
  if (q.team && row.team !== q.team) return false;
  if (q.assignee && row.assigneeId !== (q.assignee === 'me' ? me : q.assignee)) return false;
  if (q.channel && row.channel !== q.channel) return false;
  if (q.language && row.language !== q.language) return false;
  if (q.priority && (row.priority ?? 'normal') !== q.priority) return false;
  if (q.waitingOver) {
    const since = toMs(row.waitingSince);
    if (row.status !== 'queued' || since === undefined || now - since < Number(q.waitingOver) * 1000) return false;
  }
  return true;
}

/** The events that change what the lists show. */
export function touchesLists(event: LiveEvent): boolean {
  return event.type.startsWith('conversation.') || event.type === 'message.created';
}

/** Whether the lists must be fetched to learn what an event means for them. */
export function needsFetch(event: LiveEvent): boolean {
  return touchesLists(event) && !('row' in event && event.row);
}

type Revision = readonly [number, number];

/** An event's row, when it carries one. */
export function rowOf(event: LiveEvent): (ConversationListItem & { rev?: Revision }) | undefined {
  return touchesLists(event) && 'row' in event && event.row ? event.row : undefined;
}

/**
 * Whether a row is older than one already applied for its conversation. Revisions compare by
 * ownership change first, then by last update; a row without one is never called stale.
 */
export function isStaleRow(rev: Revision | undefined, latest: Revision | undefined): boolean {
  if (!rev || !latest) return false;
  return rev[0] < latest[0] || (rev[0] === latest[0] && rev[1] < latest[1]);
}

/** The lists after an event: the same object when nothing changed. */
export function applyLiveEvent(
  lists: Record<string, TabList>,
  tabs: readonly InboxTab[],
  event: LiveEvent,
  me: string,
  now: number,
): Record<string, TabList> {
  if (!touchesLists(event) || !('row' in event) || !event.row) return lists;
  const row = event.row;
  let next = lists;
  for (const tab of tabs) {
    const list = lists[tab.id];
    if (!list?.loaded) continue;
    const at = list.items.findIndex((i) => i.id === row.id);
    const keep = rowMatches(tab, row, me, now);
    if (!keep && at < 0) continue;
    const others = at < 0 ? list.items : list.items.filter((i) => i.id !== row.id);
    const items = keep ? sortItems(tab, [...others, row]).slice(0, LIST_LENGTH) : others;
    if (next === lists) next = { ...lists };
    next[tab.id] = { ...list, items };
  }
  return next;
}
