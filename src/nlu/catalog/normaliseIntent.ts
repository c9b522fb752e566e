import type { Answer, FulfillmentSpec, Intent, Lang, LangText, ProductAnswers, QuickReply, SlotSpec } from '../types';
import type { RawAnswerValue, RawIntent, RawLangText, RawQuickReply } from './schema';

/** `order_status` → `Order status`. */
export function humaniseId(id: string): string {
  const words = id.split('_').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A plain string means "this text in the default language". */
export function toLangText(raw: RawLangText, defaultLanguage: Lang): LangText {
  return typeof raw === 'string' ? { [defaultLanguage]: raw } : { ...raw };
}

/** Picks a text for a language: that language, else the default language, else any. */
export function textFor(raw: RawLangText, lang: Lang, defaultLanguage: Lang): string {
  if (typeof raw === 'string') return raw;
  return raw[lang] ?? raw[defaultLanguage] ?? Object.values(raw)[0] ?? '';
}

function resolveQuickReplies(raw: RawQuickReply[], lang: Lang, defaultLanguage: Lang): QuickReply[] {
  return raw.map((qr) => ({ title: textFor(qr.title, lang, defaultLanguage), payload: qr.payload }));
}

function toAnswers(
  raw: RawAnswerValue,
  lang: Lang,
  defaultLanguage: Lang,
  intentQuickReplies: RawQuickReply[] | undefined,
): Answer[] {
  const variants = Array.isArray(raw) ? raw : [raw];
  return variants.map((variant) => {
    const rich = typeof variant === 'string' ? { text: variant } : variant;
    const quickReplies = rich.quickReplies ?? intentQuickReplies;
    return {
      text: rich.text,
      ...(quickReplies && quickReplies.length > 0
        ? { quickReplies: resolveQuickReplies(quickReplies, lang, defaultLanguage) }
        : {}),
      ...(rich.mediaUrl !== undefined ? { mediaUrl: rich.mediaUrl } : {}),
    };
  });
}

/** The normalised intent: every default filled in, answers always lists, titles always per language. */
export function normaliseIntent(
  raw: RawIntent,
  source: string,
  defaultLanguage: Lang,
  fulfillment: FulfillmentSpec | undefined,
): Intent {
  const title = raw.title === undefined ? {} : toLangText(raw.title, defaultLanguage);
  if (title[defaultLanguage] === undefined) title[defaultLanguage] = humaniseId(raw.id);

  const answersOf = (byLang: Record<Lang, RawAnswerValue>): Record<Lang, Answer[]> => {
    const out: Record<Lang, Answer[]> = {};
    for (const [lang, value] of Object.entries(byLang)) out[lang] = toAnswers(value, lang, defaultLanguage, raw.quickReplies);
    return out;
  };
  const answers = answersOf(raw.answers ?? {});
  const answersInGeneral = raw.answersInGeneral === undefined ? undefined : answersOf(raw.answersInGeneral);
  const answersFor: ProductAnswers[] = (raw.answersFor ?? []).map((set) => ({ products: [...set.products], answers: answersOf(set.answers) }));

  const slots: SlotSpec[] = (raw.slots ?? []).map((slot) => ({
    name: slot.name,
    kind: slot.kind,
    ...(slot.pattern !== undefined ? { pattern: slot.pattern } : {}),
    required: slot.required ?? true,
    prompt: toLangText(slot.prompt, defaultLanguage),
  }));

  return {
    id: raw.id,
    title,
    examples: Object.fromEntries(Object.entries(raw.examples).map(([lang, list]) => [lang, list.map((s) => s.trim())])),
    answers,
    ...(answersFor.length > 0 ? { answersFor } : {}),
    ...(answersInGeneral ? { answersInGeneral } : {}),
    handoff: raw.handoff ?? false,
    ...(raw.team !== undefined ? { team: raw.team } : {}),
    slots,
    ...(fulfillment ? { fulfillment } : {}),
    followUps: raw.followUps ?? [],
    ...(raw.onceHeld !== undefined ? { onceHeld: raw.onceHeld } : {}),
    ...(raw.offersPerson ? { offersPerson: true } : {}),
    source,
  };
}
