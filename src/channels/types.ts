import type { ChannelName, DeliveryStatus } from '../conversations/types';

/** What any sender (bot, agent, survey) asks a channel to deliver. */
export interface OutboundContent {
  text?: string;
  mediaUrls?: string[];
  /** Tappable options; a channel without buttons renders them as a numbered list. */
  quickReplies?: { title: string; payload: string }[];
  /**
   * A pre-approved template. Twilio sends it by Content API `contentSid`; the WhatsApp Cloud API by
   * `name` and `language` (variables "1", "2", … become the body parameters in that order).
   */
  template?: { contentSid?: string; name?: string; language?: string; variables?: Record<string, string> };
}

export interface SendOptions {
  /** Our message id: travels as Messenger `metadata` (echoes of our own sends are recognised by it). */
  messageId: string;
  /** Who wrote it: decides Messenger's messaging_type / HUMAN_AGENT tag. */
  author: 'bot' | 'agent' | 'system';
  /** Messenger: send with the HUMAN_AGENT tag (agent replies 24 h – 7 days after the last customer message). */
  humanAgentTag?: boolean;
  /**
   * A content that becomes several platform messages (long text, several media) whose first parts
   * already went out: start at this part (0-based), so a retry never repeats what was delivered.
   */
  fromPart?: number;
}

/** Where to look for a send whose result is unknown (the request left, no answer came back). */
export interface LookupQuery {
  /** Which part of the content (see SendOptions.fromPart). */
  part: number;
  /** The attempt started at this time (ms); the platform's copy, if any, was created after it. */
  since: number;
  /**
   * Platform ids already recorded on other messages of the conversation: never a match. A customer
   * who asks the same thing twice gets the same words twice, and the earlier copy must not pass
   * for the one whose result is unknown.
   */
  claimed?: ReadonlySet<string>;
}

/** The platform's copy of one part (null: none), and how many parts the content makes. */
export interface LookupResult {
  found: SendResult | null;
  parts: number;
}

export interface SendResult {
  platformMessageId: string;
  status: DeliveryStatus;
}

export type SenderAction = 'typing_on' | 'typing_off' | 'mark_seen';

/** One sender per channel, behind one interface. Failures throw ChannelSendError. */
export interface ChannelSender {
  readonly channel: ChannelName;
  /**
   * How the channel's delivery receipts name a sent message: by the platform's id (the default: the
   * store keeps platform id → message for them), by our message id carried in the receipt (Twilio's
   * StatusCallback URL), or by watermark (Messenger: everything sent before a time). Only the first
   * needs the platform id index.
   */
  readonly receipts?: 'platform-id' | 'message-id' | 'watermark';
  send(to: string, content: OutboundContent, options: SendOptions): Promise<SendResult>;
  /** Best effort: typing indicators / read marks. Never throws. */
  senderAction(to: string, action: SenderAction, inReplyToPlatformId?: string): Promise<void>;
  /**
   * Channels that can list what they sent: finds the platform's copy of one part of a send whose
   * result is unknown. null = the platform has no such message (safe to send it). Throws
   * ChannelSendError when the platform cannot be asked now.
   */
  lookup?(to: string, content: OutboundContent, query: LookupQuery): Promise<LookupResult>;
}

/** A send the platform refused or that never reached it. */
export class ChannelSendError extends Error {
  constructor(
    readonly channel: ChannelName,
    /** The platform's error code (Twilio 63016, Graph 10/2018278 as "10:2018278"), or a transport code. */
    readonly platformCode: string,
    message: string,
    /** True when trying again later may succeed (429, 5xx, Graph 1200/2/613, timeouts). */
    readonly retryable: boolean,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'ChannelSendError';
  }

  /** The platform's Retry-After (ms), when it sent one. */
  retryAfterMs?: number;
  /** Parts of a multi-part content that went out before this failure (see SendOptions.fromPart). */
  partsSent = 0;
  /** The request may have reached the platform (timeout after it left): reconcile before resending. */
  outcomeUnknown = false;
}
