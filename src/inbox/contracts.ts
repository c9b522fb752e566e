import type { Conversation, Message } from '../conversations/types';
import type { Agent, HandoffPacket, Priority, WindowVerdict } from '../handoff/types';
import type { ConversationListItemWire } from './api/views';

/**
 * The conversation's row in the inbox lists as it stands after the change, as GET /conversations
 * sends it: the console updates its lists from it instead of fetching them again. Only sent with an
 * event the viewer may see (same team scope as the event).
 */
export type LiveListRow = ConversationListItemWire & {
  /**
   * The conversation's revision when the row was read: [ownerToken, updatedAt]. Events can reach a
   * console out of the order of the changes (one event carries the conversation as read with its
   * message, another as stored after an escalation): a row older than one already shown is stale.
   */
  rev?: readonly [number, number];
};

/**
 * The seams between the agent inbox (HTTP API, live events, console) and the handoff core.
 * The API validates input and checks roles; the handoff core decides and changes state.
 */

/** Typed live events, fanned out to every instance through Redis and to agents over SSE. */
export type LiveEvent =
  | { type: 'conversation.escalated'; conversationId: string; team: string; priority: Priority; reason: string; row?: LiveListRow }
  | { type: 'conversation.assigned'; conversationId: string; agentId: string; team: string; row?: LiveListRow }
  | { type: 'conversation.status'; conversationId: string; status: Conversation['status']; team?: string; assigneeId?: string; row?: LiveListRow }
  | { type: 'message.created'; conversationId: string; messageId: string; direction: Message['direction']; author: Message['author']; team?: string; row?: LiveListRow }
  | { type: 'message.status'; conversationId: string; messageId: string; status: Message['status']; errorCode?: string; team?: string }
  | { type: 'agent.presence'; agentId: string; presence: Agent['presence'] }
  | { type: 'followup.opened'; followUpId: string; conversationId: string; team: string };

export interface LiveEventEnvelope {
  /** Stream id, resumable with Last-Event-ID. */
  id: string;
  at: number;
  event: LiveEvent;
}

export interface EventBus {
  publish(event: LiveEvent): Promise<void>;
}

export interface ConversationListQuery {
  status?: Conversation['status'];
  team?: string;
  /** An agent id; the API turns `me` into the caller's id. */
  assignee?: string;
  channel?: Conversation['channel'];
  language?: string;
  priority?: Priority;
  /** Queued and waiting at least this long (ms). */
  waitingOverMs?: number;
  /** Only these conversations, in this order (search results). */
  ids?: readonly string[];
  limit?: number;
  /** Only conversations this says the caller may see (team scoping); applied before `limit`. */
  visible?: (c: { team?: string; assigneeId?: string }) => boolean;
}

export interface ConversationListItem {
  id: string;
  channel: Conversation['channel'];
  customer: { id?: string; name?: string; address: string };
  status: Conversation['status'];
  team?: string;
  assigneeId?: string;
  priority?: Priority;
  waitingSince?: string;
  lastMessage?: { text?: string; at: string; author?: Message['author'] };
  language?: string;
  window: WindowVerdict;
}

export interface CustomerView {
  id: string;
  name?: string;
  vip: boolean;
  addresses: { channel: string; address: string; verified: boolean }[];
  conversations: { id: string; channel: string; status: string; startedAt: string; lastMessageAt?: string }[];
  /** Unverified hints (a number typed in a message) the agent may check and merge. */
  suggestedLinks: { id: string; otherCustomerId: string; channel: string; address: string; evidence: string }[];
}

export interface ConversationDetail {
  conversation: Conversation & { window: WindowVerdict };
  packet: HandoffPacket | null;
  messages: Message[];
  customer: CustomerView | null;
}

export interface AgentReply {
  text?: string;
  /** An approved template by name (configured with its ContentSid) and its variables. */
  template?: { name: string; variables?: Record<string, string> };
  mediaUrl?: string;
  /** A file uploaded into this conversation (POST /conversations/:id/uploads). */
  uploadId?: string;
}

export interface TransferRequest {
  team?: string;
  agentId?: string;
  note?: string;
}

/** What agents can do to conversations; every mutation is audited by the implementation. */
export interface ConversationActions {
  list(query: ConversationListQuery, actor: Agent): Promise<ConversationListItem[]>;
  detail(id: string, actor: Agent): Promise<ConversationDetail>;
  claim(id: string, actor: Agent): Promise<Conversation>;
  reply(id: string, actor: Agent, reply: AgentReply): Promise<Message>;
  note(id: string, actor: Agent, text: string): Promise<Message>;
  transfer(id: string, actor: Agent, request: TransferRequest): Promise<Conversation>;
  handback(id: string, actor: Agent): Promise<Conversation>;
  resolve(id: string, actor: Agent): Promise<Conversation>;
}
