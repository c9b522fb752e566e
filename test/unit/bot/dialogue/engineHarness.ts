import path from 'node:path';
import { DialogueEngine, DialogueEngineDeps, DialogueState, initialDialogueState, TurnResult } from '../../../../src/bot/dialogue';
import { trainingExamples as serverTrainingExamples } from '../../../../src/bot/dialogueBrain';
import { asksForPerson } from '../../../../src/handoff/escalation';
import { loadCatalog } from '../../../../src/nlu/catalog/loadCatalog';
import { trainClassifier } from '../../../../src/nlu/classifier';
import type { Fulfill } from '../../../../src/nlu/fulfillment';
import { extractFacts, productIndexOf } from '../../../../src/nlu/facts';
import { createLanguageDetector } from '../../../../src/nlu/language';
import type { Catalog } from '../../../../src/nlu/types';
import { testCatalog, trainingExamples } from './testCatalog';

/** The configuration defaults (NLU_ANSWER_THRESHOLD, NLU_CLARIFY_THRESHOLD). */
export const THRESHOLDS = { answer: 0.55, clarify: 0.3 };
export const NOW = new Date('2025-03-10T10:00:00Z');

const unusedFulfill: Fulfill = async () => {
  throw new Error('this test did not expect a fulfillment call');
};

/** The real classifier and language detector, trained on the test catalog. */
export function makeEngine(overrides: Partial<DialogueEngineDeps> & { catalog?: Catalog } = {}): DialogueEngine {
  const catalog = overrides.catalog ?? testCatalog();
  return new DialogueEngine({
    catalog,
    classifier: trainClassifier(trainingExamples(catalog)),
    languageDetector: createLanguageDetector(catalog),
    thresholds: THRESHOLDS,
    fulfill: unusedFulfill,
    fulfillmentDefaults: { timeoutMs: 1000 },
    random: () => 0,
    now: () => NOW,
    ...overrides,
  });
}

/**
 * The demo catalog (intents/) with the real classifier, as the server trains it and with the
 * escalation policy's reading of a request for a person, as the runtime wires it: for behaviours
 * that show only with its wording.
 */
export async function makeDemoEngine(): Promise<{ engine: DialogueEngine; catalog: Catalog }> {
  const catalog = await loadCatalog(path.join(__dirname, '../../../../intents'));
  const engine = new DialogueEngine({
    catalog,
    classifier: trainClassifier(serverTrainingExamples(catalog), { outOfScopeThreshold: THRESHOLDS.clarify }),
    languageDetector: createLanguageDetector(catalog),
    thresholds: THRESHOLDS,
    fulfillmentDefaults: { timeoutMs: 1000 },
    random: () => 0,
    asksForPerson: (text) => asksForPerson(text),
  });
  return { engine, catalog };
}

/** Plays customer messages one after another through the engine, carrying the state along. */
export async function conversation(engine: DialogueEngine, messages: (string | { payload?: string; text?: string; media?: string[] })[], start?: DialogueState): Promise<TurnResult[]> {
  let state = start ?? initialDialogueState();
  const results: TurnResult[] = [];
  for (const message of messages) {
    const input = typeof message === 'string' ? { text: message } : message;
    const result = await engine.turn({ ...input, state, customerRef: 'whatsapp:+919876543210', channel: 'whatsapp', conversationId: 'conv-1' });
    results.push(result);
    state = result.state;
  }
  return results;
}

export async function say(engine: DialogueEngine, ...messages: (string | { payload?: string; text?: string; media?: string[] })[]): Promise<TurnResult> {
  const results = await conversation(engine, messages);
  return results[results.length - 1] as TurnResult;
}

export function textsOf(result: TurnResult): string[] {
  return result.replies.map((r) => r.text);
}

/**
 * Plays the customer's messages one after another, each with the fact sheet the runtime would hold
 * by then (every message's facts, newest first), as the demo-catalog tests need them.
 */
export async function playWithFacts(engine: DialogueEngine, catalog: Catalog, messages: readonly string[]): Promise<TurnResult> {
  let state = initialDialogueState();
  let facts: { kind: string; value: string; verified: boolean }[] = [];
  let last: TurnResult | undefined;
  for (const text of messages) {
    facts = [...extractFacts(text, { products: productIndexOf(catalog) }).reverse(), ...facts];
    last = await engine.turn({ text, state, facts, customerRef: 'c', channel: 'sandbox', conversationId: 'c' });
    state = last.state;
  }
  if (!last) throw new Error('playWithFacts needs at least one message');
  return last;
}

/**
 * The demo-catalog engine for a test file, trained once in beforeAll: `play` runs messages with the
 * fact sheet (playWithFacts), `catalog()` is the catalog it was trained on.
 */
export function useDemoEngine(): { play: (...messages: string[]) => Promise<TurnResult>; catalog: () => Catalog } {
  let demo: { engine: DialogueEngine; catalog: Catalog } | undefined;
  beforeAll(async () => {
    demo = await makeDemoEngine();
  });
  const loaded = () => {
    if (!demo) throw new Error('useDemoEngine: the engine is trained in beforeAll');
    return demo;
  };
  return { play: (...messages) => playWithFacts(loaded().engine, loaded().catalog, messages), catalog: () => loaded().catalog };
}

/** The kinds of the signals a turn gave, in order. */
export const signalTypes = (result: TurnResult): string[] => result.signals.map((s) => s.type);

/** The intents a turn answered, in order. */
export const answeredIntents = (result: TurnResult): string[] =>
  result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent);
