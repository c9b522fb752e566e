import type { Conversation } from '../conversations/types';
import type { QuickReply } from '../nlu/types';

/** What the bot decided to say on one turn, and what it noticed. Nothing here knows botbuilder. */
export interface BotReply {
  text: string;
  quickReplies?: QuickReply[];
  mediaUrl?: string;
}

/**
 * Facts the bot reports for the escalation policy and the handoff packet: a flagged intent, a
 * misunderstanding, a failed fulfillment, an answer given. Shaped by the dialogue engine.
 */
export interface BotSignal {
  type: string;
  [key: string]: unknown;
}

export interface BotTurnInput {
  conversation: Conversation;
  text?: string;
  payload?: string;
  /** Kinds of what came besides text (image, audio, file, location…). */
  media?: string[];
  /**
   * The conversation's stored bot state as the caller read it for this turn (null: none), so the
   * brain does not read it again; undefined: the brain reads it.
   */
  botState?: string | null;
}

export interface BotTurnOutput {
  replies: BotReply[];
  /** The conversation's language after this turn. */
  language: string;
  signals: BotSignal[];
  /** The recognised intent and its confidence, when there was one. */
  intent?: { id: string; confidence: number } | null;
  /**
   * The bot's state being stored, when the brain keeps one: the turn awaits it once its replies
   * are on their way (issued first, the state reaches Redis ahead of them, in the same write).
   */
  saved?: Promise<void>;
}

/** The bot's brain: given a customer turn, what to answer. The dialogue engine implements it. */
export interface BotBrain {
  respond(input: BotTurnInput): Promise<BotTurnOutput>;
}
