import { ActivityHandler, MessageFactory, type TurnContext } from 'botbuilder-core';
import type { Conversation } from '../../conversations/types';
import type { BotBrain, BotReply, BotTurnOutput } from '../botBrain';

const OUTCOME_KEY = Symbol('baton.turnOutcome');
const CONVERSATION_KEY = Symbol('baton.conversation');
const BOT_STATE_KEY = Symbol('baton.botState');

/** The ActivityHandler for a customer turn: asks the brain, sends its replies as Activities. */
export class BatonBot extends ActivityHandler {
  constructor(private readonly brain: BotBrain) {
    super();
    this.onMessage(async (ctx, next) => {
      const conversation = ctx.turnState.get(CONVERSATION_KEY) as Conversation;
      const value = ctx.activity.value as { payload?: string } | undefined;
      const channelData = ctx.activity.channelData as { mediaKinds?: string[] } | undefined;
      const outcome = await this.brain.respond({
        conversation,
        text: ctx.activity.text || undefined,
        payload: value?.payload,
        media: channelData?.mediaKinds,
        botState: ctx.turnState.get(BOT_STATE_KEY) as string | null | undefined,
      });
      ctx.turnState.set(OUTCOME_KEY, outcome);
      for (const reply of outcome.replies) await ctx.sendActivity(toBotActivity(reply));
      // The state went to Redis ahead of the first reply; a failure fails the turn as before (it runs again from the journal).
      await outcome.saved;
      await next();
    });
  }

  static attach(ctx: TurnContext, conversation: Conversation, botState?: string | null): void {
    ctx.turnState.set(CONVERSATION_KEY, conversation);
    if (botState !== undefined) ctx.turnState.set(BOT_STATE_KEY, botState);
  }

  static outcome(ctx: TurnContext): BotTurnOutput | undefined {
    return ctx.turnState.get(OUTCOME_KEY) as BotTurnOutput | undefined;
  }
}

function toBotActivity(reply: BotReply) {
  const activity = reply.quickReplies?.length
    ? MessageFactory.suggestedActions(
        reply.quickReplies.map((q) => ({ type: 'imBack', title: q.title, value: q.payload })),
        reply.text,
      )
    : MessageFactory.text(reply.text);
  if (reply.mediaUrl) activity.attachments = [{ contentType: 'image', contentUrl: reply.mediaUrl }];
  return activity;
}
