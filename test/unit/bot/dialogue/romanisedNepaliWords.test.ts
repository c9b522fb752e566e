import path from 'node:path';
import { DialogueEngine } from '../../../../src/bot/dialogue';
import { trainingExamples } from '../../../../src/bot/dialogueBrain';
import { loadCatalog } from '../../../../src/nlu/catalog/loadCatalog';
import { trainClassifier } from '../../../../src/nlu/classifier';
import { createLanguageDetector } from '../../../../src/nlu/language';
import { withRomanisedNepali } from '../../../../src/nlu/transliteration';
import type { Catalog } from '../../../../src/nlu/types';
import { answeredIntents, playWithFacts, THRESHOLDS } from './engineHarness';

/**
 * Romanised Nepali ("tapai ko store sanibar khulcha?") with the classifier the server uses, which
 * reads it in Devanagari too: its words are spelled right in their own language, never typos of the
 * catalog's Hinglish words ("tapai" is not "tapak"), or the message no longer reads as Nepali.
 */
let catalog: Catalog;
let engine: DialogueEngine;

beforeAll(async () => {
  catalog = await loadCatalog(path.join(__dirname, '../../../../intents'));
  engine = new DialogueEngine({
    catalog,
    classifier: withRomanisedNepali(trainClassifier(trainingExamples(catalog), { outOfScopeThreshold: THRESHOLDS.clarify }), catalog),
    languageDetector: createLanguageDetector(catalog),
    thresholds: THRESHOLDS,
    fulfillmentDefaults: { timeoutMs: 1000 },
    random: () => 0,
  });
});

const play = (...messages: string[]) => playWithFacts(engine, catalog, messages);

describe('DialogueEngine: romanised Nepali words are not typos', () => {
  it('answers "tapai ko store sanibar khulcha?" with the store hours, in Nepali', async () => {
    const result = await play('tapai ko store sanibar khulcha?');
    expect(answeredIntents(result)).toEqual(['store_hours']);
    expect(result.lang).toBe('ne');
  });

  it('answers "ani pokhara ko lagi?" after the delivery time with the delivery time, read as Nepali', async () => {
    const result = await play('kathmandu ma delivery garna kati din lagcha?', 'ani pokhara ko lagi?');
    expect(answeredIntents(result)).toEqual(['delivery_time']);
  });
});
