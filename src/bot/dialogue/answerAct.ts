import { type ActKind, type ActReading, mainAct } from '../../nlu/acts';
import type { CatalogMessageKind } from '../../nlu/types';

/**
 * What a message of only conversational acts gets:
 * - confirm: "yes" to an open "did you mean…?" takes its first option;
 * - ask_again: an "ok", "yes", "hi" or emoji while the bot waits for a detail keeps waiting and asks again;
 * - reply: a brief answer in the catalog's words (`message`): "no" to "did you mean…?" asks for other
 *   words; thanks → "you're welcome, anything else?"; a goodbye or "no" (nothing else) → goodbye;
 *   hi → how can I help; yes with nothing open, or a question announced ("I have a question", "kuch
 *   puchna hai") even while a detail is awaited → what would you like to know; ok and emoji →
 *   "anything else?". `keepOptions`: the buttons offered last turn still stand ("ok" then "2");
 * - wait: "one sec", "let me check": take your time; a question the bot asked stays open, not asked again.
 */
export type ActDecision =
  | { kind: 'confirm'; act: ActKind }
  | { kind: 'ask_again'; act: ActKind }
  | { kind: 'wait'; act: ActKind }
  | { kind: 'reply'; act: ActKind; message: CatalogMessageKind; keepOptions: boolean };

const REPLY: Record<ActKind, CatalogMessageKind> = {
  ack: 'acknowledge',
  emoji: 'acknowledge',
  thanks: 'thanks',
  greeting: 'greeting',
  goodbye: 'goodbye',
  yes: 'whatElse',
  no: 'goodbye',
  wait: 'wait',
  ask: 'whatElse',
};

export function answerAct(acts: readonly ActKind[], open: { confirm: boolean; pending: boolean }): ActDecision {
  const act = mainAct(acts) ?? 'ack';
  if (act === 'wait') return { kind: 'wait', act };
  if (open.confirm && act === 'yes') return { kind: 'confirm', act };
  if (open.confirm && act === 'no') return { kind: 'reply', act, message: 'rephrase', keepOptions: false };
  if (open.pending && act !== 'goodbye' && act !== 'thanks' && act !== 'no' && act !== 'ask') return { kind: 'ask_again', act };
  return { kind: 'reply', act, message: REPLY[act], keepOptions: act !== 'goodbye' && act !== 'no' };
}

/** The message with the acts around its question blanked out (same length, so slot offsets still hold). */
export function keepRest(text: string, acts: ActReading): string {
  if (acts.acts.length === 0) return text;
  if (acts.rest === '') return ' '.repeat(text.length);
  return ' '.repeat(acts.restStart) + text.slice(acts.restStart, acts.restEnd) + ' '.repeat(text.length - acts.restEnd);
}
