import type { Conversation } from '../../conversations/types';

/**
 * Call deflection figures: `deflected` = conversations a phone call was deflected into (the caller
 * pressed 1 and got the WhatsApp template or the SMS; the latest call per conversation counts);
 * `becameConversations` = those where the customer wrote after the call (`lastInboundAt` after the
 * call). null when no call was deflected.
 */
export interface CallFigures {
  deflected: number;
  becameConversations: number;
}

export function callFigures(conversations: readonly Conversation[]): CallFigures | null {
  const deflected = conversations.filter((c) => c.callDeflection !== undefined);
  if (deflected.length === 0) return null;
  return {
    deflected: deflected.length,
    becameConversations: deflected.filter((c) => (c.lastInboundAt ?? 0) > c.callDeflection!.at).length,
  };
}
