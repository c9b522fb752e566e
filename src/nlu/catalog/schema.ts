import { z } from 'zod';
import { CATALOG_LIMITS } from './limits';

/**
 * The shape of one catalog file as authors write it (see docs of the catalog format).
 * Unknown keys are errors, so typos never pass silently. Cross-file rules (unique ids,
 * references, languages) are checked after every file has parsed: see checkCatalogRules.
 */

export const INTENT_ID_PATTERN = /^[a-z][a-z0-9_]*$/;
/** A BCP-47-like tag: en, hi, hi-Latn, ur, ne, pt-BR, … */
export const LANGUAGE_TAG_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const nonEmptyText = z
  .string({ error: 'expected a non-empty string' })
  .refine((s) => s.trim().length > 0, { error: 'expected a non-empty string' });

const intentId = z
  .string({ error: 'expected an intent id (a string)' })
  .regex(INTENT_ID_PATTERN, { error: 'an intent id must match ^[a-z][a-z0-9_]*$ (lowercase letters, digits, _)' })
  .max(64, { error: 'an intent id must be at most 64 characters' });

const languageTag = z
  .string({ error: 'expected a language tag such as en, hi, hi-Latn' })
  .regex(LANGUAGE_TAG_PATTERN, { error: 'expected a language tag such as en, hi, hi-Latn, ur, ne' });

const httpUrl = z
  .string({ error: 'expected a URL' })
  .refine((s) => isHttpUrl(s), { error: 'expected an absolute http:// or https:// URL' });

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** `{ en: "...", hi: "..." }`: text per language. */
const langTextMap = z.record(languageTag, nonEmptyText, {
  error: 'expected texts per language, like { en: "...", hi: "..." }',
});

/** Text per language, or one plain string (used for every language). */
const langTextOrString = z.union([nonEmptyText, langTextMap], {
  error: 'expected a string or texts per language, like { en: "...", hi: "..." }',
});

export const quickReplySchema = z.strictObject({
  title: langTextOrString,
  payload: nonEmptyText.refine((p) => p.length <= 1000, { error: 'a payload must be at most 1000 characters' }),
});

const richAnswer = z.strictObject({
  text: nonEmptyText,
  quickReplies: z.array(quickReplySchema, { error: 'expected a list of quick replies' }).max(13, {
    error: 'at most 13 quick replies (the Messenger limit)',
  }).optional(),
  mediaUrl: httpUrl.optional(),
});

const answerVariant = z.union([nonEmptyText, richAnswer], {
  error: 'expected a text or { text, quickReplies?, mediaUrl? }',
});

/** Per language: a text, a rich answer, or a non-empty list of either (variants). */
const answerValue = z.union(
  [
    nonEmptyText,
    richAnswer,
    z.array(answerVariant).min(1, { error: 'expected at least one answer variant' }),
  ],
  { error: 'expected a text, a list of texts, or { text, quickReplies?, mediaUrl? }' },
);

const examplesSchema = z
  .record(
    languageTag,
    z
      .array(nonEmptyText, { error: 'expected a list of example messages' })
      .min(1, { error: 'expected at least one example' })
      .max(CATALOG_LIMITS.maxExamplesPerLanguage, {
        error: `too many examples: at most ${CATALOG_LIMITS.maxExamplesPerLanguage} per language per intent`,
      }),
    { error: 'expected examples per language, like { en: ["where is my order"] }' },
  )
  .refine((r) => Object.keys(r).length > 0, { error: 'expected examples in at least one language' });

export const SLOT_KINDS = ['order_number', 'email', 'phone', 'date', 'regex'] as const;

const slotSchema = z
  .strictObject({
    name: z
      .string({ error: 'expected a slot name (a string)' })
      .regex(/^[a-z][a-z0-9_]*$/, { error: 'a slot name must match ^[a-z][a-z0-9_]*$' }),
    kind: z.enum(SLOT_KINDS, { error: `expected one of ${SLOT_KINDS.join(', ')}` }),
    pattern: z.string({ error: 'expected a regular expression (a string)' }).optional(),
    required: z.boolean({ error: 'expected true or false' }).optional(),
    prompt: langTextOrString,
  })
  .superRefine((slot, ctx) => {
    if (slot.kind === 'regex' && slot.pattern === undefined) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'a slot of kind regex needs a pattern' });
    }
    if (slot.kind !== 'regex' && slot.pattern !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'pattern is only allowed for kind regex' });
    }
    if (slot.pattern !== undefined) {
      try {
        new RegExp(slot.pattern);
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: `not a valid regular expression: ${(err as Error).message}` });
      }
    }
  });

