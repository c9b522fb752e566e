import {
  ActivityTypes,
  BotAdapter,
  ShowTypingMiddleware,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder-core';
import { BatonError } from '../../errors';
import type { Conversation, InboundMessageEvent } from '../../conversations/types';
import type { BotReply } from '../botBrain';
import { fromActivity, toActivity } from './toActivity';

/** How a turn reaches the customer: the caller decides (channel sender, ownership checks). */
export interface TurnIO {
  /** Delivers one reply; resolves with our message id. */
  send(reply: BotReply): Promise<string>;
  /** Shows that the bot is working (typing indicator). Best effort. */
  typing(): Promise<void>;
}

const IO_KEY = Symbol('baton.turnIO');

/**
 * The Bot Framework adapter for our own channels: bridges a normalised inbound event to a
 * TurnContext, and the Activities the bot sends back to our TurnIO. botbuilder stays inside
 * src/bot/botbuilder/, behind BotBrain and TurnIO, so replacing the archived SDK with its
 * successor (@microsoft/agents-hosting) is a one-folder change.
 */
export class BatonAdapter extends BotAdapter {
  constructor(
    private readonly proactiveIO?: (conversationId: string) => Promise<TurnIO>,
    typingDelayMs = 1000,
  ) {
    super();
    // Typing indicator only when a turn is slow (fulfillment calls): first after 1 s, then every 3 s.
    this.use(new ShowTypingMiddleware(typingDelayMs, 3000));
  }

  /** Runs one turn for an inbound customer message. */
  async processEvent(
    event: InboundMessageEvent,
    conversation: Conversation,
    io: TurnIO,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<void> {
    const ctx = new TurnContext(this, toActivity(event, conversation));
    ctx.turnState.set(IO_KEY, io);
    await this.runMiddleware(ctx, logic);
  }

  override async sendActivities(ctx: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const io = ctx.turnState.get(IO_KEY) as TurnIO | undefined;
    if (!io) throw new BatonError('INTERNAL', 'Turn has no output channel attached');
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      switch (activity.type) {
        case ActivityTypes.Typing:
          await io.typing();
          responses.push({ id: '' });
          break;
        case 'delay':
          await new Promise((r) => setTimeout(r, typeof activity.value === 'number' ? activity.value : 1000));
          responses.push({ id: '' });
          break;
        case ActivityTypes.Message:
        case undefined:
          responses.push({ id: await io.send(fromActivity(activity)) });
          break;
        default:
          // Events such as handoff.initiate are for our own code, not for the customer.
          responses.push({ id: '' });
      }
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new BatonError('BAD_REQUEST', 'WhatsApp and Messenger messages cannot be edited after sending');
  }

  override async deleteActivity(): Promise<void> {
    throw new BatonError('BAD_REQUEST', 'WhatsApp and Messenger messages cannot be deleted after sending');
  }

  /** Proactive turn (a message not triggered by the customer), e.g. a survey after an agent resolves. */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<void> {
    const conversationId = reference.conversation?.id;
    if (!conversationId || !this.proactiveIO) {
      throw new BatonError('BAD_REQUEST', 'A proactive turn needs a conversation reference and a proactive output');
    }
    const ctx = new TurnContext(this, TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'proactive' }, reference, true));
    ctx.turnState.set(IO_KEY, await this.proactiveIO(conversationId));
    await this.runMiddleware(ctx, logic);
  }
}
