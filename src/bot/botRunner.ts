import type { Conversation, InboundMessageEvent } from '../conversations/types';
import type { BotBrain, BotTurnOutput } from './botBrain';
import { BatonAdapter, type TurnIO } from './botbuilder/batonAdapter';
import { BatonBot } from './botbuilder/batonBot';

export type { TurnIO } from './botbuilder/batonAdapter';

/** The one entry point the rest of Baton uses to let the bot take a turn. */
export interface BotRunner {
  /** `botState`: the stored bot state the caller read for this turn, if it did (see BotTurnInput). */
  runTurn(event: InboundMessageEvent, conversation: Conversation, io: TurnIO, opts?: { botState?: string | null }): Promise<BotTurnOutput>;
}

/** A BotRunner on botbuilder's adapter + ActivityHandler. */
export function createBotRunner(brain: BotBrain, opts: { typingDelayMs?: number } = {}): BotRunner {
  const adapter = new BatonAdapter(undefined, opts.typingDelayMs);
  const bot = new BatonBot(brain);
  return {
    async runTurn(event, conversation, io, opts) {
      let outcome: BotTurnOutput | undefined;
      await adapter.processEvent(event, conversation, io, async (ctx) => {
        BatonBot.attach(ctx, conversation, opts?.botState);
        await bot.run(ctx);
        outcome = BatonBot.outcome(ctx);
      });
      return outcome ?? { replies: [], language: conversation.language ?? 'en', signals: [] };
    },
  };
}
