/**
 * The one normalised vocabulary every channel speaks after its webhook has been verified and parsed:
 * inbound events in, conversations and their transcripts in the store.
 */

/** `whatsapp` is WhatsApp through Twilio; `whatsapp_cloud` is WhatsApp through Meta's Cloud API. */
export type ChannelName = 'whatsapp' | 'whatsapp_cloud' | 'messenger' | 'instagram' | 'sandbox';
export const CHANNELS: readonly ChannelName[] = ['whatsapp', 'whatsapp_cloud', 'messenger', 'instagram', 'sandbox'];

export type Author = 'customer' | 'bot' | 'agent' | 'system';
/** `internal`: private notes and system events on the transcript, never sent to the customer. */
export type Direction = 'inbound' | 'outbound' | 'internal';

/**
 * Delivery status of a message. Outbound statuses only move forward along STATUS_RANK;
 * `failed` and `undelivered` are terminal and carry the platform's error code.
 */
export type DeliveryStatus =
  | 'received'
  | 'pending'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'failed'
  | 'undelivered';

export const STATUS_RANK: Record<DeliveryStatus, number> = {
  received: 0,
  pending: 1,
  queued: 2,
  sending: 3,
  sent: 4,
  delivered: 5,
  read: 6,
  undelivered: 7,
  failed: 8,
};

/** True when moving from `current` to `next` is a step forward (never back, never out of a terminal state). */
export function isStatusAdvance(current: DeliveryStatus, next: DeliveryStatus): boolean {
  if (current === 'failed' || current === 'undelivered') return false;
  if (next === 'failed' || next === 'undelivered') return current !== 'read' && current !== 'delivered';
  return STATUS_RANK[next] > STATUS_RANK[current];
}

export type MediaKind = 'image' | 'audio' | 'video' | 'file' | 'sticker' | 'location' | 'other';

export interface MediaItem {
  url: string;
  contentType?: string;
  kind: MediaKind;
}

export interface GeoLocation {
  latitude: number;
  longitude: number;
  address?: string;
  label?: string;
}

/** A message a customer (or a human in the platform's own inbox) wrote, as every channel reports it. */
export interface InboundMessageEvent {
  kind: 'message';
  channel: ChannelName;
  /** The customer's address on the channel: `whatsapp:+E164`, a Messenger PSID, a sandbox id. */
  customerAddress: string;
  /** The platform's id for this message (MessageSid, mid): the key for de-duplication. */
  platformMessageId: string;
  /** When the platform says it happened (ms since epoch). */
  timestamp: number;
  author: 'customer' | 'agent';
  text?: string;
  /** Payload of a tapped button / quick reply / postback. */
  payload?: string;
  media: MediaItem[];
  location?: GeoLocation;
  profileName?: string;
  /** Stable platform user id beside the address (WhatsApp WaId, a business-scoped user id). */
  platformUserId?: string;
  /** Platform id of the message this one replies to, if any. */
  replyToPlatformId?: string;
  /**
   * False for events that must be recorded but never answered by the bot:
   * Messenger standby events, and replies typed by a human in the Page Inbox (echoes).
   */
  answerable: boolean;
  /** Channel-specific extras worth keeping (referral, forwarded, …); no secrets. */
  extra?: Record<string, string>;
}

/** A delivery/read receipt for one message we sent (Twilio status callback). */
export interface StatusEvent {
  kind: 'status';
  channel: ChannelName;
  platformMessageId: string;
  /** Our message's id, when the receipt carries it (Twilio: the StatusCallback URL's `m` query). */
  messageId?: string;
  status: DeliveryStatus;
  errorCode?: string;
  errorMessage?: string;
  timestamp: number;
}

/** A receipt covering everything sent to a customer up to a time (Messenger delivery/read watermarks). */
export interface WatermarkEvent {
  kind: 'watermark';
  channel: ChannelName;
  customerAddress: string;
  status: 'delivered' | 'read';
  /** Everything sent at or before this time (ms) has reached this status. */
  watermark: number;
  platformMessageIds?: string[];
}

