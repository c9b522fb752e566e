import type { Agent, ConversationListItem } from '../shared/types';
import type { InboxTab } from './tabs';

/** The list's filters as query parameters of GET /conversations (strings, as in the URL). */
export interface ListFilter {
  status?: string;
  assignee?: string;
  channel?: string;
  language?: string;
  team?: string;
  priority?: string;
  /** Seconds. */
  waitingOver?: string;
}

export interface SavedView {
  id: string;
  label: string;
  filter: ListFilter;
}

/** The saved-view row: one click to the lists an agent asks for most. */
export const SAVED_VIEWS: SavedView[] = [
  { id: 'mine', label: 'Mine', filter: { status: 'assigned', assignee: 'me' } },
  { id: 'unassigned', label: 'Unassigned', filter: { status: 'queued' } },
  { id: 'waiting', label: 'Waiting > 5 min', filter: { status: 'queued', waitingOver: '300' } },
];

export const CHANNEL_OPTIONS = ['whatsapp', 'whatsapp_cloud', 'messenger', 'instagram', 'sandbox'];
export const LANGUAGE_OPTIONS: [string, string][] = [
  ['en', 'English'],
  ['hi', 'Hindi'],
  ['hi-Latn', 'Hinglish'],
  ['ur', 'Urdu'],
  ['ne', 'Nepali'],
];
export const PRIORITY_OPTIONS = ['urgent', 'high', 'normal', 'low'];
export const WAITING_OPTIONS: [string, string][] = [
  ['60', '1 min'],
  ['300', '5 min'],
  ['900', '15 min'],
  ['3600', '1 hour'],
];

/** The filter without its empty fields. */
export function cleanFilter(f: ListFilter): ListFilter {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as ListFilter;
}

/** The tab that lists a filter (null when the filter is empty: the normal tabs show). */
export function filterTab(f: ListFilter, label: string): InboxTab | null {
  const clean = cleanFilter(f);
  if (Object.keys(clean).length === 0) return null;
  const queued = clean.status === 'queued' || clean.waitingOver !== undefined;
  return { id: 'filtered', label, query: { ...clean }, kind: queued ? 'queue' : 'all' };
}

/** Whether an agent may ask for a team's list (agents: their own teams; admins: any). */
export function teamsToOffer(agent: Agent, teams: { id: string; name: string }[]): { id: string; name: string }[] {
  return agent.role === 'admin' ? teams : teams.filter((t) => agent.teams.includes(t.id));
}

/** What a search hit says about why it came up. */
export const MATCH_LABELS: Record<string, string> = {
  order: 'order number',
  phone: 'phone',
  email: 'e-mail',
  address: 'address',
  words: 'message or name',
};

export type SearchHit = ConversationListItem & { match: string };
