import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * A scripted multi-turn conversation for `npm run bench:conversations`: what the customer writes,
 * what the agent does, and what must be true after each step and in the handoff packet.
 */

export const BEHAVIOURS = [
  /** Facts given anywhere (first message, escalating message, while queued) reach the packet. */
  'facts',
  /** A value in the wrong format gets a hint showing the right format, not the same prompt again. */
  'wrong_format',
  /** ok / thanks / yes / no / emoji: brief answer, never a fallback, never counted as a miss. */
  'acknowledgement',
  /** "hi, where is my order?": the question is answered. */
  'greeting_question',
  /** Two questions in one message: both answered, in order, in one reply. */
  'two_questions',
  /** A bare order number sent unasked means order status. */
  'bare_fact',
  /** Two real misses: a menu of top topics before any handoff. */
  'menu_after_misses',
  /** A question wrapped in a sentence of context is still found. */
  'wrapped_question',
  /** Replies follow the language of the message they answer. */
  'language_switch',
  /** Natural wording unlike the catalog's is answered. */
  'paraphrase',
  /** Nothing the customer gave is asked for again (also after an agent hands back). */
  'no_repeat',
  /** Requests for a person and angry messages reach the queue, with the right language. */
  'escalation',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export const LANGUAGES = ['en', 'hi', 'hi-Latn', 'ur', 'ne'] as const;

const expectSchema = z
  .object({
    /** Intents answered (an answer variant or a slot prompt of each), in this order. */
    answers: z.array(z.string()).optional(),
    /** A slot prompted for (by slot name). */
    asks: z.string().optional(),
    /** Slots that must not be prompted for. */
    notAsks: z.array(z.string()).optional(),
    /** A wrong-format hint: shows an example of the right format and repeats no earlier bot message. */
    hint: z.boolean().optional(),
    /** A conversational act: answered, but no fallback, no "did you mean", no menu, no escalation. */
    act: z.boolean().optional(),
    fallback: z.boolean().optional(),
    /** Asks about a part of the message it did not understand (the catalog's unclearPart or unclearPartChoice message). */
    asksAboutPart: z.boolean().optional(),
    clarify: z.boolean().optional(),
    menu: z.boolean().optional(),
    /** The conversation is with the queue or an agent after this step. */
    escalated: z.boolean().optional(),
    /** The bot says nothing (a person owns the conversation). */
    silent: z.boolean().optional(),
    /** The language every reply must be in; default: the conversation's language. */
    lang: z.enum(LANGUAGES).optional(),
  })
  .strict();
export type TurnExpectation = z.infer<typeof expectSchema>;

const customerTurn = z.object({ customer: z.string().min(1), expect: expectSchema.default({}) }).strict();
const agentTurn = z
  .object({
    agent: z.enum(['claim', 'reply', 'handback', 'resolve']),
    text: z.string().optional(),
  })
  .strict();
export type CustomerTurn = z.infer<typeof customerTurn>;
export type AgentTurn = z.infer<typeof agentTurn>;

const factSchema = z
  .object({
    kind: z.enum(['order_number', 'email', 'phone', 'product', 'date', 'money']),
    /** Order numbers and e-mails compare normalised; phones by their last 10 digits; others by containment. */
    value: z.string().min(1),
  })
  .strict();
export type ExpectedFact = z.infer<typeof factSchema>;

export const conversationScriptSchema = z
  .object({
    id: z.string().regex(/^[a-z][\w-]*$/i),
    lang: z.enum(LANGUAGES),
    behaviours: z.array(z.enum(BEHAVIOURS)).min(1),
    /** What the conversation is about, for whoever reads a failure. */
    about: z.string().optional(),
    turns: z.array(z.union([customerTurn, agentTurn])).min(1),
    packet: z
      .object({
        facts: z.array(factSchema).default([]),
        language: z.enum(LANGUAGES).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ConversationScript = z.infer<typeof conversationScriptSchema>;

export const isCustomerTurn = (t: CustomerTurn | AgentTurn): t is CustomerTurn => 'customer' in t;

/** Every script under a directory (one YAML list per file), validated. */
export function loadConversationScripts(dir: string): ConversationScript[] {
  const scripts: ConversationScript[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const raw = parse(readFileSync(path.join(dir, file), 'utf8')) as unknown;
    const parsed = z.array(conversationScriptSchema).safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    scripts.push(...parsed.data);
  }
  const seen = new Set<string>();
  for (const s of scripts) {
    if (seen.has(s.id)) throw new Error(`conversation id ${s.id} is used twice`);
    seen.add(s.id);
  }
  return scripts;
}
