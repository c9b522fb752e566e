/**
 * The NLU's shared vocabulary: what the catalog loader produces, what the classifier and the
 * language detector return, and what the dialogue logic consumes. Every NLU file codes against
 * these types, so each part can be replaced on its own.
 */

/** A catalog language tag: en, hi (Devanagari Hindi), hi-Latn (Hinglish), ur, ne, or any other BCP-47 tag a catalog declares. */
export type Lang = string;

/** Text per language; a missing language falls back to the catalog's default language (en). */
export type LangText = Record<Lang, string>;

export interface QuickReply {
  /** Button label shown to the customer (Messenger truncates beyond 20 characters). */
  title: string;
  /** What comes back when tapped; an intent id (`intent:<id>`) or free payload. */
  payload: string;
}

export interface Answer {
  text: string;
  quickReplies?: QuickReply[];
  mediaUrl?: string;
}

export type SlotKind = 'order_number' | 'email' | 'phone' | 'date' | 'regex';

export interface SlotSpec {
  name: string;
  kind: SlotKind;
  /** Only for kind "regex": the pattern (JavaScript syntax, no slashes). */
  pattern?: string;
  required: boolean;
  /** The question asked when the slot is missing, per language. */
  prompt: LangText;
}

export interface FulfillmentSpec {
  url: string;
  /** Overrides FULFILLMENT_TIMEOUT_MS for this intent. */
  timeoutMs?: number;
}

export interface Intent {
  id: string;
  /** Human-readable name used in "did you mean …?" buttons, per language. */
  title: LangText;
  examples: Record<Lang, string[]>;
  /** One or more answer variants per language. */
  answers: Record<Lang, Answer[]>;
  /** Answers for some products or categories only, in catalog order (see ProductAnswers). */
  answersFor?: ProductAnswers[];
  /** The answer to the question asked in general, without its required slots' values ("how long does a refund usually take?"). */
  answersInGeneral?: Record<Lang, Answer[]>;
  handoff: boolean;
  team?: string;
  slots: SlotSpec[];
  fulfillment?: FulfillmentSpec;
  followUps: string[];
  /** Per slot name: the intent this one is once the conversation holds that slot's value and the question points back at it. */
  onceHeld?: Record<string, string>;
  /** Its answers invite the customer to say more for a colleague ("tell me here and a colleague will help"). */
  offersPerson?: boolean;
  /** The file the intent came from, for error messages. */
  source: string;
}

/**
 * Answers that replace an intent's general answers when the customer's product is one of
 * `products` (product or category ids): the warranty of a TV is not the warranty of a watch.
 */
export interface ProductAnswers {
  products: string[];
  answers: Record<Lang, Answer[]>;
}

/** Kinds of value whose wrong format the bot explains. */
export type FormatHintKind = 'order_number' | 'email' | 'phone' | 'date';
export type FormatHints = Partial<Record<FormatHintKind, LangText>>;

export interface CatalogMessages {
  fallback: LangText;
  clarify: LangText;
  handoff: LangText;
  fulfillmentError: LangText;
  /** Replies to conversational acts (src/nlu/acts); built-in defaults when a catalog has none. */
  acknowledge?: LangText;
  thanks?: LangText;
  greeting?: LangText;
  goodbye?: LangText;
  /** "yes" with nothing to confirm: "Sure — what would you like to know?" */
  whatElse?: LangText;
  /** "one sec", "let me check": take your time (an open question stays open). */
  wait?: LangText;
  /** A voice note without words: it cannot be read; ask for the question in writing. */
  voiceNote?: LangText;
  /** A photo, file or location without words: kept for the team; what can I help with? */
  attachment?: LangText;
  /** "no" to "did you mean…?": ask for other words. */
  rephrase?: LangText;
  /** "I don't have the order number" while the bot waits for it: where to find it, or a person can look it up ("yes" hands over). */
  noValue?: LangText;
  /**
   * The bot's question asked again, after a reply that neither answered it nor asked something
   * else ("yes please send technician" to "what's your order number?"); `{prompt}` is the question.
   */
  promptAgain?: LangText;
  /**
   * The answer just given would be given again word for word (the customer asked the same thing
   * again, so it did not help): offer a person instead ("yes" hands over).
   */
  repeated?: LangText;
  /** Introduces the topics menu offered after two misunderstandings. */
  menu?: LangText;
  /** One part of a several-question message was not understood; `{part}` is that part. */
  unclearPart?: LangText;
  /** The same, with "did you mean one of these?" buttons. */
  unclearPartChoice?: LangText;
  /** What the right format of a value looks like, per kind and language (`{value}`: what was typed). */
  formatHints?: FormatHints;
}

/** A kind of product (TVs, washing machines…), named in every language the catalog speaks. */
export interface ProductCategory {
  id: string;
  name: LangText;
  /** Other ways customers say it, per language ("telly", "टीवी", "ٹی وی"). */
  aliases: Record<Lang, string[]>;
}

/** One product the brand sells; found in messages by its names and aliases in every language. */
export interface Product {
  id: string;
  category: string;
  name: LangText;
  aliases: Record<Lang, string[]>;
}

export interface ProductCatalog {
  categories: ProductCategory[];
  products: Product[];
}

export type CatalogMessageKind = Exclude<keyof CatalogMessages, 'formatHints'>;

export interface Catalog {
  languages: Lang[];
  defaultLanguage: Lang;
  messages: CatalogMessages;
  intents: Intent[];
  /** Intent ids offered as a menu after two misunderstandings in a row; none = no menu. */
  topics?: string[];
  /** Slot name → the intent a bare value of it means when sent unasked ({ order_number: order_status }). */
  bareFacts?: Record<string, string>;
  /** The intent a product named with a fault ("mera fridge kharab ho gaya") means when nothing else is understood. */
  productFault?: string;
  /** The intent a message saying a delivery held the wrong item ("galat saman aa gaya") means, unless it asks a question understood. */
  wrongItem?: string;
  /** Products and categories (the catalog's `categories:` and `products:`); none when absent. */
  products?: ProductCatalog;
  /** Files read, in order. */
  files: string[];
}

export interface ScoredIntent {
  intent: string;
  confidence: number;
}

export interface Classification {
  /** The matched intent, or null when the message is out of scope. */
  intent: string | null;
  /** The best intent even when out of scope. */
  top: string;
  /** Calibrated probability of `top`, 0..1. */
  confidence: number;
  runnerUp: ScoredIntent | null;
  outOfScope: boolean;
}

export interface IntentClassifier {
  classify(text: string): Classification;
  readonly intents: readonly string[];
}

export interface TrainingExample {
  intent: string;
  text: string;
  lang?: Lang;
}

/** Read-only: a detector may hand the same guess to every caller asking about the same text. */
export interface LanguageGuess {
  readonly lang: Lang;
  /** 0..1; low when the text is too short or mixed to tell. */
  readonly confidence: number;
}

export interface LanguageDetector {
  detect(text: string): LanguageGuess;
}
