import type {
  ChannelName,
  Conversation,
  ConversationStatus,
  DeliveryStatus,
  Message,
  NewMessage,
} from './types';

export interface OpenConversationInput {
  channel: ChannelName;
  customerAddress: string;
  customerName?: string;
  platformUserId?: string;
  at?: number;
}

/** Fields that may change without a change of owner. Ownership moves only through transition(). */
export type ConversationPatch = Partial<
  Pick<Conversation, 'language' | 'customerName' | 'platformUserId' | 'customerId' | 'csat' | 'nps' | 'callDeflection' | 'firstAgentReplyAt'>
>;

/** A change of owner: checked against the current status (and token), bumps the token. */
export interface OwnershipTransition {
  /** Refuse unless the conversation is in one of these statuses. */
  from: Conversation['status'][];
  /** Refuse unless the token is still this one (the state the caller decided on). */
  expectToken?: number;
  to: Conversation['status'];
  /** Fields set with the change; `null` removes a field. */
  set?: Partial<
    Record<
      'team' | 'assigneeId' | 'priority' | 'queuedAt' | 'assignedAt' | 'escalatedAt' | 'escalationReason' | 'resolvedAt' | 'firstAgentReplyAt',
      string | number | null
    >
  >;
  /** Count a reopening (resolved → bot by a customer message). */
  reopen?: boolean;
}

export type TransitionResult =
  | { ok: true; conversation: Conversation; previous: Conversation }
  | { ok: false; conversation: Conversation; why: 'status' | 'token' };

export type StatusUpdateResult =
  /** The status moved forward. */
  | { outcome: 'applied'; message: Message }
  /** The message is already at or past that status (out-of-order or repeated callback). */
  | { outcome: 'stale'; message: Message }
  /** No message carries that platform id yet; the update is parked and applied when it does. */
  | { outcome: 'parked' };

export interface AppendOptions {
  /**
   * Append only while the conversation's owner token is still this one (else BatonError
   * OWNERSHIP_CHANGED): a send decided under an old owner never goes out.
   */
  fence?: number;
  /** Also return the conversation as it stands right after the append (same round trip on Redis). */
  returnConversation?: boolean;
  /**
   * Resolve once the message is recorded, without waiting for its list and by-update indexes: the
   * result's `indexed` resolves (or rejects) once they are written, and the caller awaits it before
   * its work counts as done. The caller's next commands then travel with the index writes.
   */
  indexLater?: boolean;
}

export interface AppendResult {
  message: Message;
  duplicate: boolean;
  /** With `returnConversation`: the conversation right after the append (or, for a duplicate, as it is). */
  conversation?: Conversation;
  /** With `indexLater`: the index writes of a new message (absent when there are none to wait for). */
  indexed?: Promise<void>;
}

/** Enough of a conversation to address its transcript. */
export type ConversationRef = Pick<Conversation, 'id' | 'channel'>;

export interface ListConversationsQuery {
  status?: ConversationStatus;
  channel?: ChannelName;
  /** The conversation's own team (not the default team a bot conversation would go to). */
  team?: string;
  /** An agent id. */
  assignee?: string;
  /** Only what an agent may see: these teams ('' = conversations with no team yet) and what they hold. */
  scope?: { teams: readonly string[]; agentId: string };
  /** Any further test (filters the index can't answer, team scoping); at most LIST_MAX_SCAN conversations are read for it. */
  where?: (c: Conversation) => boolean;
  limit?: number;
}

/**
 * Conversations and their transcripts. One implementation runs on real Redis and on the embedded
 * in-memory Redis; test/contract/conversationStore.contract.ts holds the behaviour both must show.
 */
export interface ConversationStore {
  /** The conversation for (channel, customer address), opened if there is none. Safe under races. */
  findOrOpen(input: OpenConversationInput): Promise<{ conversation: Conversation; opened: boolean }>;
  get(id: string): Promise<Conversation | null>;
  findByAddress(channel: ChannelName, customerAddress: string): Promise<Conversation | null>;
  update(id: string, patch: ConversationPatch): Promise<Conversation>;
  list(query?: ListConversationsQuery): Promise<Conversation[]>;

  /**
   * Appends to the transcript. A message whose platform id is already recorded is not added twice.
   * With `fence`, the append happens only while the conversation's owner token is still that one
   * (else BatonError OWNERSHIP_CHANGED): a send decided under an old owner never goes out.
   * With `returnConversation`, the result carries the conversation as the append left it.
   */
  appendMessage(conversation: ConversationRef, message: NewMessage, opts?: AppendOptions): Promise<AppendResult>;

  /** Moves a conversation to a new owner atomically, keeping team queues and agents' loads in step. */
  transition(id: string, change: OwnershipTransition): Promise<TransitionResult>;
  /** Conversations waiting in a team's queue, by priority then waiting time. */
  queue(team: string, limit?: number): Promise<string[]>;
  /** 1-based place in the team's queue, or null. */
  queuePosition(id: string, team: string): Promise<number | null>;
  /** Length and oldest queued time (ms) of a team's queue, without reading its conversations. */
  queueStats(team: string): Promise<{ length: number; oldestQueuedAt?: number }>;
  /** Conversations an agent holds now. */
  agentLoad(agentId: string): Promise<string[]>;
  getMessage(id: string): Promise<Message | null>;
  /** Transcript, oldest first; `limit` keeps the newest N. */
  listMessages(conversationId: string, opts?: { limit?: number }): Promise<Message[]>;
  findMessageByPlatformId(channel: ChannelName, platformMessageId: string): Promise<Message | null>;

  /**
   * Records the platform id of a sent message and applies any status parked for it. With
   * `index: false` (a channel whose receipts name the message, or are watermarks) the platform id is
   * only on the message, not in the platform id → message index findMessageByPlatformId reads.
   */
  attachPlatformId(messageId: string, channel: ChannelName, platformMessageId: string, status: DeliveryStatus, opts?: { index?: boolean }): Promise<Message>;
  /** Marks a message failed (or any status) directly, with the platform's error code. */
  setMessageStatus(messageId: string, status: DeliveryStatus, error?: { code: string; message?: string }): Promise<Message>;
  /**
   * Moves a sent message's status forward only, whatever order callbacks arrive in. With
   * `messageId` (the receipt names our message: Twilio's StatusCallback query), the update applies
   * to that message when it carries the platform id, and is held until it does.
   */
  updateStatusByPlatformId(
    channel: ChannelName,
    platformMessageId: string,
    status: DeliveryStatus,
    error?: { code: string; message?: string },
    messageId?: string,
  ): Promise<StatusUpdateResult>;
  /** Messenger receipts: every outbound message sent at or before `watermark` reaches `status`. */
  applyWatermark(conversationId: string, status: 'delivered' | 'read', watermark: number): Promise<number>;

  /** Opaque per-conversation bot state (JSON), owned by the bot. */
  getBotState(conversationId: string): Promise<string | null>;
  setBotState(conversationId: string, json: string): Promise<void>;
}