/** One of our own outbound messages coming back from the platform (Messenger echo of a bot send). */
export interface EchoEvent {
  kind: 'echo';
  channel: ChannelName;
  customerAddress: string;
  platformMessageId: string;
  timestamp: number;
}

export type ChannelEvent = InboundMessageEvent | StatusEvent | WatermarkEvent | EchoEvent;

export type ConversationStatus = 'bot' | 'queued' | 'assigned' | 'resolved';

export interface Conversation {
  id: string;
  /** Grows on every change of owner; every send is checked against the token it was decided under. */
  ownerToken: number;
  /** Team handling it once escalated. */
  team?: string;
  /** The agent who owns it (status `assigned`). */
  assigneeId?: string;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  /** When it last entered a queue (waiting since). */
  queuedAt?: number;
  assignedAt?: number;
  escalatedAt?: number;
  escalationReason?: string;
  /** First reply by a person after the escalation (first response time). */
  firstAgentReplyAt?: number;
  resolvedAt?: number;
  /** Times a resolved conversation was opened again by the customer. */
  reopenCount?: number;
  /** The customer record this address belongs to (identity). */
  customerId?: string;
  /** Satisfaction survey after resolving. */
  csat?: {
    status: 'pending' | 'answered' | 'skipped';
    scale: 'csat5' | 'nps10';
    score?: number;
    comment?: string;
    skippedReason?: string;
    askedAt?: number;
    answeredAt?: number;
  };
  /** Net Promoter survey (0–10, then "why?") for teams that ask it beside or instead of CSAT. */
  nps?: NpsResult;
  /** The latest phone call deflected into this conversation (call deflection, IVR → messaging). */
  callDeflection?: CallDeflection;
  channel: ChannelName;
  customerAddress: string;
  customerName?: string;
  /** Stable platform user id (WaId, BSUID) when the platform gave one. */
  platformUserId?: string;
  status: ConversationStatus;
  /** The language the conversation is held in (catalog language tag). */
  language?: string;
  createdAt: number;
  updatedAt: number;
  /** First message from the customer. */
  firstInboundAt?: number;
  /** Last message from the customer: opens the channel's service window. */
  lastInboundAt?: number;
  lastMessageAt?: number;
  lastMessagePreview?: string;
  /** The customer's own last words (the list preview; never Baton's or an agent's text). */
  lastInboundPreview?: string;
  messageCount: number;
}

export interface NpsResult {
  /** `why`: the score is in and the follow-up question "why?" waits for its answer. */
  status: 'pending' | 'why' | 'answered' | 'skipped';
  score?: number;
  comment?: string;
  skippedReason?: string;
  askedAt?: number;
  answeredAt?: number;
}

export interface CallDeflection {
  /** When the caller pressed 1 (ms since epoch). */
  at: number;
  /** Where the caller was sent: the WhatsApp template, or an SMS when the number can't get WhatsApp. */
  via: 'whatsapp' | 'sms';
  callSid: string;
}

export interface Message {
  id: string;
  conversationId: string;
  direction: Direction;
  author: Author;
  /** The agent who wrote it (author agent), when known. */
  agentId?: string;
  text?: string;
  payload?: string;
  media: MediaItem[];
  location?: GeoLocation;
  quickReplies?: { title: string; payload: string }[];
  platformMessageId?: string;
  status: DeliveryStatus;
  errorCode?: string;
  errorMessage?: string;
  createdAt: number;
  updatedAt: number;
  /** Free-form facts about the message (intent, confidence, template used, private note…). */
  meta?: Record<string, string | number | boolean>;
}

export type NewMessage = Omit<Message, 'id' | 'conversationId' | 'createdAt' | 'updatedAt'> & {
  createdAt?: number;
};