const fulfillmentSchema = z.strictObject({
  url: z.string({ error: 'expected a URL (a string), like "${ORDER_FULFILLMENT_URL}"' }),
  timeoutMs: z
    .number({ error: 'expected a number of milliseconds' })
    .int({ error: 'expected a whole number of milliseconds' })
    .min(100, { error: 'timeoutMs must be at least 100' })
    .max(60000, { error: 'timeoutMs must be at most 60000' })
    .optional(),
});

const productId = z
  .string({ error: 'expected an id (a string)' })
  .regex(INTENT_ID_PATTERN, { error: 'an id must match ^[a-z][a-z0-9_]*$ (lowercase letters, digits, _)' })
  .max(64, { error: 'an id must be at most 64 characters' });

/** At most this many product-specific answer sets per intent, and product or category ids in one. */
export const MAX_PRODUCT_ANSWERS = 50;

/**
 * Answers for some products or categories only (`{ products: [tv, tv_oled_75], answers: { en: "…" } }`):
 * when the customer's newest product is one of them (or of one of these categories), these answer
 * instead of the intent's general answers. A product's own set wins over its category's.
 */
const productAnswersSchema = z.strictObject({
  products: z
    .array(productId, { error: 'expected a list of product or category ids' })
    .min(1, { error: 'expected at least one product or category id' })
    .max(MAX_PRODUCT_ANSWERS, { error: `at most ${MAX_PRODUCT_ANSWERS} ids` }),
  answers: z.record(languageTag, answerValue, { error: 'expected answers per language, like { en: "..." }' }),
});

export const intentSchema = z
  .strictObject({
    id: intentId,
    title: langTextOrString.optional(),
    examples: examplesSchema,
    answers: z.record(languageTag, answerValue, { error: 'expected answers per language, like { en: "..." }' }).optional(),
    answersFor: z
      .array(productAnswersSchema, { error: 'expected a list of { products, answers }' })
      .max(MAX_PRODUCT_ANSWERS, { error: `at most ${MAX_PRODUCT_ANSWERS} product-specific answer sets` })
      .optional(),
    /**
     * The answer to the question asked in general, without the values its required slots hold
     * ("how long does a refund usually take?", "just asking, no order yet"): given instead of
     * asking for them.
     */
    answersInGeneral: z.record(languageTag, answerValue, { error: 'expected answers per language, like { en: "..." }' }).optional(),
    quickReplies: z.array(quickReplySchema, { error: 'expected a list of quick replies' }).max(13, {
      error: 'at most 13 quick replies (the Messenger limit)',
    }).optional(),
    handoff: z.boolean({ error: 'expected true or false' }).optional(),
    team: z
      .string({ error: 'expected a team name (a string)' })
      .regex(/^[a-z][a-z0-9_-]*$/, { error: 'a team name must match ^[a-z][a-z0-9_-]*$' })
      .optional(),
    slots: z.array(slotSchema, { error: 'expected a list of slots' }).optional(),
    fulfillment: fulfillmentSchema.optional(),
    followUps: z.array(intentId, { error: 'expected a list of intent ids' }).optional(),
    /**
     * Its answers invite the customer to say more for a colleague ("tell me here and a colleague
     * will help"): "yes", the same question again, or a statement the bot cannot read right after
     * the answer is handed to a person.
     */
    offersPerson: z.boolean({ error: 'expected true or false' }).optional(),
    /**
     * Once the conversation holds a slot's value, this intent asked about it ("when will it
     * arrive?" after the order number) is the named intent: `{ order_number: order_status }`.
     */
    onceHeld: z
      .record(
        z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'a slot name must match ^[a-z][a-z0-9_]*$' }),
        intentId,
        { error: 'expected slot names mapped to intent ids, like { order_number: order_status }' },
      )
      .optional(),
  })
  .superRefine((intent, ctx) => {
    if (!intent.handoff && (intent.answers === undefined || Object.keys(intent.answers).length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['answers'], message: 'answers are required (unless handoff: true)' });
    }
    if (intent.answersInGeneral !== undefined && !(intent.slots ?? []).some((slot) => slot.required !== false)) {
      ctx.addIssue({ code: 'custom', path: ['answersInGeneral'], message: 'answersInGeneral needs a required slot (they answer without its value); use answers' });
    }
    for (const [lang, value] of Object.entries(intent.answersInGeneral ?? {})) {
      const texts = [value].flat().map((v) => (typeof v === 'string' ? v : v.text));
      if (texts.some((t) => /\{[a-zA-Z_][\w.]*\}/.test(t))) {
        ctx.addIssue({ code: 'custom', path: ['answersInGeneral', lang], message: 'an answer in general has no slot value to fill: remove the {placeholder}' });
      }
    }
    const seen = new Set<string>();
    (intent.slots ?? []).forEach((slot, i) => {
      if (seen.has(slot.name)) {
        ctx.addIssue({ code: 'custom', path: ['slots', i, 'name'], message: `duplicate slot name "${slot.name}"` });
      }
      seen.add(slot.name);
    });
  });

