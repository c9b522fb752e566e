import type { ChannelName, Conversation } from '../conversations/types';
import type { Priority } from './types';

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
