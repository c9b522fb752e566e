import type { Catalog } from '../nlu/types';
import { contentTokens, jaccard } from './tokenOverlap';

/** An agent reply this close to a catalog answer (Jaccard of content words) is that intent's answer. */
export const AGENT_ANSWER_SIMILARITY = 0.4;

/**
 * The intent whose catalog answer (in any language, any variant) an agent's reply resembles most,
 * when it resembles one at least `similarity`: the agent answered what the bot should have known.
 */
export function intentAnsweredByAgent(catalog: Catalog, reply: string, similarity = AGENT_ANSWER_SIMILARITY): { intent: string; similarity: number } | null {
  const words = contentTokens(reply);
  if (words.size < 3) return null;
  let best: { intent: string; similarity: number } | null = null;
  for (const intent of catalog.intents) {
    for (const answers of Object.values(intent.answers)) {
      for (const answer of answers) {
        const s = jaccard(words, contentTokens(answer.text));
        if (s >= similarity && (!best || s > best.similarity)) best = { intent: intent.id, similarity: s };
      }
    }
  }
  return best;
}