/** Kinds of value whose wrong format the bot explains ("an order number is SG and 6 digits…"). */
export const FORMAT_HINT_KINDS = ['order_number', 'email', 'phone', 'date'] as const;

const messagesSchema = z.strictObject({
  fallback: langTextMap.optional(),
  clarify: langTextMap.optional(),
  handoff: langTextMap.optional(),
  fulfillmentError: langTextMap.optional(),
  acknowledge: langTextMap.optional(),
  thanks: langTextMap.optional(),
  greeting: langTextMap.optional(),
  goodbye: langTextMap.optional(),
  whatElse: langTextMap.optional(),
  wait: langTextMap.optional(),
  voiceNote: langTextMap.optional(),
  attachment: langTextMap.optional(),
  rephrase: langTextMap.optional(),
  noValue: langTextMap.optional(),
  repeated: langTextMap.optional(),
  promptAgain: langTextMap.optional(),
  menu: langTextMap.optional(),
  unclearPart: langTextMap.optional(),
  unclearPartChoice: langTextMap.optional(),
  /** Per kind, per language: what the right format looks like; `{value}` is what the customer typed. */
  formatHints: z
    .partialRecord(z.enum(FORMAT_HINT_KINDS, { error: `expected one of ${FORMAT_HINT_KINDS.join(', ')}` }), langTextMap, {
      error: 'expected format hints per kind, like { order_number: { en: "..." } }',
    })
    .optional(),
});

/** `{ en: ["55-inch TV", "55 inch tv"], hi: ["५५ इंच टीवी"] }`: other names per language. */
const aliasesSchema = z.record(
  languageTag,
  z
    .array(nonEmptyText, { error: 'expected a list of names' })
    .max(CATALOG_LIMITS.maxAliasesPerLanguage, { error: `at most ${CATALOG_LIMITS.maxAliasesPerLanguage} aliases per language` }),
  { error: 'expected aliases per language, like { en: ["telly"], hi: ["टीवी"] }' },
);

export const categorySchema = z.strictObject({
  id: productId,
  name: langTextOrString,
  aliases: aliasesSchema.optional(),
});

export const productSchema = z.strictObject({
  id: productId,
  category: productId,
  name: langTextOrString,
  aliases: aliasesSchema.optional(),
});

/** At most this many topics in the menu offered after two misunderstandings. */
export const MAX_TOPICS = 10;

export const catalogFileSchema = z.strictObject(
  {
    languages: z
      .array(languageTag, { error: 'expected a list of language tags, like [en, hi, hi-Latn, ur, ne]' })
      .min(1, { error: 'expected at least one language' })
      .optional(),
    defaultLanguage: languageTag.optional(),
    messages: messagesSchema.optional(),
    intents: z.array(intentSchema, { error: 'expected a list of intents' }).optional(),
    /** The intents offered as a menu after two misunderstandings in a row, in order. */
    topics: z
      .array(intentId, { error: 'expected a list of intent ids' })
      .min(1, { error: 'expected at least one topic' })
      .max(MAX_TOPICS, { error: `at most ${MAX_TOPICS} topics` })
      .optional(),
    /** A slot value sent alone, unasked, means this intent: `{ order_number: order_status }`. */
    bareFacts: z
      .record(
        z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'a slot name must match ^[a-z][a-z0-9_]*$' }),
        intentId,
        { error: 'expected slot names mapped to intent ids, like { order_number: order_status }' },
      )
      .optional(),
    /** A message that names a product and a fault ("mera fridge kharab ho gaya"), not understood otherwise, means this intent. */
    productFault: intentId.optional(),
    /** A message that says a delivery held something other than what was ordered ("galat saman aa gaya") means this intent. */
    wrongItem: intentId.optional(),
    categories: z.array(categorySchema, { error: 'expected a list of product categories' }).optional(),
    products: z.array(productSchema, { error: 'expected a list of products' }).optional(),
  },
  { error: 'expected a mapping with intents: (and optionally languages, defaultLanguage, messages, categories, products)' },
);

export type RawCatalogFile = z.infer<typeof catalogFileSchema>;
export type RawIntent = z.infer<typeof intentSchema>;
export type RawQuickReply = z.infer<typeof quickReplySchema>;
export type RawAnswerValue = z.infer<typeof answerValue>;
export type RawLangText = z.infer<typeof langTextOrString>;
export type RawCategory = z.infer<typeof categorySchema>;
export type RawProduct = z.infer<typeof productSchema>;
