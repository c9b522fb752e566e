import type { Config } from '../config';
import type { ConversationStore } from '../conversations/conversationStore';
import type { FactStore } from '../conversations/factStore';
import type { Logger } from '../logger';
import { trainClassifier } from '../nlu/classifier';
import { phoneRegionOfAddress } from '../nlu/facts';
import { languageDetectorFor } from '../nlu/language';
import { withRomanisedNepali, type RankingClassifier } from '../nlu/transliteration';
import type { Catalog, LanguageDetector, TrainingExample } from '../nlu/types';
import type { BotBrain } from './botBrain';
import { DialogueEngine, parseDialogueState, serializeDialogueState } from './dialogue';

/** Every example of every language, as training data for the classifier. */
export function trainingExamples(catalog: Catalog): TrainingExample[] {
  return catalog.intents.flatMap((intent) =>
    Object.entries(intent.examples).flatMap(([lang, texts]) => texts.map((text) => ({ intent: intent.id, text, lang }))),
  );
}

export interface CatalogModels {
  /** The catalog's classifier; it reads Nepali typed in Latin letters in Devanagari too (src/nlu/transliteration). */
  classifier: RankingClassifier;
  languageDetector: LanguageDetector;
}

const trained = new WeakMap<Catalog, Map<number, CatalogModels>>();

/**
 * The classifier and language detector for a catalog, trained once per catalog object: the bot's
 * brain and the training inbox (suggestions, re-scoring) share the same models.
 */
export function trainedModels(catalog: Catalog, threshold: number, logger: Pick<Logger, 'info'>): CatalogModels {
  let byThreshold = trained.get(catalog);
  if (!byThreshold) trained.set(catalog, (byThreshold = new Map()));
  let models = byThreshold.get(threshold);
  if (!models) {
    const started = Date.now();
    models = {
      classifier: withRomanisedNepali(trainClassifier(trainingExamples(catalog), { outOfScopeThreshold: threshold }), catalog),
      languageDetector: languageDetectorFor(catalog),
    };
    byThreshold.set(threshold, models);
    logger.info('classifier trained', { intents: catalog.intents.length, ms: Date.now() - started });
  }
  return models;
}

/**
 * The bot's brain for a catalog: trains the classifier and the language detector, and runs the
 * dialogue engine on each turn with the conversation's dialogue state, kept in the store.
 */
export function createDialogueBrain(
  catalog: Catalog,
  deps: { store: ConversationStore; config: Config; logger: Logger; facts?: Pick<FactStore, 'list'>; asksForPerson?: (text: string) => boolean },
): BotBrain {
  const { classifier, languageDetector } = trainedModels(catalog, deps.config.nlu.clarifyThreshold, deps.logger);
  const engine = new DialogueEngine({
    catalog,
    classifier,
    languageDetector,
    thresholds: { answer: deps.config.nlu.answerThreshold, clarify: deps.config.nlu.clarifyThreshold },
    fulfillmentDefaults: deps.config.fulfillment,
    phoneRegion: deps.config.facts.phoneRegion,
    ...(deps.asksForPerson ? { asksForPerson: deps.asksForPerson } : {}),
  });

  return {
    async respond({ conversation, text, payload, media, botState }) {
      const [stored, facts] = await Promise.all([
        botState !== undefined ? botState : deps.store.getBotState(conversation.id),
        deps.facts?.list(conversation.id),
      ]);
      const state = parseDialogueState(stored ? (JSON.parse(stored) as unknown) : null);
      const phoneRegion = phoneRegionOfAddress(conversation.customerAddress);
      const result = await engine.turn({
        ...(phoneRegion ? { phoneRegion } : {}),
        facts,
        text,
        payload,
        ...(media && media.length > 0 ? { media } : {}),
        state,
        customerRef: conversation.id,
        channel: conversation.channel,
        conversationId: conversation.id,
        ...(conversation.language ? { language: conversation.language } : {}),
      });
      const saved = deps.store.setBotState(conversation.id, serializeDialogueState(result.state));
      saved.catch(() => undefined); // awaited by the turn after its replies (BatonBot)
      const c = result.classification;
      return {
        saved,
        replies: result.replies,
        language: result.lang,
        signals: result.signals,
        intent: c && c.intent ? { id: c.intent, confidence: c.confidence } : null,
      };
    },
  };
}
