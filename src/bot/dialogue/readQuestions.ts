import { readActs } from '../../nlu/acts';
import { bearsQuestion, splitClauses } from '../../nlu/clauses';
import type { Classification } from '../../nlu/types';

/** At most this many questions of one message are answered. */
export const MAX_ANSWERS = 3;

export interface ReadPart {
  text: string;
  classification: Classification;
}

/**
 * - single: one question (or none understood): answer, clarify or fall back on this classification,
 *   which is the whole message's, or its best clause's when the whole fell below the threshold
 *   ("my order … still hasn't shown up, it was due yesterday").
 * - several: two or more different questions understood, in the order asked (at most MAX_ANSWERS),
 *   or one understood and another clause that asks something not understood (`unclear`).
 */
export type QuestionReading =
  | { kind: 'single'; classification: Classification }
  | { kind: 'several'; answers: ReadPart[]; unclear?: ReadPart };

/**
 * Reads the questions in a message (slot values already cut out): classifies the whole message,
 * and, when it has several clauses, each clause without its greetings and acknowledgements. Pure
 * apart from the classifier it is given; classifies only once for a one-clause message.
 */
export function readQuestions(
  text: string,
  classify: (text: string) => Classification,
  thresholds: { answer: number; clarify: number },
): QuestionReading {
  const whole = classify(text);
  const split = splitClauses(text);
  if (split.length < 2) return { kind: 'single', classification: whole };
  const clauses = split.map((c) => ({ rest: readActs(c.text).rest, asked: c.asked })).filter((c) => /[\p{L}\p{N}]/u.test(c.rest));
  if (clauses.length < 2) return { kind: 'single', classification: whole };

  const parts = clauses.map((c) => ({ text: c.rest, asked: c.asked, classification: classify(c.rest) }));
  const understood: ReadPart[] = [];
  for (const p of parts) {
    const c = p.classification;
    if (c.confidence >= thresholds.answer && !understood.some((u) => u.classification.top === c.top)) understood.push(p);
  }
  const answered = new Set(understood.map((u) => u.classification.top));
  // A clause that asks something not understood; one that leans to a question already answered restates it.
  const unclear = parts.find(
    (p) =>
      p.classification.confidence < thresholds.answer &&
      !(answered.has(p.classification.top) && p.classification.confidence >= thresholds.clarify) &&
      bearsQuestion(p.text, p.asked),
  );
  const strip = (p: { text: string; classification: Classification }): ReadPart => ({ text: p.text, classification: p.classification });

  if (understood.length >= 2) {
    return { kind: 'several', answers: understood.slice(0, MAX_ANSWERS), ...(unclear ? { unclear: strip(unclear) } : {}) };
  }
  if (understood.length === 1) {
    const only = understood[0] as ReadPart;
    if (unclear) return { kind: 'several', answers: [only], unclear: strip(unclear) };
    // One question wrapped in context: the whole message when it is understood, else that clause.
    return { kind: 'single', classification: whole.confidence >= thresholds.answer ? whole : only.classification };
  }
  // Nothing understood: the most confident reading, for "did you mean…?".
  const best = parts.reduce((a, b) => (b.classification.confidence > a.classification.confidence ? b : a));
  return { kind: 'single', classification: best.classification.confidence > whole.confidence ? best.classification : whole };
}
