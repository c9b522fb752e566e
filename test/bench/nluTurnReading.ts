import { readQuestions } from '../../src/bot/dialogue/readQuestions';
import { readActs } from '../../src/nlu/acts';
import type { IntentClassifier } from '../../src/nlu/types';

const THRESHOLDS = { answer: 0.55, clarify: 0.3 };
export const PASSES = 3;

/**
 * What the dialogue engine runs on every message before it answers, besides slot extraction:
 * conversational acts (readActs), then the clause split and the classification of the whole
 * message and of each clause when there are several (readQuestions). Per-message times in
 * milliseconds, sorted, each timed on its own after a warm-up pass. Each message is timed in
 * PASSES passes and keeps its fastest time: on a machine shared with other processes, a message
 * the scheduler interrupted would otherwise count the other processes' time as its own.
 */
export function timeEachReading(classifier: IntentClassifier, texts: readonly string[]): number[] {
  const read = (text: string) => {
    const acts = readActs(text);
    if (acts.rest !== '') readQuestions(acts.rest, (t) => classifier.classify(t), THRESHOLDS);
  };
  for (const text of texts.slice(0, 1000)) read(text);
  const times = texts.map(() => Infinity);
  for (let pass = 0; pass < PASSES; pass++) {
    texts.forEach((text, i) => {
      const start = process.hrtime.bigint();
      read(text);
      times[i] = Math.min(times[i] as number, Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return times.sort((a, b) => a - b);
}

/** Two questions in one message, as customers join them: "A and B?", "A? also B". */
export function twoQuestionMessages(texts: readonly string[], count: number): string[] {
  const out: string[] = [];
  const joins = [' and ', '? also ', ', aur ', ' और ', ' اور ', ' र '];
  for (let i = 0; out.length < count && i + 1 < texts.length; i += 2) out.push(`${texts[i]}${joins[out.length % joins.length]}${texts[i + 1]}?`);
  return out;
}
