import type { Agent, ConversationListItem, Team } from '../shared/types';
import { toMs } from '../shared/format';
import { PRIORITY_RANK } from './priority';

export interface InboxTab {
  id: string;
  label: string;
  query: Record<string, string | undefined>;
  kind: 'queue' | 'mine' | 'all';
}

/** The queues of the agent's teams, "Mine", and "All" for admins. */
export function tabsFor(agent: Agent, teams: Team[]): InboxTab[] {
  const name = (id: string) => teams.find((t) => t.id === id)?.name ?? id;
  const queues: InboxTab[] = agent.teams.map((team) => ({
    id: `queue:${team}`,
    label: name(team),
    query: { status: 'queued', team },
    kind: 'queue',
  }));
  const mine: InboxTab = { id: 'mine', label: 'Mine', query: { status: 'assigned', assignee: 'me' }, kind: 'mine' };
  const all: InboxTab[] = agent.role === 'admin' ? [{ id: 'all', label: 'All', query: {}, kind: 'all' }] : [];
  return [...queues, mine, ...all];
}

/** Queues: most urgent first, then who has waited longest. Other lists: most recent first. */
export function sortItems(tab: InboxTab, items: ConversationListItem[]): ConversationListItem[] {
  const copy = [...items];
  if (tab.kind === 'queue') {
    copy.sort(
      (a, b) =>
        PRIORITY_RANK[b.priority ?? 'normal'] - PRIORITY_RANK[a.priority ?? 'normal'] ||
        waitedSince(a) - waitedSince(b),
    );
  } else {
    copy.sort((a, b) => (toMs(b.lastMessage?.at) ?? 0) - (toMs(a.lastMessage?.at) ?? 0));
  }
  return copy;
}

function waitedSince(item: ConversationListItem): number {
  return toMs(item.waitingSince) ?? toMs(item.lastMessage?.at) ?? Number.MAX_SAFE_INTEGER;
}
