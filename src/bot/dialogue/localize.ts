import type { Answer, Catalog, Intent, Lang, LangText, QuickReply } from '../../nlu/types';

/** The text in `lang`, else in the catalog's default language, else in any language given. */
export function textIn(text: LangText, lang: Lang, defaultLanguage: Lang): string {
  return text[lang] ?? text[defaultLanguage] ?? Object.values(text)[0] ?? '';
}

/** The answer variants in `lang`, else in the default language, else in any language given. */
export function answersIn(answers: Record<Lang, Answer[]>, lang: Lang, defaultLanguage: Lang): Answer[] {
  const own = answers[lang];
  if (own && own.length > 0) return own;
  const fallback = answers[defaultLanguage];
  if (fallback && fallback.length > 0) return fallback;
  return Object.values(answers).find((a) => a.length > 0) ?? [];
}

/** One variant, chosen with `random` (0 ≤ random() < 1); undefined when the intent has no answers. */
export function chooseVariant<T>(variants: readonly T[], random: () => number): T | undefined {
  if (variants.length === 0) return undefined;
  const index = Math.min(variants.length - 1, Math.max(0, Math.floor(random() * variants.length)));
  return variants[index];
}

/** A "tap to ask about this intent" button, titled in the customer's language. */
export function intentButton(intent: Intent, lang: Lang, defaultLanguage: Lang): QuickReply {
  return { title: textIn(intent.title, lang, defaultLanguage) || intent.id, payload: `intent:${intent.id}` };
}

/** Buttons for the intent's followUps that exist in the catalog. */
export function followUpButtons(intent: Intent, catalog: Catalog, lang: Lang): QuickReply[] {
  return intent.followUps
    .map((id) => catalog.intents.find((i) => i.id === id))
    .filter((i): i is Intent => i !== undefined)
    .map((i) => intentButton(i, lang, catalog.defaultLanguage));
}
