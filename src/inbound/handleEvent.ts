import type { BotRunner } from '../bot/botRunner';
import type { BotTurnOutput } from '../bot/botBrain';
import type { ConversationStore } from '../conversations/conversationStore';
import type { Conversation, InboundMessageEvent, Message } from '../conversations/types';
import { isBatonError } from '../errors';
import type { Logger } from '../logger';
import type { OutboundService } from '../outbound/outboundService';
import type { QueuedEvent } from './inboundQueue';
import type { TurnJournal } from './turnJournal';

/** What happens around the bot's turn: ownership, escalation, surveys, identity. */
export interface ConversationHooks {
  /**
   * After a message from the customer is recorded. Returns the conversation the bot may answer
   * (its owner token fences the bot's replies), or null when the bot must stay silent.
   */
  onCustomerMessage(conversation: Conversation, message: Message, event: InboundMessageEvent): Promise<Conversation | null>;
  /** After the bot took a turn: the escalation policy reads its signals. */
  onBotTurn(conversation: Conversation, outcome: BotTurnOutput, event: InboundMessageEvent): Promise<void>;
  /** After anything else was recorded (a reply typed in the platform's own inbox, a standby message). */
  onRecorded?(conversation: Conversation, message: Message): Promise<void>;
}

/** Watches finished bot turns: the training inbox records the messages the bot could not place. */
export interface TurnObserver {
  /** After the bot's turn and the escalation policy; must not throw (a turn never fails for it). */
  afterTurn(conversation: Conversation, message: Message, outcome: BotTurnOutput): Promise<void>;
}

export interface EventHandlerDeps {
  store: ConversationStore;
  outbound: OutboundService;
  bot: BotRunner;
  logger: Logger;
  hooks?: ConversationHooks;
  /**
   * Remembers which turns finished. With it, a redelivered or reclaimed message whose turn was cut
   * short (a crash mid-turn) runs again, and its replies are neither lost nor doubled.
   */
  journal?: TurnJournal;
  observer?: TurnObserver;
}

/** Without handoff: the bot answers while it owns the conversation. */
const botOnly: ConversationHooks = {
  onCustomerMessage: async (conversation) => (conversation.status === 'bot' ? conversation : null),
  onBotTurn: async () => undefined,
};

/**
 * Handles one queued event of a customer's lane: records it on the conversation, and lets the
 * bot answer when the bot owns the conversation. Runs in lane order, one event at a time.
 */
