import type { Catalog, Lang, LanguageDetector, LanguageGuess } from '../types';
import { rememberRecent } from '../rememberRecent';
import { trainLanguageModel } from './naiveBayes';
import { readsAsRomanisedNepali } from './romanisedNepali';
import { countScripts, dominantScript, messageScript, scriptOfLanguageTag, type Script } from './scripts';
import { SEED_VOCABULARY } from './seedVocabulary';
import { languageTokens } from './tokenize';

export { languageTokens } from './tokenize';
export type { Script } from './scripts';

/**
 * Below this a guess is too weak to switch the conversation's language: callers keep the
 * current language. Short or ambiguous texts ("ok", "12345", an emoji, an order number) stay below it.
 */
export const LANGUAGE_CONFIDENCE_THRESHOLD = 0.5;

/** Weight of one seed word against one catalog example word. */
const SEED_WEIGHT = 3;
/** Letters needed before a script alone is convincing (non-Latin scripts belong to few languages). */
const SCRIPT_EVIDENCE_SCALE = 3;
/** Letters needed before vocabulary is convincing (Latin is shared by many languages). */
const VOCABULARY_EVIDENCE_SCALE = 8;

function evidence(letters: number, scale: number): number {
  return 1 - Math.exp(-letters / scale);
}

/** The script a language is written in: the majority script of its examples, else its tag's usual script. */
function scriptOfLanguage(catalog: Catalog, lang: Lang): Script {
  const tokens = catalog.intents.flatMap((intent) => (intent.examples[lang] ?? []).flatMap(languageTokens));
  const dominant = dominantScript(countScripts(tokens));
  return dominant && dominant.script !== 'other' ? dominant.script : scriptOfLanguageTag(lang);
}

/** The script each of the catalog's languages is written in (the majority script of its examples). */
export function languageScripts(catalog: Catalog): ReadonlyMap<Lang, Script> {
  const languages = catalog.languages.length > 0 ? catalog.languages : [catalog.defaultLanguage];
  return new Map(languages.map((lang) => [lang, scriptOfLanguage(catalog, lang)]));
}

const detectors = new WeakMap<Catalog, LanguageDetector>();

/**
 * The catalog's language detector, trained once per catalog object and shared by its users (the
 * bot's brain trains it when it is built, at start-up and on reload; the handoff reuses it).
 */
export function languageDetectorFor(catalog: Catalog): LanguageDetector {
  let detector = detectors.get(catalog);
  if (!detector) detectors.set(catalog, (detector = createLanguageDetector(catalog)));
  return detector;
}

/**
 * Detects which of the catalog's languages a message is in: the script picks the candidates
 * (Arabic script → ur, Devanagari → hi or ne, Latin → en or hi-Latn), then a naive Bayes over
 * the catalog's examples plus built-in function words separates languages sharing a script.
 * Romanised Nepali ("mero order kaha pugyo?") is Nepali (romanisedNepali.ts). English nouns typed in
 * Latin letters amid Devanagari or Urdu words ("मेरो order को delivery कहिले हुन्छ?") are loanwords:
 * they neither make the message English nor weaken the guess (messageScript, scripts.ts).
 */
export function createLanguageDetector(catalog: Catalog): LanguageDetector {
  const languages = catalog.languages.length > 0 ? catalog.languages : [catalog.defaultLanguage];
  const scriptOf = languageScripts(catalog);

  const documents: { lang: string; tokens: string[]; weight?: number }[] = [];
  for (const intent of catalog.intents) {
    for (const lang of languages) {
      for (const example of intent.examples[lang] ?? []) documents.push({ lang, tokens: languageTokens(example) });
    }
  }
  for (const lang of languages) {
    const seeds = SEED_VOCABULARY[lang];
    if (seeds) documents.push({ lang, tokens: seeds.map((w) => w.normalize('NFC')), weight: SEED_WEIGHT });
  }
  const model = trainLanguageModel(documents);
  const unknown: LanguageGuess = { lang: catalog.defaultLanguage, confidence: 0 };
  const candidatesOf = new Map<Script, Lang[]>();
  for (const [lang, script] of scriptOf) candidatesOf.set(script, [...(candidatesOf.get(script) ?? []), lang]);
  // Nepali typed in Latin letters is answered in the catalog's Nepali when no language of the
  // catalog is Nepali in Latin letters (romanisedNepali.ts).
  // Scripts other than Latin that a catalog language is written in: Latin words amid them are loanwords.
  const hosts = new Set([...scriptOf.values()].filter((script) => script !== 'latin' && script !== 'other'));
  const nepaliInLatin = scriptOf.has('ne') && scriptOf.get('ne') !== 'latin' && !languages.some((l) => l !== 'ne' && l.startsWith('ne') && scriptOf.get(l) === 'latin');

  return {
    // Remembered for the last 256 texts: the handoff and the bot's turn each ask for a message's language.
    detect: rememberRecent((text: string): LanguageGuess => {
      const dominant = messageScript(languageTokens(text), hosts);
      if (!dominant || dominant.script === 'other') return unknown;
      const tokens = dominant.tokens;
      const candidates = candidatesOf.get(dominant.script) ?? [];
      const first = candidates[0];
      if (first === undefined) return unknown;
      const scale = dominant.script === 'latin' ? VOCABULARY_EVIDENCE_SCALE : SCRIPT_EVIDENCE_SCALE;
      if (candidates.length === 1) {
        return { lang: first, confidence: round(dominant.share * evidence(dominant.letters, scale)) };
      }
      if (dominant.script === 'latin' && nepaliInLatin && readsAsRomanisedNepali(tokens)) {
        return { lang: 'ne', confidence: round(dominant.share * evidence(dominant.letters, VOCABULARY_EVIDENCE_SCALE)) };
      }
      const posterior = model.posterior(tokens, candidates);
      let best = first;
      for (const lang of candidates) if ((posterior.get(lang) ?? 0) > (posterior.get(best) ?? 0)) best = lang;
      const confidence = (posterior.get(best) ?? 0) * dominant.share * evidence(dominant.letters, VOCABULARY_EVIDENCE_SCALE);
      return { lang: best, confidence: round(confidence) };
    }, 256),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
