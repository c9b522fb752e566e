import type Redis from 'ioredis';
import { ChannelSendError, type ChannelSender, type OutboundContent, type SenderAction } from '../channels/types';
import type { ConversationStore } from '../conversations/conversationStore';
import type { ChannelName, Conversation, Message } from '../conversations/types';
import { BatonError } from '../errors';
import type { Logger } from '../logger';

export interface SendRequest {
  conversation: Conversation;
  content: OutboundContent;
  author: 'bot' | 'agent' | 'system';
  agentId?: string;
  humanAgentTag?: boolean;
  meta?: Record<string, string | number | boolean>;
  /**
   * The conversation's owner token this send was decided under. The message is recorded (and
   * then sent) only if the owner is still the same; otherwise OWNERSHIP_CHANGED and nothing leaves.
   */
  fence?: number;
}

export interface OutboundOptions {
  store: ConversationStore;
  senders: Partial<Record<ChannelName, ChannelSender>>;
  redis: Redis;
  logger: Logger;
  /** Attempts for retryable failures (429, 5xx, timeouts), with exponential backoff. */
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Called after every outbound message is recorded or changes (live events, metrics). */
  onMessage?: (conversation: Conversation, message: Message) => void;
}

const DEAD_LETTERS = 'outbound:dead';

/**
 * Every message Baton sends goes through here: recorded on the transcript first (so nothing is
 * lost), then handed to the channel's sender with retries, then marked with the platform's id or
 * as failed with the platform's error code. Failed sends are kept in a dead-letter list too.
 */
export class OutboundService {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;

  constructor(private readonly opts: OutboundOptions) {
    this.maxAttempts = opts.maxAttempts ?? 3;
    this.baseDelayMs = opts.baseDelayMs ?? 250;
  }

  senderFor(channel: ChannelName): ChannelSender {
    const sender = this.opts.senders[channel];
    if (!sender) throw new BatonError('CHANNEL_DISABLED', `The ${channel} channel is not configured on this server`);
    return sender;
  }

  async send(req: SendRequest): Promise<Message> {
    return (await this.deliver(req, false)).message;
  }

  /**
   * Like send, and also reports the conversation as recording the message left it (what a caller
   * that goes on working with the conversation would otherwise read again).
   */
  async sendWithConversation(req: SendRequest): Promise<{ message: Message; conversation?: Conversation }> {
    return this.deliver(req, true);
  }

  private async deliver(req: SendRequest, returnConversation: boolean): Promise<{ message: Message; conversation?: Conversation }> {
    const sender = this.senderFor(req.conversation.channel);
    const { message, conversation } = await this.opts.store.appendMessage(req.conversation, {
      direction: 'outbound',
      author: req.author,
      agentId: req.agentId,
      text: req.content.text,
      media: (req.content.mediaUrls ?? []).map((url) => ({ url, kind: 'other' as const })),
      quickReplies: req.content.quickReplies,
      status: 'pending',
      meta: {
        ...req.meta,
        ...(req.content.template ? { template: req.content.template.contentSid ?? req.content.template.name ?? 'unnamed' } : {}),
        ...(req.humanAgentTag ? { tag: 'HUMAN_AGENT' } : {}),
      },
    }, { fence: req.fence, returnConversation });
    this.opts.onMessage?.(req.conversation, message);

    let attempt = 0;
    for (;;) {
      attempt++;
      try {
        const result = await sender.send(req.conversation.customerAddress, req.content, {
          messageId: message.id,
          author: req.author,
          humanAgentTag: req.humanAgentTag,
        });
        const sent = await this.opts.store.attachPlatformId(message.id, req.conversation.channel, result.platformMessageId, result.status);
        this.opts.onMessage?.(req.conversation, sent);
        return { message: sent, conversation };
      } catch (err) {
        const e =
          err instanceof ChannelSendError
            ? err
            : new ChannelSendError(req.conversation.channel, 'INTERNAL', (err as Error).message, false);
        if (e.retryable && attempt < this.maxAttempts) {
          this.opts.logger.warn('send failed; retrying', {
            channel: e.channel,
            platformCode: e.platformCode,
            attempt,
            conversationId: req.conversation.id,
            messageId: message.id,
          });
          await new Promise((r) => setTimeout(r, this.baseDelayMs * 2 ** (attempt - 1)));
          continue;
        }
        this.opts.logger.error('send failed', {
          channel: e.channel,
          platformCode: e.platformCode,
          httpStatus: e.httpStatus,
          reason: e.message,
          attempts: attempt,
          conversationId: req.conversation.id,
          messageId: message.id,
        });
        const failed = await this.opts.store.setMessageStatus(message.id, 'failed', { code: e.platformCode, message: e.message });
        await this.opts.redis
          .multi()
          .lpush(DEAD_LETTERS, JSON.stringify({ conversationId: req.conversation.id, messageId: message.id, code: e.platformCode, at: Date.now() }))
          .ltrim(DEAD_LETTERS, 0, 9999)
          .exec();
        this.opts.onMessage?.(req.conversation, failed);
        return { message: failed, conversation };
      }
    }
  }

  /** Typing / read marks: best effort, never delays or fails a turn. */
  senderAction(conversation: Conversation, action: SenderAction, inReplyTo?: string): void {
    const sender = this.opts.senders[conversation.channel];
    if (!sender) return;
    sender.senderAction(conversation.customerAddress, action, inReplyTo).catch(() => undefined);
  }

  async deadLetters(limit = 100): Promise<unknown[]> {
    return (await this.opts.redis.lrange(DEAD_LETTERS, 0, limit - 1)).map((s) => JSON.parse(s) as unknown);
  }
}
