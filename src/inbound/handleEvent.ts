import type { BotRunner } from '../bot/botRunner';
import type { BotTurnOutput } from '../bot/botBrain';
import type { ConversationStore } from '../conversations/conversationStore';
import type { Conversation, InboundMessageEvent, Message } from '../conversations/types';
import type { Logger } from '../logger';
import type { OutboundService } from '../outbound/outboundService';
import type { QueuedEvent } from './inboundQueue';

export interface EventHandlerDeps {
  store: ConversationStore;
  outbound: OutboundService;
  bot: BotRunner;
  logger: Logger;
  /** After a customer message is recorded (live events, metrics). */
  onInbound?: (conversation: Conversation, message: Message) => void | Promise<void>;
  /** After the bot took a turn: the escalation policy reads its signals here. */
  onBotTurn?: (conversation: Conversation, outcome: BotTurnOutput, event: InboundMessageEvent) => Promise<void>;
  /**
   * Decides whether the bot may answer this conversation now (ownership). Default: only while
   * the conversation's status is `bot`.
   */
  botMayAnswer?: (conversation: Conversation) => Promise<boolean>;
  /** Fence for each bot send: refuse if ownership changed since the turn started. */
  botSendGuard?: (conversation: Conversation) => (() => Promise<string | null>) | undefined;
}

/**
 * Handles one queued event of a customer's lane: records it on the conversation, and lets the
 * bot answer when the bot owns the conversation. Runs in lane order, one event at a time.
 */
export function createEventHandler(deps: EventHandlerDeps): (event: QueuedEvent) => Promise<void> {
  const { store, outbound, bot, logger } = deps;

  async function onMessage(event: InboundMessageEvent): Promise<void> {
    const { conversation } = await store.findOrOpen({
      channel: event.channel,
      customerAddress: event.customerAddress,
      customerName: event.author === 'customer' ? event.profileName : undefined,
      platformUserId: event.platformUserId,
      at: event.timestamp,
    });
    const { message, duplicate } = await store.appendMessage(conversation, {
      direction: event.author === 'customer' ? 'inbound' : 'outbound',
      author: event.author,
      text: event.text,
      payload: event.payload,
      media: event.media,
      location: event.location,
      platformMessageId: event.platformMessageId,
      status: event.author === 'customer' ? 'received' : 'sent',
      createdAt: event.author === 'customer' ? Math.min(event.timestamp, Date.now()) : undefined,
      meta: event.answerable ? undefined : { recordedOnly: true, ...(event.extra ?? {}) },
    });
    if (duplicate) return;
    const current = (await store.get(conversation.id)) ?? conversation;
    await deps.onInbound?.(current, message);
    if (!event.answerable || event.author !== 'customer') return;

    const mayAnswer = deps.botMayAnswer ? await deps.botMayAnswer(current) : current.status === 'bot';
    if (!mayAnswer) return;

    outbound.senderAction(current, 'mark_seen', event.platformMessageId);
    const guard = deps.botSendGuard?.(current);
    const outcome = await bot.runTurn(event, current, {
      send: async (reply) => {
        const sent = await outbound.send({
          conversation: current,
          author: 'bot',
          content: {
            text: reply.text,
            quickReplies: reply.quickReplies,
            mediaUrls: reply.mediaUrl ? [reply.mediaUrl] : undefined,
          },
          guard,
        });
        return sent.id;
      },
      typing: async () => outbound.senderAction(current, 'typing_on', event.platformMessageId),
    });
    if (outcome.language && outcome.language !== current.language) {
      await store.update(current.id, { language: outcome.language });
    }
    await deps.onBotTurn?.(current, outcome, event);
  }

  return async (event) => {
    switch (event.kind) {
      case 'message':
        return onMessage(event);
      case 'watermark': {
        const conversation = await store.findByAddress(event.channel, event.customerAddress);
        if (conversation) await store.applyWatermark(conversation.id, event.status, event.watermark);
        return;
      }
      case 'echo':
        // Our own send coming back: already on the transcript under its platform id.
        logger.debug('echo of our own send', { channel: event.channel });
        return;
    }
  };
}
