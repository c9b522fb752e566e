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
}

export interface SendResult {
  platformMessageId: string;
  status: DeliveryStatus;
}

export type SenderAction = 'typing_on' | 'typing_off' | 'mark_seen';

/** One sender per channel, behind one interface. Failures throw ChannelSendError. */
export interface ChannelSender {
  readonly channel: ChannelName;
  send(to: string, content: OutboundContent, options: SendOptions): Promise<SendResult>;
  /** Best effort: typing indicators / read marks. Never throws. */
  senderAction(to: string, action: SenderAction, inReplyToPlatformId?: string): Promise<void>;
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
}