export function createEventHandler(deps: EventHandlerDeps): (event: QueuedEvent) => Promise<void> {
  const { store, outbound, bot, logger, journal } = deps;
  const hooks = deps.hooks ?? botOnly;

  /** A message event counts as handled only once its whole turn has run. */
  async function onMessage(event: InboundMessageEvent): Promise<void> {
    const ids = [event.channel, event.customerAddress, event.platformMessageId] as const;
    // The journal and the conversation in one round trip (a turn already done wastes the look-up).
    const [before, { conversation }] = await Promise.all([
      journal ? journal.begin(...ids) : ('unknown' as const),
      store.findOrOpen({
        channel: event.channel,
        customerAddress: event.customerAddress,
        customerName: event.author === 'customer' ? event.profileName : undefined,
        platformUserId: event.platformUserId,
        at: event.timestamp,
      }),
    ]);
    if (before === 'done') return;
    const finished = await turn(event, conversation, before === 'started');
    // Not waited for: it goes to Redis ahead of the lane's pop that follows (same connection, in
    // order). Lost with a crash in between, the turn still shows as started; its event is gone
    // from the lane by then or comes back as a duplicate delivery, so it does not run again.
    if (finished && journal) {
      journal.finish(...ids).catch((err: Error) => logger.warn('turn journal not updated', { channel: event.channel, reason: err.message }));
    }
  }

  /**
   * Records the message and runs its turn. `again`: an earlier run of this turn began and did not
   * finish (its instance died, or it threw): the message is on the transcript already and the turn
   * runs again from the bot state it started from; replies it recorded are reused, not repeated.
   * Returns false when the turn must not count as finished.
   */
  async function turn(event: InboundMessageEvent, conversation: Conversation, again: boolean): Promise<boolean> {
    const fromCustomer = event.author === 'customer';
    // The bot state is read alongside the append (one round trip), for the journal and the bot.
    const stateRead = journal && event.answerable && fromCustomer ? store.getBotState(conversation.id) : undefined;
    // The journal keeps it as soon as it is read: in the same write as the append's index steps,
    // not a round trip of its own after them (for a message recorded already, finish() drops it).
    const kept = stateRead?.then(async (now) => ({ now, startedFrom: await journal!.botStateBefore(event.channel, event.customerAddress, event.platformMessageId, now) }));
    kept?.catch(() => undefined); // not awaited when the message turns out recorded already
    const appended = await store.appendMessage(conversation, {
      direction: fromCustomer ? 'inbound' : 'outbound',
      author: event.author,
      text: event.text,
      payload: event.payload,
      media: event.media,
      location: event.location,
      platformMessageId: event.platformMessageId,
      status: fromCustomer ? 'received' : 'sent',
      createdAt: fromCustomer ? Math.min(event.timestamp, Date.now()) : undefined,
      meta: event.answerable ? undefined : { recordedOnly: true, ...(event.extra ?? {}) },
    }, { returnConversation: true, indexLater: true });
    // The message's index writes go with the journal's step below, and are waited for before the
    // turn goes on (a duplicate has none).
    const indexed = appended.indexed;
    // Recorded before: a redelivery (nothing to do) unless its turn was cut short.
    if (appended.duplicate && !again) return true;
    if (appended.duplicate) logger.info('running a turn again that did not finish', { channel: event.channel, conversationId: conversation.id });
    const message = appended.message;
    if (!event.answerable || !fromCustomer) {
      const current = appended.conversation ?? (await store.get(conversation.id)) ?? conversation;
      await indexed;
      await hooks.onRecorded?.(current, message);
      return true;
    }
    const [current] = await Promise.all([appended.conversation ?? store.get(conversation.id).then((c) => c ?? conversation), indexed]);

    /** The bot state this turn starts from, as read here (the bot need not read it again). */
    let botState: string | null | undefined;
    if (journal) {
      const { now, startedFrom } = await kept!;
      if (again && startedFrom !== (now ?? '')) await store.setBotState(current.id, startedFrom);
      botState = startedFrom === '' ? null : startedFrom;
    }

    const owned = await hooks.onCustomerMessage(current, message, event);
    if (!owned) return true;

    outbound.senderAction(owned, 'mark_seen', event.platformMessageId);
    /** The conversation as our last write during the turn left it (saves reading it again). */
    let latest: Conversation | undefined;
    let outcome: BotTurnOutput;
    let replyIndex = 0;
    try {
      outcome = await bot.runTurn(event, owned, {
        send: async (reply) => {
          const sent = await outbound.sendWithConversation({
            conversation: owned,
            author: 'bot',
            content: {
              text: reply.text,
              quickReplies: reply.quickReplies,
              mediaUrls: reply.mediaUrl ? [reply.mediaUrl] : undefined,
            },
            fence: owned.ownerToken,
            // The n-th reply of this turn is one message however often the turn runs.
            idempotencyKey: `turn:${message.id}:${replyIndex++}`,
            replay: again,
            // A message recorded just now has had no turn before: its replies' keys were never used.
            newKey: !appended.duplicate,
          });
          if (sent.conversation) latest = sent.conversation;
          return sent.message.id;
        },
        typing: async () => outbound.senderAction(owned, 'typing_on', event.platformMessageId),
      }, { botState });
    } catch (err) {
      if (isBatonError(err) && err.code === 'OWNERSHIP_CHANGED') {
        // A person (or the queue) took the conversation while the bot was thinking: stay silent.
        logger.info('bot reply dropped: the conversation changed owner during the turn', { conversationId: owned.id });
        return true;
      }
      if (isBatonError(err) && err.code === 'WINDOW_CLOSED') {
        // An old message redelivered after the channel's window closed: the refusal is on the transcript.
        logger.info('bot reply refused: the channel window is closed', { conversationId: owned.id });
        return true;
      }
      throw err;
    }
    if (outcome.language && outcome.language !== owned.language) {
      latest = await store.update(owned.id, { language: outcome.language });
    }
    const after = latest ?? (await store.get(owned.id)) ?? owned;
    await hooks.onBotTurn(after, outcome, event);
    await deps.observer?.afterTurn(after, message, outcome);
    return true;
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
