import type { ChannelName, Conversation } from '../conversations/types';
import type { ConversationListItem, LiveListRow } from '../inbox/contracts';
import type { Priority, WindowVerdict } from './types';

/** The conversation list's filters (all optional; all given must hold). */
export interface ListFilters {
  team?: string;
  /** An agent id. */
  assignee?: string;
  channel?: ChannelName;
  /** A language tag as stored on the conversation (en, hi, hi-Latn, ur, ne). */
  language?: string;
  priority?: Priority;
  /** Queued, and waiting at least this long (ms). */
  waitingOverMs?: number;
}

export type Filterable = Pick<Conversation, 'team' | 'assigneeId' | 'channel' | 'language' | 'priority' | 'status' | 'queuedAt'>;

/** Whether a conversation passes every filter given, at `now`. A conversation without a priority is `normal`. */
export function matchesListFilters(c: Filterable, f: ListFilters, now: number): boolean {
  if (f.team !== undefined && c.team !== f.team) return false;
  if (f.assignee !== undefined && c.assigneeId !== f.assignee) return false;
  if (f.channel !== undefined && c.channel !== f.channel) return false;
  if (f.language !== undefined && c.language !== f.language) return false;
  if (f.priority !== undefined && (c.priority ?? 'normal') !== f.priority) return false;
  if (f.waitingOverMs !== undefined) {
    if (c.status !== 'queued' || c.queuedAt === undefined || now - c.queuedAt < f.waitingOverMs) return false;
  }
  return true;
}

/** The list's preview: the customer's last words; Baton's or an agent's text only when the customer never wrote. */
export function listPreviewOf(c: Pick<Conversation, 'lastInboundAt' | 'lastInboundPreview' | 'lastMessageAt' | 'lastMessagePreview'>):
  | { text?: string; at: string; author?: 'customer' }
  | undefined {
  if (c.lastInboundAt !== undefined && c.lastInboundPreview !== undefined) {
    return { text: c.lastInboundPreview, at: new Date(c.lastInboundAt).toISOString(), author: 'customer' };
  }
  if (c.lastInboundAt !== undefined) return { at: new Date(c.lastInboundAt).toISOString(), author: 'customer' };
  if (c.lastMessageAt !== undefined) return { text: c.lastMessagePreview, at: new Date(c.lastMessageAt).toISOString() };
  return undefined;
}

const iso = (ms?: number) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** A conversation as a row of the inbox lists. */
export function listItemOf(c: Conversation, window: WindowVerdict): ConversationListItem {
  return {
    id: c.id,
    channel: c.channel,
    customer: { id: c.customerId, name: c.customerName, address: c.customerAddress },
    status: c.status,
    team: c.team,
    assigneeId: c.assigneeId,
    priority: c.priority,
    waitingSince: c.status === 'queued' ? iso(c.queuedAt) : undefined,
    lastMessage: listPreviewOf(c),
    language: c.language,
    window,
  };
}

/** The row as the list API sends it (times as ISO strings), for a live event. */
export function liveRowOf(c: Conversation, window: WindowVerdict): LiveListRow {
  const item = listItemOf(c, window);
  return JSON.parse(
    JSON.stringify({
      ...item,
      window: { ...window, closesAt: iso(window.closesAt), humanAgentClosesAt: iso(window.humanAgentClosesAt) },
      rev: [c.ownerToken, c.updatedAt],
    }),
  ) as LiveListRow;
}
