import { BatonError } from '../../errors';
import { type ActKind, type ActReading, mainAct, opensWithCorrection, readActs } from '../../nlu/acts';
import { announcesQuestions, asksQuestion, bearsQuestion, findReferringWord, peelPoliteWrappers, splitClauses, tellsPast, withdrawsRequest } from '../../nlu/clauses';
import { DEFAULT_MESSAGES } from '../../nlu/catalog/defaultMessages';
import { callFulfillment, Fulfill, FulfillmentReply } from '../../nlu/fulfillment';
import { normalizeText } from '../../nlu/classifier';
import { extractFacts, findProductFacts, productIndexOf, type Span } from '../../nlu/facts';
import { LANGUAGE_CONFIDENCE_THRESHOLD, languageScripts, type Script } from '../../nlu/language';
import { isNepaliWord } from '../../nlu/language/romanisedNepali';
import { countScripts, dominantScript } from '../../nlu/language/scripts';
import { findSlotValues, isKnownTimeZone, NamedSlotMatch } from '../../nlu/slots';
import { type CatalogSpelling, catalogSpellingFor, commonEnglishWords, expandSmsSpelling, isHinglishWord } from '../../nlu/spelling';
import { asksWhatToDo, type WordSupport, wordSupportFor } from '../../nlu/support';
import type { Answer, Catalog, CatalogMessageKind, Classification, Intent, IntentClassifier, Lang, LangText, LanguageDetector, QuickReply, SlotSpec } from '../../nlu/types';
import { answerAct, keepRest } from './answerAct';
import type { DialogueSignal } from './dialogueSignal';
import { answerFingerprint, appendBounded, DialogueState } from './dialogueState';
import { fillPlaceholders } from './fillPlaceholders';
import { formatHintFor, type KnownFact, slotsFromFacts } from './slotFacts';
import { answersIn, chooseVariant, followUpButtons, intentButton, textIn } from './localize';
import { intentOfPayload, pickOffered } from './readChoice';
import { type QuestionReading, readQuestions } from './readQuestions';
import { asksInGeneral } from './asksInGeneral';
import { asksWhereValueIs, namesMissingValue, saysNoValue } from './noValue';
import { namesFault } from './namesFault';
import { namesWrongItem } from './namesWrongItem';
import { pushesBack } from './pushesBack';
import { tellsAddress } from './tellsAddress';
import { valueWordsBySlot, withoutValueWords } from './valueReply';
import { answersForProduct, newestProduct } from './productAnswers';
import { opensConditionalFollowUp } from './conditionalFollowUp';
import { opensFollowUpAboutName } from './nameFollowUp';
import { afterOpener, describesProductOnly, isProductFollowUp, namesWithoutAsking, opensFollowUp, opensProductFollowUp } from './productFollowUp';

export interface DialogueReply {
  text: string;
  quickReplies?: QuickReply[];
  mediaUrl?: string;
}

export interface TurnInput {
  text?: string;
  /** A tapped quick reply or postback; `intent:<id>` selects that intent. */
  payload?: string;
  state: DialogueState;
  customerRef: string;
  channel: string;
  conversationId: string;
  /** The conversation's fact sheet, newest first: a slot it holds a verified value for is never asked. */
  facts?: readonly KnownFact[];
  /** What came with the message besides text: 'image', 'audio', 'video', 'file', 'sticker', 'location'… */
  media?: readonly string[];
  /** The country of the customer's own phone number, where numbers without a country code are read; deps.phoneRegion otherwise. */
  phoneRegion?: string;
  /**
   * The conversation's language as the desk last recorded it, for a conversation whose dialogue state
   * has none: the bot never read the message that escalated at once, so an "ok" after the handback is
   * answered in the language the customer was writing.
   */
  language?: string;
}

export interface TurnResult {
  replies: DialogueReply[];
  state: DialogueState;
  /** The language the replies are in (also state.language). */
  lang: Lang;
  /** The classifier's verdict, when the message was classified. */
  classification?: Classification;
  signals: DialogueSignal[];
}

export interface DialogueEngineDeps {
  catalog: Catalog;
  classifier: Pick<IntentClassifier, 'classify'>;
  languageDetector: LanguageDetector;
  /** confidence ≥ answer → answer; clarify ≤ confidence < answer → "did you mean…?"; below → fallback. */
  thresholds: { answer: number; clarify: number };
  /** The fulfillment call; callFulfillment by default, a fake in tests. */
  fulfill?: Fulfill;
  fulfillmentDefaults: { timeoutMs: number; secret?: string };
  /** Picks answer variants; Math.random by default. */
  random?: () => number;
  now?: () => Date;
  /** A message switches the conversation's language when the detector is at least this sure. Default LANGUAGE_CONFIDENCE_THRESHOLD (0.5). */
  languageSwitchConfidence?: number;
  /** Time zone in which "today"/"kal"/"آج" are counted. Default UTC. */
  timeZone?: string;
  /** Order-number prefix (SG by default). */
  orderPrefix?: string;
  /** Region of phone numbers written without a country code (DEFAULT_PHONE_REGION; IN by default). */
  phoneRegion?: string;
  /**
   * The escalation policy's own reading of a request for a person (its lexicons, in every language);
   * without it, a handoff topic beside closing words is never taken (closesAroundPerson).
   */
  asksForPerson?: (text: string) => boolean;
}

/** An act with at most this many words beside it that mean nothing to the classifier is answered as the act. */
export const MAX_WORDS_BESIDE_ACT = 3;

/** Most words a promise to come back may follow ("I'll ask my husband and let you know") and still be answered as that promise when nothing else was understood. */
export const MAX_WORDS_BEFORE_PROMISE = 8;

/**
 * At or above this confidence a message is answered even when none of its content words is one
 * the intent's examples use and some are new to the catalog (wordSupport.ts); below it, such a
 * message is about something else ("कोई अच्छा गाना सुनाओ" read as goodbye through अच्छा) and falls
 * back. Chosen on the DEV paraphrases: of the 671 answered right, 1 (at 0.70) falls back instead.
 */
export const SURE_WITHOUT_SHARED_WORDS = 0.75;

/**
 * An intent whose examples bear a question at least this often is only ever asked about (store
 * hours 0.87, shipping costs 0.84, delivery time 0.97 in the demo), not told: a clause that tells
 * what happened read as one is context (readQuestions' onlyAsked). Told topics stay well below
 * (repairs 0.64, order status 0.59, complaints 0.20).
 */
const ONLY_ASKED_SHARE = 0.8;

/**
 * The catalog intents named like the acts they answer (answerActs): a greeting, thanks or goodbye is
 * said in a few set words, so a message with more words new to the catalog than words of the
 * intent's examples is not one, however sure the classifier is ("who won the football match last
 * night" read as goodbye through "night"): it is not understood.
 */
const PLEASANTRY_INTENTS: ReadonlySet<string> = new Set(['greeting', 'thanks', 'goodbye']);

/** The topic a short follow-up question carries on with (DialogueEngine.carriedFrom). */
interface CarriedTopic {
  intent: Intent;
  /** It opens like a follow-up: "and …", "aur …", "और …". */
  opened: boolean;
  /** No word of it leans away from the intent it follows to the classifier's top intent. */
  stays: boolean;
}

/** The intent answered last, whose answers depend on the product, and the products a message names (productFollowable). */
interface ProductFollowable {
  intent: Intent;
  spans: Span[];
}

/** The intents a classification ranks first and second. */
const rankedBy = (c: Classification): string[] => (c.runnerUp ? [c.top, c.runnerUp.intent] : [c.top]);
/** rankedBy, with the runner-up only when it is read at least `clarify` surely ("ani pokhara ko lagi?": a runner-up at 0.03 is noise). */
const rankedAbove = (c: Classification, clarify: number): string[] =>
  c.runnerUp && c.runnerUp.confidence >= clarify ? [c.top, c.runnerUp.intent] : [c.top];

/** Most words a message may have to carry on the topic just answered: longer ones say what they are about. */
export const MAX_CARRIED_WORDS = 6;

/** Words, with the vowel signs and other marks of Devanagari and Urdu letters inside them. */
const wordCount = (text: string): number => text.match(/[\p{L}\p{M}\p{N}]+/gu)?.length ?? 0;

/** The question or options the bot left open last turn stay open (a wait, a photo, a voice note). */
function keepOpen(turn: Turn): void {
  const previous = turn.input.state;
  if (previous.offered) turn.state.offered = previous.offered;
  if (previous.confirm) turn.state.confirm = previous.confirm;
}

/** The catalog languages spoken in a phone number's country, to choose between the languages a shared word suggests. */
const REGION_LANGUAGES: Readonly<Record<string, readonly string[]>> = { NP: ['ne'], PK: ['ur'], IN: ['hi', 'hi-Latn'] };

/** Longer messages are cut before any processing. */
export const MAX_TURN_TEXT_LENGTH = 2000;

interface Turn {
  state: DialogueState;
  lang: Lang;
  replies: DialogueReply[];
  signals: DialogueSignal[];
  classification?: Classification;
  input: TurnInput;
  /** One answer of several in one reply (answerSeveral): never held back as a repeat. */
  several?: boolean;
}

/**
 * Decides what the bot says on each customer turn: picks the language, reads quick-reply taps and
 * numbered choices, fills slots, classifies, and answers, clarifies, falls back, calls the
 * fulfillment endpoint or flags a handoff. Pure apart from the injected fulfillment call: the
 * state goes in and a new state comes out (the input state is never modified).
 *
 * Order of decisions on a turn:
 * 1. Slot values of every kind the catalog uses are taken from the fact sheet (the newest verified
 *    value of each kind, whoever owned the conversation when it was written), then from the message.
 * 2. Language: switches when the detector is at least `languageSwitchConfidence` sure (default 0.5,
 *    the detector's own LANGUAGE_CONFIDENCE_THRESHOLD: "ok", "12345" and bare order numbers stay
 *    below it); otherwise the conversation keeps its language (the catalog default at first).
 * 3. A payload `intent:<id>` (tapped button) → that intent, confidence 1.
 * 4. "1", "२", "۲"… or an option's title, when options were offered last turn → that option.
 * 4¼. A photo, voice note or file without words: the catalog's `voiceNote` or `attachment` reply;
 *    an open question stays open, and it is never a misunderstanding.
 * 4½. A message of only conversational acts ("ok", "thanks", "haan", "👍"; src/nlu/acts) is answered
 *    briefly and is never a misunderstanding; "yes"/"no" answer an open "did you mean…?"; acts
 *    opening or closing a longer message are set aside ("hi, where is my order?" is the question).
 * 5. A pending question: a message that is only the value (or the value and words that describe
 *    it, valueReply.ts) fills it; a message whose other words are classified at or
 *    above the answer threshold as another intent drops it and is handled instead; a message that
 *    is neither re-asks the question and counts as a misunderstanding.
 * 6. A message that is only a value the catalog's `bareFacts` names (a bare order number), or that
 *    value with nothing but question words ("where is SG-305117?") → that intent.
 * 7. A message that says nothing of what it is about ("what do i do", "how", "क्या करूँ": only question
 *    words, pronouns, particles and words nearly every intent's examples use; no product) is not
 *    read as any question: right after an answer, one that asks ("what do i do now?") is offered
 *    the answer's catalog followUps; else its acts are answered, else it is not understood. Such a clause of a
 *    longer message is set aside, and such a reply to a pending question asks it again.
 *    Otherwise read the questions in the message with its slot values cut out (readQuestions): up to
 *    three different questions are answered in one reply, in the order asked, and a clause that asks
 *    something not understood is asked about; one question: ≥ answer → handle the intent; ≥ clarify →
 *    "did you mean A or B?"; below → fallback (a misunderstanding; the second in a row offers the
 *    catalog's `topics` as a menu instead, and the escalation policy waits for the next one).
 * Handling an intent: handoff intents answer and signal handoff_intent; missing required slots are
 * asked for one at a time; then the fulfillment is called (if it has a URL) or the static answer
 * is given with {slot} placeholders filled and the followUps offered as buttons.
 */
export class DialogueEngine {
  private readonly catalog: Catalog;
  private readonly intents: Map<string, Intent>;
  /** Every slot the catalog uses (first spec per name), extracted from every message. */
  private readonly slotSpecs: SlotSpec[];
  /** Per slot, the words the catalog asks for it with (valueReply.ts). */
  private readonly valueWords: Map<string, Set<string>>;
  /** The intents that answer a topic: neither a pleasantry nor a handoff. */
  private readonly topicIntents: string[];
  private readonly fulfill: Fulfill;
  private readonly random: () => number;
  private readonly now: () => Date;
  private readonly languageSwitchConfidence: number;
  private readonly support: WordSupport;
  private readonly spelling: CatalogSpelling;
  /** Per product (by the name the fact sheet shows), per language: its category as the examples say it. */
  private readonly plainProduct: Map<string, Partial<Record<Lang, string>>>;
  /** Per category id, per language: the category as the examples say it ("TV", "ٹی وی"). */
  private readonly plainCategory: Map<string, Partial<Record<Lang, string>>>;
  /** The script each catalog language is written in. */
  private readonly scripts: ReadonlyMap<Lang, Script>;
  /** The intents only ever asked about: at least ONLY_ASKED_SHARE of their examples bear a question (store hours, shipping costs). */
  private readonly onlyAsked: ReadonlySet<string>;

  constructor(private readonly deps: DialogueEngineDeps) {
    const { answer, clarify } = deps.thresholds;
    if (!(clarify >= 0 && answer <= 1 && clarify <= answer)) {
      throw new BatonError('CONFIG_INVALID', `Dialogue thresholds must satisfy 0 ≤ clarify (${clarify}) ≤ answer (${answer}) ≤ 1`);
    }
    if (deps.timeZone !== undefined && !isKnownTimeZone(deps.timeZone)) {
      throw new BatonError('CONFIG_INVALID', `Unknown time zone "${deps.timeZone}"; use an IANA name such as Asia/Kolkata`);
    }
    this.catalog = deps.catalog;
    this.intents = new Map(deps.catalog.intents.map((i) => [i.id, i]));
    const byName = new Map<string, SlotSpec>();
    for (const intent of deps.catalog.intents) for (const slot of intent.slots) if (!byName.has(slot.name)) byName.set(slot.name, slot);
    this.slotSpecs = [...byName.values()];
    this.valueWords = valueWordsBySlot(deps.catalog);
    this.topicIntents = deps.catalog.intents.filter((i) => !i.handoff && !PLEASANTRY_INTENTS.has(i.id)).map((i) => i.id);
    this.fulfill = deps.fulfill ?? callFulfillment;
    this.random = deps.random ?? Math.random;
    this.now = deps.now ?? (() => new Date());
    this.languageSwitchConfidence = deps.languageSwitchConfidence ?? LANGUAGE_CONFIDENCE_THRESHOLD;
    const examples = deps.catalog.intents.flatMap((i) => Object.entries(i.examples).flatMap(([lang, texts]) => texts.map((text) => ({ intent: i.id, text, lang }))));
    this.support = wordSupportFor(examples);
    // Romanised Nepali words ("tapai", "khulcha") are spelled right in their own language: read as
    // typos of Hinglish words ("tapai" → "tapak"), the message no longer reads as Nepali at all.
    const english = commonEnglishWords();
    this.spelling = catalogSpellingFor(examples.map((e) => e.text), { isWord: (w) => isNepaliWord(w) || isHinglishWord(w) || english?.(w) === true });
    ({ byProduct: this.plainProduct, byCategory: this.plainCategory } = plainProductWords(deps.catalog, examples));
    this.scripts = languageScripts(deps.catalog);
    this.onlyAsked = new Set(
      deps.catalog.intents
        .filter((i) => {
          const all = Object.values(i.examples).flat();
          return all.length > 0 && all.filter((e) => bearsQuestion(e)).length >= ONLY_ASKED_SHARE * all.length;
        })
        .map((i) => i.id),
    );
  }

  async turn(input: TurnInput): Promise<TurnResult> {
    const text = (input.text ?? '').slice(0, MAX_TURN_TEXT_LENGTH).trim();
    const previous = input.state;
    const found = text
      ? findSlotValues(text, this.slotSpecs, { now: this.now(), timeZone: this.deps.timeZone ?? 'UTC', orderPrefix: this.deps.orderPrefix })
      : [];
    const slots = { ...previous.slots, ...slotsFromFacts(this.slotSpecs, input.facts) };
    for (const m of found) slots[m.name] = m.value;
    const lang = this.chooseLanguage(withoutSpans(text, found), this.recordedLanguage(input));
    const state: DialogueState = { ...previous, slots, language: lang };
    delete state.offered; // offered again below only if this turn's reply has options
    delete state.confirm;
    delete state.lastAnswer; // set again below only if this turn answers
    delete state.personOffer; // set again below only if this turn's answer offers a person
    delete state.invited; // set again below only if this turn answers in general
    const turn: Turn = { state, lang, replies: [], signals: [], input };

    await this.respond(turn, text, found, previous.offered);

    const last = turn.replies[turn.replies.length - 1];
    if (last?.quickReplies && last.quickReplies.length > 0) turn.state.offered = last.quickReplies;
    return {
      replies: turn.replies,
      state: turn.state,
      lang: turn.lang,
      signals: turn.signals,
      ...(turn.classification ? { classification: turn.classification } : {}),
    };
  }

  private async respond(turn: Turn, text: string, found: NamedSlotMatch[], offered: QuickReply[] | undefined): Promise<void> {
    // 1. A tapped button (or a message that is exactly an intent payload).
    const tapped = this.intentById(intentOfPayload(turn.input.payload) ?? intentOfPayload(text));
    if (tapped) return this.handleIntent(turn, tapped, 1);

    // 2. A numbered (or by-title) pick among the options offered last turn.
    const picked = pickOffered(text, offered);
    if (picked) {
      const intent = this.intentById(intentOfPayload(picked.payload));
      if (intent) return this.handleIntent(turn, intent, 1);
      return this.classifyAndAnswer(turn, picked.title);
    }

    // 2¼. A photo, voice note or file with no words: say what the bot can do with it (a voice note
    //     cannot be read), keep any question open, and count no misunderstanding.
    const media = turn.input.media ?? [];
    if (media.length > 0 && !/[\p{L}\p{N}]/u.test(text)) return this.answerMedia(turn, media);

    // 2½. Conversational acts: a message of only acts is answered as such; acts around a question are set aside.
    const acts = readActs(withoutSpans(text, found));
    if (acts.rest === '' && acts.acts.length > 0 && found.length === 0) return this.answerActs(turn, acts);
    const asked = keepRest(text, acts);

    // 3. The answer to the question the bot asked.
    const pending = turn.state.pending;
    const pendingIntent = this.intentById(pending?.intent ?? null);
    if (pending && pendingIntent && pendingIntent.slots.some((s) => s.name === pending.slot)) {
      return this.answerPending(turn, asked, found, pendingIntent, pending.slot);
    }
    delete turn.state.pending;

    // 3¼. "सॉरी, गलत लिखा, amit.sharma@gmail.com", "u can reach me on 98201 44556": contact details
    //     the fact sheet keeps for the team, with nothing asked around them, are acknowledged.
    if (this.onlyContactDetails(turn, text, found)) return this.answerActs(turn, { ...acts, acts: acts.acts.length > 0 ? acts.acts : ['ack'], rest: '' });

    // 3½. "What about the fridge?" right after an answer that depends on the product: the same
    //     question about that product.
    const followable = this.productFollowable(turn, asked);
    if (followable && isProductFollowUp(asked, followable.spans)) return this.handleIntent(turn, followable.intent, 1);

    // 4. Read what is left once slot values are cut out (an order number says nothing about the
    //    intent, and its letters and digits only add noise); a message that was only values means
    //    the catalog's bareFacts intent for them, else falls back.
    const words = withoutSpans(asked, found);
    // "SG-118204 है", "it's SG-118204": the words that hand a value over say nothing else either, nor
    // do the words that name it ("ok and the order number is SG 208417 if that helps", namesValue).
    const onlyValues = this.namesValue(words, found);
    if (onlyValues && opensWithCorrection(text, acts) && turn.input.state.answered.length > 0) {
      // "sorry typo, it's SG-264801", "सॉरी, गलत नंबर लिख दिया, SG-264801 है" after an answer: the
      // value put right. The same question about it when that answer takes such a value; else the
      // answer did not depend on it, and the value is acknowledged (kept in the fact sheet).
      const again = this.lastAnsweredTaking(turn, found);
      if (again) return this.handleIntent(turn, again, this.lastConfidence(turn.state, again.id));
      return this.answerActs(turn, { ...acts, acts: ['ack'], rest: '' });
    }
    if (!/[\p{L}\p{N}]/u.test(words) || onlyValues) {
      const alone = this.valueAloneIntent(turn, found);
      return alone ? this.handleIntent(turn, alone, 1) : this.fallback(turn);
    }
    // "black manga tha white aaya": a wrong delivery told, not asked about, whatever the words lean to.
    const wrongItem = this.wrongItemReport(turn);
    if (wrongItem) return this.handleIntent(turn, wrongItem, 1);
    // "what do i do", "how", "क्या करूँ": a message that says nothing of what it is about is not
    // read as any question, however sure the classifier is (it leans on words every intent uses).
    if (!this.asksSomething(words)) {
      // "where is SG-305117?", "SG-305117 kahan hai?", "SG-305117 کا کیا بنا؟": a value asked about
      // with nothing but question words means what the value sent alone means.
      const asksAboutValue = found.length > 0 && bearsQuestion(words) ? this.valueAloneIntent(turn, found) : undefined;
      if (asksAboutValue) return this.handleIntent(turn, asksAboutValue, 1);
      if (this.offerNextSteps(turn, words)) return;
      // "कहिले सम्म आउँछ?", "kab tak?" right after an answer with no next steps to offer: the same
      // topic. "what do i do now?" asks for next steps, and there are none: not understood.
      const carried = asksWhatToDo(words) ? undefined : this.carriedTopic(turn, words, []);
      return carried ? this.handleIntent(turn, carried.intent, this.lastConfidence(turn.state, carried.intent.id)) : this.answerUnread(turn, acts);
    }
    // "no wait, don't cancel it": a message that only takes a request back is acknowledged, not read as that request.
    if (splitClauses(words).every((c) => withdrawsRequest(readActs(c.text).rest))) return this.answerActs(turn, { ...acts, acts: ['ack'], rest: '' });
    const read = (t: string) =>
      readQuestions(t, (x) => this.deps.classifier.classify(x), this.deps.thresholds, {
        referents: [...this.referents(turn), ...this.topicWords(turn), ...this.productWord(turn)],
        sure: SURE_WITHOUT_SHARED_WORDS,
        asksNothing: (x) => !this.asksSomething(x),
        productIn: (x) => this.productIn(x),
        namesProductOnly: (x) => this.namesProductOnly(x),
        continues: (x, from, to, understood) => this.continuesClause(x, from, to, understood),
        namesValue: (x) => this.namesValue(x, found),
        withdraws: withdrawsRequest,
        onlyAsked: (intent) => this.onlyAsked.has(intent),
        announced: announcesQuestions(text),
      });
    const expanded = expandSmsSpelling(words, turn.lang);
    const plain = this.plainProducts(expanded, turn.lang);
    let reading = read(this.spelling.correct(plain));
    // A model named in words the examples use ("ورک بک 16 کتنے کا ہے؟") may read better as written than as its category.
    if (plain !== expanded && reading.kind === 'single' && reading.classification.confidence < this.deps.thresholds.answer) {
      const asWritten = read(this.spelling.correct(expanded));
      if (asWritten.kind === 'several' || asWritten.classification.confidence > reading.classification.confidence) reading = asWritten;
    }
    return this.answerReading(turn, reading, acts, asked, followable, found);
  }

  /**
   * The words as the classifier reads them: SMS shorthand written out ("wen it will b delivered",
   * "kb tk aayega"), then Latin-script typos one edit from a catalog word spelled right ("retrun polcy",
   * "mera odrer kab aaega"), models named read as their category.
   */
  private readable(turn: Turn, words: string): string {
    return this.spelling.correct(this.plainProducts(expandSmsSpelling(words, turn.lang), turn.lang));
  }

  /**
   * A model named by its own name ("the inverter ac", "Vision 55 wala TV", "एयरबुक लैपटॉप") read as
   * its category in the word the catalog's examples use for it ("ac", "TV", "लैपटॉप"): the model's
   * words are new to the classifier and only pull the reading away from the question.
   */
  private plainProducts(text: string, lang: Lang): string {
    const index = this.plainProduct.size > 0 ? productIndexOf(this.catalog) : undefined;
    if (!index) return text;
    let out = text;
    for (const fact of findProductFacts(text, index).sort((a, b) => b.span.start - a.span.start)) {
      const plain = typeof fact.value === 'string' ? this.plainProduct.get(fact.value)?.[lang] : undefined;
      if (plain !== undefined) out = out.slice(0, fact.span.start) + plain + out.slice(fact.span.end);
    }
    return out;
  }

  /**
   * What "it"/"इसके"/"اس" may point at when the message says nothing else: the things the
   * conversation holds a value of, named by the slot's first word (an order number → "order").
   */
  private referents(turn: Turn): string[] {
    const held = this.slotSpecs.filter((s) => turn.state.slots[s.name]);
    return [...new Set(held.map((s) => s.name.split(/[_\s-]+/u)[0] ?? '').filter((w) => w.length > 1))];
  }

  /**
   * What "it" may point at last: the product the customer wrote about (the newest product fact), as
   * the examples of the conversation's language name its kind ("اسے دیوار پر لگا کر دیتے ہیں؟" after
   * "ایک ٹی وی آرڈر کیا تھا": the TV). Tried after the things held and the topic.
   */
  private productWord(turn: Turn): string[] {
    const product = newestProduct(this.catalog, turn.input.facts);
    const word = product ? this.plainCategory.get(product.category)?.[turn.lang] : undefined;
    return word === undefined ? [] : [word];
  }

  /**
   * What "it" may point at besides the things held: the topic answered last, in the words of its
   * title in the conversation's language ("Refund status" → refund, status). After a person handed
   * the conversation back, "how long till it shows in my bank account" is still the refund. A
   * thanks, greeting or goodbye answered since is no topic: after "ok thanks", "and do you also put
   * it on the wall?" points at what the conversation was about, never at the thanks
   * (PLEASANTRY_INTENTS).
   */
  private topicWords(turn: Turn): string[] {
    const { answered } = turn.input.state;
    const topic = [...answered].reverse().find((id) => !PLEASANTRY_INTENTS.has(id));
    const last = this.intentById(topic ?? null);
    if (!last) return [];
    return this.text(last.title, turn.lang).match(/[\p{L}\p{M}]{2,}/gu) ?? [];
  }

  /**
   * "बस बता दीजिए कब तक पहुँचेगा" ("just tell me when it arrives") once the conversation holds an
   * order number: Hindi, Urdu and Nepali leave out what they ask about, and the thing the
   * conversation holds is what they mean. A question not understood at all (below the clarify
   * threshold), in words the catalog knows
   * (none new), that neither points back nor names a product, is read again with the held thing's
   * word in front ("order …"); taken when that reading is sure and is a question that takes that
   * value (an order number → order status, cancelling, a refund).
   */
  private aboutHeldValue(turn: Turn, text: string, classification: Classification): { intent: Intent; confidence: number } | undefined {
    const { answer, clarify } = this.deps.thresholds;
    // Only a miss: a reading half understood is asked about ("did you mean…?") as before.
    if (classification.confidence >= clarify || !bearsQuestion(text) || findReferringWord(text) !== undefined || this.productIn(text) !== undefined) {
      return undefined;
    }
    if (wordCount(text) > MAX_CARRIED_WORDS + 2 || this.support.count(text, []).unknown > 0) return undefined;
    for (const referent of this.referents(turn)) {
      const c = this.deps.classifier.classify(`${referent} ${text}`);
      const intent = this.intentById(c.top);
      const takes = intent?.slots.some((s) => s.name.split(/[_\s-]+/u)[0] === referent);
      if (intent && takes && c.confidence >= answer) return { intent, confidence: c.confidence };
    }
    return undefined;
  }

  /** A message of only media: a voice note asks for the question in writing; anything else is kept for the team. */
  private async answerMedia(turn: Turn, kinds: readonly string[]): Promise<void> {
    // A sticker says what an emoji says: 👍.
    if (kinds.every((k) => k === 'sticker')) return this.answerActs(turn, { acts: ['emoji'], closing: [], languages: [], rest: '', restStart: 0, restEnd: 0 });
    keepOpen(turn);
    turn.signals.push({ type: 'media_only', kinds: [...kinds] });
    turn.replies.push({ text: this.message(kinds.includes('audio') ? 'voiceNote' : 'attachment', turn.lang) });
  }

  /** A message of only acts: "yes"/"no" to "did you mean…?", the pending question kept, or a brief reply. */
  private async answerActs(turn: Turn, acts: ActReading): Promise<void> {
    const previous = turn.input.state;
    // "ठीक है", "हुन्छ", "achha" are too short for the detector, but their words say the language.
    // "namaste" is Hindi and Nepali alike: the language of the customer's own country comes first.
    // "Allah hafiz", "shukria" typed in Latin letters suggest Urdu, but Urdu in Latin letters is Roman
    // Urdu, which the Latin-script catalog language answers (hi-Latn: Hinglish and Roman Urdu), not
    // the Urdu script. (Nepali in Latin letters is answered in Nepali: its Devanagari suggestion stays.)
    const latin = dominantScript(countScripts([turn.input.text ?? '']))?.script === 'latin';
    const suggested = acts.languages.filter((l) => this.catalog.languages.includes(l) && !(latin && this.scripts.get(l as Lang) === 'arabic'));
    const local = REGION_LANGUAGES[turn.input.phoneRegion ?? ''] ?? [];
    const preferred = suggested.find((l) => local.includes(l)) ?? suggested[0];
    if (preferred !== undefined && !suggested.includes(turn.lang)) turn.lang = turn.state.language = preferred as Lang;
    // "ok thnx, will check and get back" in a Hinglish conversation: words everyone types say no
    // language, so the reply stays in the conversation's.
    const kept = this.recordedLanguage(turn.input);
    if (suggested.length === 0 && acts.rest === '' && kept && this.catalog.languages.includes(kept)) turn.lang = turn.state.language = kept;
    const pendingIntent = this.intentById(turn.state.pending?.intent ?? null);
    const pendingSlot = pendingIntent?.slots.find((s) => s.name === turn.state.pending?.slot);
    if (pendingIntent && pendingSlot && !previous.confirm && mainAct(acts.acts) === 'no') return this.answerNoValue(turn, pendingIntent.id, pendingSlot.name);
    const decision = answerAct(acts.acts, {
      confirm: this.intentById(previous.confirm ?? null) !== undefined,
      pending: pendingSlot !== undefined,
    });
    turn.signals.push({ type: 'act', act: decision.act });
    if (decision.kind === 'reply' && decision.message === 'rephrase' && previous.confirm) {
      turn.signals.push({ type: 'clarification_declined', intent: previous.confirm });
    }
    if (decision.kind === 'confirm') return this.handleIntent(turn, this.intentById(previous.confirm ?? null) as Intent, 1);
    if (decision.kind === 'wait') {
      keepOpen(turn);
      turn.replies.push({ text: this.message('wait', turn.lang) });
      return;
    }
    if (decision.kind === 'ask_again') {
      if (pendingSlot) turn.replies.push({ text: this.text(pendingSlot.prompt, turn.lang) });
      return;
    }
    delete turn.state.pending;
    // A catalog intent named like the act (greeting, thanks, goodbye) answers it in the catalog's own words.
    const own = decision.act === 'greeting' || decision.act === 'thanks' || decision.act === 'goodbye' ? this.intentById(decision.act) : undefined;
    if (own && !own.handoff) return this.handleIntent(turn, own, 1);
    if (decision.keepOptions && previous.offered) turn.state.offered = previous.offered;
    turn.replies.push({ text: this.message(decision.message, turn.lang) });
  }

  /** The intent answered last, when it takes a value of one of the slots found (and hands nothing over to a person). */
  private lastAnsweredTaking(turn: Turn, found: readonly NamedSlotMatch[]): Intent | undefined {
    const { answered } = turn.input.state;
    const last = this.intentById(answered[answered.length - 1] ?? null);
    return last && !last.handoff && last.slots.some((s) => found.some((m) => m.name === s.name)) ? last : undefined;
  }

  /**
   * What a value sent alone asks about: right after "…to check a particular refund, send me its
   * order number", that refund's; otherwise the intent the catalog's bareFacts names for it.
   */
  private valueAloneIntent(turn: Turn, found: readonly NamedSlotMatch[]): Intent | undefined {
    const invited = this.intentById(turn.input.state.invited ?? null);
    if (invited && invited.slots.some((s) => found.some((m) => m.name === s.name))) return invited;
    return this.bareFactIntent(found);
  }

  /** The intent the catalog's bareFacts names for a value sent alone (a bare order number → order status). */
  private bareFactIntent(found: readonly NamedSlotMatch[]): Intent | undefined {
    const bareFacts = this.catalog.bareFacts ?? {};
    for (const m of found) {
      const intent = this.intentById(bareFacts[m.name] ?? null);
      if (intent) return intent;
    }
    return undefined;
  }

  private async answerReading(
    turn: Turn,
    reading: QuestionReading,
    acts: ActReading,
    asked: string,
    followable: ProductFollowable | undefined,
    found: readonly NamedSlotMatch[],
  ): Promise<void> {
    if (reading.kind === 'several') return this.answerSeveral(turn, reading);
    const classification = reading.classification;
    turn.classification = classification;
    const { answer, clarify } = this.deps.thresholds;
    const top = this.intentById(classification.top);
    const text = reading.text;
    if (top?.handoff && this.closesAroundPerson(turn, acts)) return this.answerActs(turn, acts);
    // "thank you, you have been very helpful": the words beside a thanks (a goodbye, a greeting) read
    // as that same pleasantry are that act; "بہت شکریہ، آپ نے بہت مدد کی" leaning to a complaint is too,
    // when it asks nothing and leans to thanks or names no topic (closesWithThanks).
    if (top && PLEASANTRY_INTENTS.has(top.id) && acts.acts.includes(top.id as ActKind)) return this.answerActs(turn, acts);
    if (top?.handoff && this.closesWithThanks(acts, classification)) return this.answerActs(turn, acts);
    // "and what about the fridge we got from your delhi store?" right after an answer that depends on
    // the product: the same question about it, whatever the describing words lean to, unless they
    // are surely a topic of their own ("और अभी स्मार्टवॉच पे कोई ऑफर चल रहा है?").
    if (followable && describesProductOnly(asked, followable.spans) && !this.asksOtherTopic(asked, followable.spans, followable.intent)) {
      return this.handleIntent(turn, followable.intent, 1);
    }
    const offered = this.takesPersonOffer(turn, classification, acts);
    if (offered) return this.handOver(turn, offered);
    const wrongItem = this.wrongItemReport(turn, classification);
    if (wrongItem) return this.handleIntent(turn, wrongItem, classification.confidence);
    // "2 din me hi kharab ho gaya" about the TV the conversation holds: a fault told, however sure
    // the reading as a topic customers only ask about (delivery time, through "2 din").
    const toldFault = top && this.onlyAsked.has(top.id) && !bearsQuestion(turn.input.text ?? text) ? this.faultReport(turn, text) : undefined;
    if (toldFault) return this.handleIntent(turn, toldFault, classification.confidence);
    // A runner-up read below the clarify threshold is no reading: it does not choose the topic's family member.
    const carried = this.carriedTopic(turn, text, rankedAbove(classification, clarify));
    const staysOnTopic = carried !== undefined && carried.opened && carried.stays && carried.intent.id !== classification.top;
    if (top && classification.confidence >= answer && this.answerable(text, classification) && !staysOnTopic) {
      return this.handleIntent(turn, top, classification.confidence);
    }
    // "ok and what about the ac i bought last summer?" right after an answer that depends on the
    // product, and not understood as a question of its own: the same question about that product.
    if (followable && opensProductFollowUp(asked, followable.spans)) return this.handleIntent(turn, followable.intent, 1);
    const followUp = this.expectedFollowUp(turn, text, classification);
    if (followUp) return this.handleIntent(turn, followUp, classification.confidence);
    if (carried) return this.handleIntent(turn, carried.intent, classification.confidence);
    const goesOn = this.goesOnWithLast(turn, text, classification);
    if (goesOn) return this.handleIntent(turn, goesOn, classification.confidence);
    const aboutHeld = this.aboutHeldValue(turn, text, classification);
    if (aboutHeld) return this.handleIntent(turn, aboutHeld.intent, aboutHeld.confidence);
    const byValue = this.intentOfValue(classification, found);
    if (byValue) return this.handleIntent(turn, byValue, byValue.id === classification.top ? classification.confidence : (classification.runnerUp?.confidence ?? 0));
    const again = this.sameQuestionNewValue(turn, text, classification, found);
    if (again) return this.handleIntent(turn, again, this.lastConfidence(turn.state, again.id));
    if (this.closesWithThanks(acts, classification)) return this.answerActs(turn, acts);
    // Half understood with repairs among the guesses ("did you mean repairs or returns?"), it is
    // asked about as before; guesses without it ("store hours or complaint?") do not fit a fault.
    const fault = this.faultReport(turn, text);
    const guessed = [classification.top, classification.runnerUp?.intent];
    if (fault && (classification.confidence < clarify || !guessed.includes(fault.id))) return this.handleIntent(turn, fault, classification.confidence);
    const backed = this.valueBacked(text, classification, found);
    if (backed) return this.handleIntent(turn, backed, classification.confidence);
    // "12,500 روپے کٹے ہیں" with no answer inviting it: the facts are kept for the team and acknowledged.
    if (this.tellsPurchase(turn, turn.input.text ?? text)) return this.answerActs(turn, { ...acts, acts: ['ack'], rest: '' });
    if (top && classification.confidence >= clarify && this.worthAsking(text, classification)) {
      // Right after a message not understood, one only half understood is the second miss in a
      // row ("aaj bitcoin ka rate kya hai" read a little as offers): the topics menu, led by the guesses
      // (a catalog without topics asks "did you mean…?" as before).
      if (turn.input.state.misunderstandings === 1 && this.topicButtons(turn.lang).length > 0) {
        const runnerUp = classification.runnerUp && classification.runnerUp.confidence >= clarify ? this.intentById(classification.runnerUp.intent) : undefined;
        return this.fallback(turn, runnerUp ? [top, runnerUp] : [top]);
      }
      return this.clarify(turn, top, classification);
    }
    return this.answerUnread(turn, acts);
  }

  /**
   * "your agent already helped me thanks", "म श्रीमानसँग कुरा गरेर भन्छु" (I'll talk to my husband and
   * tell you): words about a person, a talk or a team, closed by thanks, a goodbye or a promise to
   * come back, close or pause the conversation. The classifier leans to the handoff topic on such
   * words, but the customer asked for no one unless the escalation policy reads a request in the
   * message ("connect me to an agent, thanks"; it escalates those itself).
   */
  private closesAroundPerson(turn: Turn, acts: ActReading): boolean {
    const closes = acts.closing.some((a) => a === 'thanks' || a === 'goodbye' || a === 'wait');
    return closes && !this.deps.asksForPerson?.(turn.input.text ?? '');
  }

  /**
   * "thanks, that helps. bye!", "perfect, thanks for the quick reply", "thank you, you have been very
   * helpful": thanks or a goodbye around words that ask nothing and name none of the catalog's topics
   * is that thanks or goodbye, not a question to guess at, and so are such words the classifier
   * itself leans to thanks or goodbye on ("thanks but the refund still hasnt come" names a topic and
   * leans elsewhere, and is read as usual).
   */
  private closesWithThanks(acts: ActReading, c: Classification): boolean {
    if (!acts.acts.some((a) => a === 'thanks' || a === 'goodbye') || acts.rest === '' || bearsQuestion(acts.rest)) return false;
    // "shukriya, aapne bahut madad ki", "بہت شکریہ، آپ نے بہت مدد کی": read as thanks, only not surely.
    if (rankedBy(c).some((i) => i === 'thanks' || i === 'goodbye')) return true;
    return this.support.count(acts.rest, this.topicIntents).shared === 0;
  }

  /**
   * A message no question was read in: the acts around it are answered when little else was said
   * ("hello, anyone there?": not a question we know, but a greeting is not a misunderstanding);
   * otherwise it is not understood. A longer rest ("ok n can u tell me wen it will b delivered")
   * is a question missed, not an act, and so is a short one in words the catalog has never used
   * after a mere particle ("chalo, ek joke sunao": the particle opens a request; a greeting,
   * thanks or goodbye is answered anyway).
   */
  private async answerUnread(turn: Turn, acts: ActReading): Promise<void> {
    // "ghar pe baat karke batata hu": the words before a promise to come back say what the customer will do first.
    if (acts.closing.includes('wait') && wordCount(acts.rest) <= MAX_WORDS_BEFORE_PROMISE) return this.answerActs(turn, acts);
    // "theek hai, pickup kaun karega?": a question in the words of the catalog's topics was missed,
    // not only an act said ("hello, anyone there?" is still answered as the greeting).
    if (bearsQuestion(acts.rest) && this.support.count(acts.rest, this.topicIntents).shared > 0) return this.fallback(turn);
    const particlesOnly = acts.acts.every((a) => a === 'ack' || a === 'yes' || a === 'no' || a === 'wait');
    const newWords = particlesOnly && this.support.count(acts.rest, []).unknown > 0;
    if (acts.acts.length > 0 && wordCount(acts.rest) <= MAX_WORDS_BESIDE_ACT && !newWords) return this.answerActs(turn, acts);
    return this.fallback(turn);
  }

  /**
   * "what do i do now?" right after an answer (nothing else acted upon since) asks what comes next:
   * the answered intent's catalog followUps are offered as a choice ("yes" takes the first). False,
   * and nothing said, when the message asks nothing or the intent has no followUps.
   */
  private offerNextSteps(turn: Turn, text: string): boolean {
    const { answered, recognised } = turn.input.state;
    const last = this.intentById(answered[answered.length - 1] ?? null);
    if (!last || recognised[recognised.length - 1]?.intent !== last.id || !bearsQuestion(text)) return false;
    const options = last.followUps.map((id) => this.intentById(id)).filter((i): i is Intent => i !== undefined);
    const first = options[0];
    if (!first) return false;
    turn.state.confirm = first.id;
    turn.replies.push({
      text: this.text(this.catalog.messages.clarify, turn.lang),
      quickReplies: options.map((i) => intentButton(i, turn.lang, this.catalog.defaultLanguage)),
    });
    return true;
  }

  /**
   * Is the text only words that name or hand over one of the values the message gave ("order
   * number", "آرڈر نمبر", "mera order no")? The words are the catalog's own for asking for those
   * slots (valueReply.ts).
   */
  private namesValue(text: string, found: readonly NamedSlotMatch[]): boolean {
    if (found.length === 0) return false;
    const words = new Set(found.flatMap((m) => [...(this.valueWords.get(m.name) ?? [])]));
    return withoutValueWords(text, words) === '';
  }

  /** The text names a product and says nothing else of its own ("what about the 340 litre one"). */
  private namesProductOnly(text: string): boolean {
    const index = productIndexOf(this.catalog);
    const spans = index ? findProductFacts(text, index).map((f) => f.span) : [];
    return spans.length > 0 && (isProductFollowUp(text, spans) || namesWithoutAsking(text, spans));
  }

  /**
   * Is the text only e-mail addresses and phone numbers, with at most the words that hand them over
   * ("my email is", "mera number", "میرا نمبر")? Those are kept in the fact sheet; nothing is asked.
   */
  private onlyContactDetails(turn: Turn, text: string, found: readonly NamedSlotMatch[]): boolean {
    // Without an "@" or a digit there is no e-mail or phone to find: most messages stop here.
    if (!/[@\p{N}]/u.test(text)) return false;
    const isContact = (kind: string) => kind === 'email' || kind === 'phone';
    // Another value (an order number) is handled as before: sent alone it means its bareFacts intent.
    if (found.some((m) => !isContact(m.kind))) return false;
    let rest = withoutSpans(text, found);
    const contacts = extractFacts(rest, { phoneRegion: turn.input.phoneRegion ?? this.deps.phoneRegion }).filter((f) => isContact(f.kind));
    if (found.length + contacts.length === 0) return false;
    for (const f of [...contacts].sort((a, b) => b.span.start - a.span.start)) rest = rest.slice(0, f.span.start) + ' ' + rest.slice(f.span.end);
    return !/[\p{L}\p{N}]/u.test(withoutValueWords(readActs(rest).rest, CONTACT_WORDS));
  }

  /**
   * "mera fridge kharab ho gaya", "मेरो फ्रिज बिग्रियो": a product the catalog knows and a word that
   * says it is broken, in a message not understood otherwise, is a fault report: the catalog's
   * productFault intent (repairs, in the demo).
   */
  private faultReport(turn: Turn, text: string): Intent | undefined {
    const intent = this.intentById(this.catalog.productFault ?? null);
    // The product and the fault may be named in other clauses than the one read ("I ordered a Nova 5G
    // phone. The screen has a dead pixel line"; "maine pichle mahine Vision 55 TV liya tha. ab woh band ho gaya").
    // Or earlier in the conversation ("i want to return my headphones" … "they stopped working after 2 days").
    const message = turn.input.text ?? text;
    const product = this.productIn(message) ?? newestProduct(this.catalog, turn.input.facts);
    return intent && namesFault(message) && product !== undefined ? intent : undefined;
  }

  /**
   * "ordered black earphones but got white ones", "galat saman aa gaya", "غلط رنگ بھیج دیا": a
   * delivery that held something other than what was ordered is the catalog's wrongItem intent (a
   * complaint, handed to care, in the demo), unless the message asks or requests something
   * understood on its own ("wrong colour aaya, exchange kaise karun?" is answered).
   */
  private wrongItemReport(turn: Turn, c?: Classification): Intent | undefined {
    const intent = this.intentById(this.catalog.wrongItem ?? null);
    if (!intent) return undefined;
    const message = turn.input.text ?? '';
    // Before the reading (no classification), a message that asks nothing is decided; after it, only
    // one that asks something not understood is left to decide.
    const asks = bearsQuestion(message);
    if (c === undefined ? asks : !asks || c.confidence >= this.deps.thresholds.answer) return undefined;
    return namesWrongItem(message) ? intent : undefined;
  }

  /** The first product the text names, as written there. */
  private productIn(text: string): string | undefined {
    const index = productIndexOf(this.catalog);
    const first = index ? findProductFacts(text, index).sort((a, b) => a.span.start - b.span.start)[0] : undefined;
    return first ? text.slice(first.span.start, first.span.end) : undefined;
  }

  /**
   * Does the text say what it is about: a product, or a word other than question words, pronouns,
   * particles and words nearly every intent's examples use (WordSupport.asksNothing)?
   */
  private asksSomething(text: string): boolean {
    return !this.support.asksNothing(text) || this.productIn(text) !== undefined;
  }

  /**
   * An answer-threshold reading is answered unless it is middling (below SURE_WITHOUT_SHARED_WORDS)
   * and the message has more words no example uses than content words the intent's examples use:
   * then it is about something the catalog does not cover ("train ka ticket book kar do" leans to
   * repairs on "book" alone). A pleasantry intent
   * (PLEASANTRY_INTENTS) is never answered for a message with more new words than words of its examples.
   */
  private answerable(text: string, c: Classification): boolean {
    if (this.notPleasantry(text, c)) return false;
    if (c.confidence >= SURE_WITHOUT_SHARED_WORDS) return true;
    // The words of a polite wrapper ("i was wondering if you could tell me…") say nothing of the topic.
    const s = this.support.count(peelPoliteWrappers(text), [c.top]);
    return (s.shared > 0 && s.unknown <= s.shared) || s.unknown === 0;
  }

  /**
   * Right after an answer, a message read between two intents (both at or above the clarify
   * threshold, or the top one alone) that one of them is a catalog `followUp` of the intent just
   * answered means that follow-up: "kitne din me paise wapas milenge" after the return policy is the
   * refund, not the delivery time. Only for a message that speaks to it in the catalog's words
   * (worthAsking), and only when nothing else was acted upon since the answer.
   */
  private expectedFollowUp(turn: Turn, text: string, c: Classification): Intent | undefined {
    const { answered, recognised } = turn.input.state;
    const last = this.intentById(answered[answered.length - 1] ?? null);
    if (!last || last.followUps.length === 0 || recognised[recognised.length - 1]?.intent !== last.id) return undefined;
    const { clarify } = this.deps.thresholds;
    if (c.confidence < clarify || !this.worthAsking(text, c)) return undefined;
    const candidates = [c.top, ...(c.runnerUp && c.runnerUp.confidence >= clarify ? [c.runnerUp.intent] : [])];
    const id = candidates.find((i) => last.followUps.includes(i));
    return id === undefined ? undefined : this.intentById(id);
  }

  /**
   * Right after an answer (nothing else acted upon since), a message that opens like a follow-up
   * goes on with the topic just answered when
   * - it puts a case of it ("aur agar dabba khul gaya ho to?", "what if the seal is broken?",
   *   conditionalFollowUp.ts), in words that do not lean to another topic read at or above the
   *   clarify threshold (a case supposed is no complaint made: a handoff topic does not count); or
   * - it is half understood as that topic (top or runner-up, at or above the clarify threshold):
   *   "did you mean…?" would offer back the answer the customer is asking more about.
   */
  private goesOnWithLast(turn: Turn, text: string, c: Classification): Intent | undefined {
    const { answered, recognised } = turn.input.state;
    const last = this.intentById(answered[answered.length - 1] ?? null);
    if (!last || last.handoff || recognised[recognised.length - 1]?.intent !== last.id) return undefined;
    const { clarify } = this.deps.thresholds;
    // The message as written too: the reading's spelling may have changed a word ("bhane" → "bharne").
    const conditional = opensConditionalFollowUp(turn.input.text ?? text) || opensConditionalFollowUp(text);
    if (conditional) {
      const other = this.intentById(c.top);
      const leans = c.confidence >= clarify && other !== undefined && !other.handoff && this.support.leansAway(afterOpener(text), last.id, c.top);
      return leans ? undefined : last;
    }
    if (!opensFollowUp(text)) return undefined;
    const read = [c.top, ...(c.runnerUp ? [c.runnerUp.intent] : [])];
    const at = read.indexOf(last.id);
    const confidence = at === 0 ? c.confidence : at === 1 ? (c.runnerUp?.confidence ?? 0) : 0;
    return confidence >= clarify && this.worthAsking(text, c) ? last : undefined;
  }

  /**
   * A message read between two intents (both at or above the clarify threshold) of which only one
   * has a slot for a value the message gives: the value says which ("ye kab tak deliver hoga? order
   * SG-330871 hai" between the delivery time and the order's status is about that order).
   */
  private intentOfValue(c: Classification, found: readonly NamedSlotMatch[]): Intent | undefined {
    const { clarify } = this.deps.thresholds;
    if (found.length === 0 || c.confidence < clarify || !c.runnerUp || c.runnerUp.confidence < clarify) return undefined;
    const given = new Set(found.map((m) => m.name));
    const candidates = [c.top, c.runnerUp.intent].map((id) => this.intentById(id)).filter((i): i is Intent => i !== undefined);
    const using = candidates.filter((i) => i.slots.some((s) => given.has(s.name)));
    return using.length === 1 && candidates.length === 2 ? using[0] : undefined;
  }

  /**
   * "and the other one SG-771204?", "aur dusre wala SG-771204?" right after an answer: a few words that
   * name no topic of their own (not even half understood) around a new value of a slot the last
   * answered intent takes ask the same question about that value.
   */
  private sameQuestionNewValue(turn: Turn, text: string, c: Classification, found: readonly NamedSlotMatch[]): Intent | undefined {
    if (found.length === 0 || c.confidence >= this.deps.thresholds.clarify || wordCount(text) > MAX_CARRIED_WORDS) return undefined;
    return this.lastAnsweredTaking(turn, found);
  }

  /**
   * "اور میرے پرانے آرڈر SG-406713 کا کیا بنا؟", "and what happened to my old order SG-406713?": read
   * just short of sure as an intent that takes the value the message gives, with no other reading
   * near it (the runner-up under the clarify threshold): the value settles it. "Did you mean…?" would
   * offer a second option nobody considered.
   */
  private valueBacked(text: string, c: Classification, found: readonly NamedSlotMatch[]): Intent | undefined {
    const { clarify } = this.deps.thresholds;
    if (found.length === 0 || c.confidence < clarify || (c.runnerUp && c.runnerUp.confidence >= clarify)) return undefined;
    const top = this.intentById(c.top);
    if (!top || top.handoff || !top.slots.some((s) => found.some((m) => m.name === s.name))) return undefined;
    return this.worthAsking(text, c) ? top : undefined;
  }

  /** A reading as a greeting, thanks or goodbye of a message with more words new to the catalog than words of its examples (PLEASANTRY_INTENTS). */
  private notPleasantry(text: string, c: Classification): boolean {
    if (!PLEASANTRY_INTENTS.has(c.top)) return false;
    const s = this.support.count(text, [c.top]);
    return s.unknown > s.shared;
  }

  /**
   * "kitna time aur lagega?", "کب تک آئے گا؟", "how many days?" right after an answer (nothing else
   * acted upon since) carry on with the topic just answered (carriedFrom).
   */
  private carriedTopic(turn: Turn, text: string, readAs: readonly string[]): CarriedTopic | undefined {
    const { answered, recognised } = turn.input.state;
    const last = this.intentById(answered[answered.length - 1] ?? null);
    if (!last || recognised[recognised.length - 1]?.intent !== last.id) return undefined;
    return this.carriedFrom(last, text, readAs);
  }

  /**
   * A short question whose every content word the examples of `last` or of its catalog followUps
   * use is about that topic: of that family, the first of `readAs` (the intents the classifier
   * ranks first and second; none for a message it did not read), else `last`. A short question in
   * words the topic does not use ("whats your name btw?") is not. An opened one ("and for Pune",
   * "और जयपुर के लिए?") is a question with or without its question mark, and one that names only a
   * place or thing the catalog barely mentions ("ani pokhara ko lagi?", nameFollowUp.ts) is about
   * the topic whatever words it names.
   * `stays`: no word of it leans away from `last` to the classifier's top intent, so the message
   * stays on `last` even when the classifier is sure of another intent ("और कितने दिन लगेंगे?"
   * after the refund: "कितने दिन" is the delivery time's wording, but nothing in it leaves the
   * refund; "how long does delivery take?" does).
   */
  private carriedFrom(last: Intent, text: string, readAs: readonly string[]): CarriedTopic | undefined {
    if (wordCount(text) > MAX_CARRIED_WORDS) return undefined;
    // "and for Pune?", "और जयपुर के लिए?": the same question about a place or thing the catalog never names.
    const aboutName = opensFollowUpAboutName(text, (word) => this.support.examplesUsing(word));
    // "and for Pune", without its question mark, asks as much as "and for Pune?".
    if (!aboutName && !bearsQuestion(text) && !opensFollowUp(text)) return undefined;
    const family = [last.id, ...last.followUps];
    const s = this.support.count(text, family);
    if (!aboutName && (s.unknown > 0 || s.shared < s.content)) return undefined;
    const intent = this.intentById(readAs.find((i) => family.includes(i)) ?? last.id);
    if (!intent) return undefined;
    const top = readAs[0];
    // The opener ("and", "और", "اور") says nothing of the topic, whatever examples use it ("और भाई, कैसे हो").
    return { intent, opened: opensFollowUp(text), stays: top === undefined || !this.support.leansAway(afterOpener(text), last.id, top) };
  }

  /**
   * A later clause of a message goes on with the question of the clause before (`from`) when it
   * is short, uses only words of that question's topic, has none that leans to the intent it was
   * read as (`to`), and either points back at it or opens like a follow-up ("can you replace it?",
   * "and how much will it cost?", "और इसकी कीमत?") or was not understood on its own ("mera order
   * abhi tak nahi aaya, kab tak aayega??"): "…, and can i pay by upi?" is a question of its own.
   */
  private continuesClause(text: string, from: string, to: string, understood: boolean): boolean {
    const intent = this.intentById(from);
    if (!intent || (understood && findReferringWord(text) === undefined && !opensFollowUp(text))) return false;
    const carried = this.carriedFrom(intent, text, [to]);
    // Not understood alone, a clause in the topic's words is the question before, whichever of its family it leaned to.
    return carried !== undefined && carried.stays && (carried.intent.id === from || !understood);
  }

  /**
   * "Did you mean A or B?" only for a message that speaks to A or B in the catalog's words: not
   * when more of its content words are new to the catalog than are words the examples of A and B
   * use ("tumhara favourite colour kya hai" is not a question about stock), nor when A is a
   * pleasantry the message is not (notPleasantry); it falls back instead.
   */
  private worthAsking(text: string, c: Classification): boolean {
    if (this.notPleasantry(text, c)) return false;
    const s = this.support.count(text, rankedBy(c));
    return s.unknown <= s.shared;
  }

  /**
   * Several questions in one message, answered in one reply in the order asked; a question that
   * asks for a missing detail or hands off comes last (at most one detail is asked for), and a
   * clause not understood is asked about at the end.
   */
  private async answerSeveral(turn: Turn, reading: Extract<QuestionReading, { kind: 'several' }>): Promise<void> {
    const parts = reading.answers
      .map((p) => ({ part: p, intent: this.intentById(p.classification.top) }))
      .filter((x): x is { part: typeof x.part; intent: Intent } => x.intent !== undefined);
    const waits = (i: Intent) => i.handoff || i.slots.some((s) => s.required && !turn.state.slots[s.name]);
    const asking = parts.filter((x) => waits(x.intent) && !x.intent.handoff).slice(0, 1);
    const ordered = [...parts.filter((x) => !waits(x.intent)), ...parts.filter((x) => x.intent.handoff), ...asking];
    turn.classification = ordered[0]?.part.classification ?? reading.answers[0]?.classification;
    const replies: DialogueReply[] = [];
    for (const { part, intent } of ordered.filter((x) => !asking.includes(x))) {
      const sub: Turn = { ...turn, replies: [], several: true };
      await this.handleIntent(sub, intent, part.classification.confidence);
      replies.push(...sub.replies);
    }
    let buttons: QuickReply[] | undefined;
    if (reading.unclear) {
      const c = reading.unclear.classification;
      const top = this.intentById(c.top);
      const options = top && c.confidence >= this.deps.thresholds.clarify && asking.length === 0 ? this.clarifyOptions(top, c) : [];
      const quoted = quote(reading.unclear.text);
      const template = this.message(options.length > 0 ? 'unclearPartChoice' : 'unclearPart', turn.lang);
      replies.push({ text: template.split('{part}').join(quoted) });
      if (options.length > 0) {
        buttons = options.map((i) => intentButton(i, turn.lang, this.catalog.defaultLanguage));
        turn.state.confirm = (top as Intent).id;
      }
    }
    // The question that waits for a detail comes last, so the next message can answer it.
    for (const { part, intent } of asking) {
      const sub: Turn = { ...turn, replies: [], several: true };
      await this.handleIntent(sub, intent, part.classification.confidence);
      replies.push(...sub.replies);
    }
    if (replies.length === 0) return this.fallback(turn);
    const quickReplies = buttons ?? [...replies].reverse().find((r) => r.quickReplies?.length)?.quickReplies;
    const mediaUrl = replies.find((r) => r.mediaUrl)?.mediaUrl;
    turn.replies.push({
      text: replies.map((r) => r.text).join('\n\n'),
      ...(quickReplies?.length ? { quickReplies } : {}),
      ...(mediaUrl ? { mediaUrl } : {}),
    });
  }

  private async answerPending(turn: Turn, text: string, found: NamedSlotMatch[], intent: Intent, slot: string): Promise<void> {
    const spec = intent.slots.find((s) => s.name === slot) as SlotSpec;
    const filled = found.some((m) => m.name === slot);
    const words = withoutSpans(text, found);
    // Around the value, or a try at it in the wrong format ("SG 55120"), the words the catalog asks
    // for it with ("my order number is") say nothing: only the rest is read as a request of its own
    // ("cancel SG-551207"). Nothing left: the value answers the question (or gets the format hint).
    const tried = filled ? undefined : this.formatHint(turn, spec, { answering: true });
    const rest = filled || tried ? withoutValueWords(tried ? words.replace(tried.value, ' ') : words, this.valueWords.get(slot)) : words;
    const classification = /[\p{L}\p{N}]/u.test(rest) ? this.classify(turn, this.readable(turn, rest)) : undefined;
    const clearlyOther =
      classification !== undefined &&
      classification.confidence >= this.deps.thresholds.answer &&
      classification.top !== intent.id &&
      this.asksSomething(rest);
    // "I don't have the order number", "where do i find the order number?": where to find it, and a
    // person offered ("yes" hands over); the question stays open for the value, and it is no misunderstanding.
    // "just asking, no order yet": the answer in general, and the question is closed (read alone,
    // "no order yet" leans to another question about orders; it still answers this one).
    const otherNeedsValue = clearlyOther && this.intentById(classification.top)?.slots.some((s) => s.name === slot && s.required) === true;
    if (!filled && !tried && (!clearlyOther || otherNeedsValue) && this.answerInGeneral(turn, intent, text)) return;
    const lacks = saysNoValue(text) || asksWhereValueIs(text, this.valueWords.get(slot));
    if (!filled && !tried && !clearlyOther && lacks) return this.answerNoValue(turn, intent.id, slot);
    // "और कितने दिन लगेंगे?" while the bot waits for the refund's order number: still about the
    // refund, so the question stays open and is asked again, and it is no misunderstanding.
    const carried = classification && !filled && !tried ? this.carriedFrom(intent, rest, rankedBy(classification)) : undefined;
    if (carried?.intent.id === intent.id && (carried.stays || !clearlyOther)) {
      turn.state.pending = { intent: intent.id, slot };
      turn.replies.push({ text: this.promptAgain(turn, spec) });
      return;
    }
    const other = clearlyOther ? this.intentById(classification.top) : undefined;
    delete turn.state.pending;
    if (other) return this.handleIntent(turn, other, classification!.confidence);
    if (filled || (classification && classification.top === intent.id && classification.confidence >= this.deps.thresholds.answer)) {
      return this.handleIntent(turn, intent, this.lastConfidence(turn.state, intent.id));
    }
    // Neither the value nor a clear new question: ask again (with the format hint for a try at the
    // value), and count it as not understood.
    turn.state.pending = { intent: intent.id, slot };
    this.countMisunderstanding(turn);
    turn.replies.push({ text: tried ? this.hintText(turn, tried) : this.promptAgain(turn, spec) });
  }

  /** The slot's question asked again, not word for word: said to be needed first (`promptAgain`). */
  private promptAgain(turn: Turn, spec: SlotSpec): string {
    const template = this.message('promptAgain', turn.lang);
    const prompt = this.text(spec.prompt, turn.lang);
    // A catalog's own text without the placeholder still asks the question, after it.
    return template.includes('{prompt}') ? template.split('{prompt}').join(prompt) : `${template} ${prompt}`;
  }

  private async classifyAndAnswer(turn: Turn, text: string): Promise<void> {
    const classification = this.classify(turn, text);
    const { answer, clarify } = this.deps.thresholds;
    const top = this.intentById(classification.top);
    if (top && classification.confidence >= answer) return this.handleIntent(turn, top, classification.confidence);
    if (top && classification.confidence >= clarify) return this.clarify(turn, top, classification);
    return this.fallback(turn);
  }

  private clarifyOptions(top: Intent, classification: Classification): Intent[] {
    const runnerUp = this.intentById(classification.runnerUp?.intent ?? null);
    return [top, ...(runnerUp && runnerUp.id !== top.id ? [runnerUp] : [])];
  }

  private clarify(turn: Turn, top: Intent, classification: Classification): void {
    const options = this.clarifyOptions(top, classification);
    turn.state.confirm = top.id; // "yes" takes the first option
    turn.replies.push({
      text: this.text(this.catalog.messages.clarify, turn.lang),
      quickReplies: options.map((i) => intentButton(i, turn.lang, this.catalog.defaultLanguage)),
    });
    turn.signals.push({ type: 'clarifying', intents: options.map((i) => i.id) });
  }

  /**
   * "Sorry, I didn't get that"; the second time in a row, the catalog's topics as a menu instead,
   * after the intents the message was half read as (`guesses`), when there are any.
   */
  private fallback(turn: Turn, guesses: readonly Intent[] = []): void {
    // "Did you mean…?" left unanswered for another message not understood: the bot has now missed
    // twice in a row, so the topics menu comes now rather than one more "sorry, say it again".
    if (turn.input.state.confirm && turn.state.misunderstandings === 0) turn.state.misunderstandings = 1;
    const consecutive = this.countMisunderstanding(turn);
    const topics = consecutive === 2 ? this.topicButtons(turn.lang, guesses) : [];
    if (topics.length > 0) {
      turn.replies.push({ text: this.message('menu', turn.lang), quickReplies: topics });
      turn.signals.push({ type: 'topics_offered', topics: topics.map((t) => intentOfPayload(t.payload) ?? t.payload) });
      return;
    }
    turn.replies.push({ text: this.text(this.catalog.messages.fallback, turn.lang) });
  }

  private topicButtons(lang: Lang, guesses: readonly Intent[] = []): QuickReply[] {
    const topics = (this.catalog.topics ?? []).map((id) => this.intentById(id)).filter((i): i is Intent => i !== undefined);
    if (topics.length === 0) return [];
    return [...new Set([...guesses, ...topics])].map((i) => intentButton(i, lang, this.catalog.defaultLanguage));
  }

  private countMisunderstanding(turn: Turn): number {
    const consecutive = turn.state.misunderstandings + 1;
    turn.state.misunderstandings = consecutive;
    turn.signals.push({ type: 'misunderstood', consecutive });
    if (consecutive === 2) turn.signals.push({ type: 'misunderstood_twice' });
    return consecutive;
  }

  private async handleIntent(turn: Turn, asked: Intent, confidence: number): Promise<void> {
    const { state, lang } = turn;
    const intent = this.heldReading(turn, asked) ?? asked;
    state.misunderstandings = 0;
    state.recognised = appendBounded(state.recognised, { intent: intent.id, confidence, at: this.now().getTime() });
    delete state.pending;

    if (intent.handoff) {
      const answer = chooseVariant(answersIn(this.answersAbout(turn, intent), lang, this.catalog.defaultLanguage), this.random);
      turn.replies.push(
        answer ? this.staticReply(intent, answer, state.slots, lang) : { text: this.text(this.catalog.messages.handoff, lang) },
      );
      turn.signals.push({ type: 'handoff_intent', intent: intent.id, ...(intent.team ? { team: intent.team } : {}) });
      return;
    }

    const missing = intent.slots.find((s) => s.required && !state.slots[s.name]);
    if (missing) {
      // Neither applies to a try at the value in the wrong format (it gets the format hint below).
      const tried = this.formatHint(turn, missing, {});
      // "how long does a refund usually take?": the rule, not a question about an order of theirs.
      if (!tried && this.answerInGeneral(turn, intent, turn.input.text ?? '')) return;
      // "where is my order? I don't have the order number": not asked for what they just said they lack.
      if (!tried && namesMissingValue(turn.input.text ?? '', this.valueWords.get(missing.name))) {
        return this.answerNoValue(turn, intent.id, missing.name);
      }
      state.pending = { intent: intent.id, slot: missing.name };
      turn.replies.push({ text: tried ? this.hintText(turn, tried) : this.text(missing.prompt, turn.lang) });
      return;
    }

    if (intent.fulfillment?.url) return this.fulfilIntent(turn, intent, confidence);

    const answers = answersIn(this.answersAbout(turn, intent), lang, this.catalog.defaultLanguage);
    const answer = chooseVariant(answers, this.random);
    if (!answer) return this.fallback(turn); // a catalog that passed validation always has one
    const reply = this.staticReply(intent, answer, state.slots, lang);
    if (!turn.several) {
      // The last turn's answer (any of its variants) asked for again in words that push back on it
      // ("I already gave you the number, why is it not here yet"): it did not help; a person is offered.
      // The intent, its answer texts as written and the slot values they are filled with: no variant filled twice.
      const fingerprint = answerFingerprint([intent.id, ...answers.map((a) => a.text), ...intent.slots.map((s) => state.slots[s.name] ?? '')].join('\n'));
      state.lastAnswer = fingerprint;
      if (turn.input.state.lastAnswer === fingerprint && pushesBack(turn.input.text ?? '')) return this.answerRepeated(turn, intent);
      // The same answer right after it invited the customer to tell us more here, to a statement
      // ("yes i need the GST one, GSTIN …", "still not received"): they did; a colleague takes it,
      // instead of the same words again. A question ("how much longer?") is answered as before.
      const states = !asksQuestion(turn.input.text ?? '');
      if (turn.input.state.lastAnswer === fingerprint && turn.input.state.personOffer === intent.id && states) return this.handOver(turn, intent);
    }
    if (intent.offersPerson) state.personOffer = intent.id;
    turn.replies.push(reply);
    this.markAnswered(turn, intent, confidence);
  }

  /**
   * The intent whose answer last turn invited the customer to say more for a colleague, when this
   * message tells what the answer asked for: a statement (no question) that pushes back ("15 din
   * ho gaye abhi tak nahi aaya", "अझै आएन": read alone it would be another question), or one the
   * bot half understood but could not answer ("its been 10 days already"), or an address told
   * ("its 4th floor, Orion Tower, Bandra", tellsAddress), or what they paid or when they bought
   * ("paid 32,490 on 28 nov", tellsPurchase), however the words lean. A statement the bot
   * does not place at all (small talk) is not taken as that, nor one it understands as a question
   * of its own without pushing back ("also need the GST invoice"), nor thanks ("बहुत धन्यवाद आपका").
   */
  private takesPersonOffer(turn: Turn, c: Classification, acts: ActReading): Intent | undefined {
    const offeredBy = this.intentById(turn.input.state.personOffer ?? null);
    const message = turn.input.text ?? '';
    if (!offeredBy || asksQuestion(message)) return undefined;
    // "ok got in finally. but the payment failed and Rs 32,490 still got deducted": the amount is the
    // detail of a report of its own, not the case the earlier answer invited.
    const purchase = this.tellsPurchase(turn, message);
    if (purchase && this.raisesOwnReport(message, offeredBy)) return undefined;
    if (pushesBack(message)) return offeredBy;
    // "बहुत धन्यवाद आपका": thanks or a goodbye with words the act reader left over closes, it tells nothing.
    if (acts.acts.some((a) => a === 'thanks' || a === 'goodbye')) return undefined;
    // "paid 32,490 on 28 nov", "12,500 روپے کٹے ہیں": what was paid, or when it was bought, is the
    // case the answer invited them to tell, whatever the words lean to.
    if (purchase) return offeredBy;
    const { answer, clarify } = this.deps.thresholds;
    // "its 4th floor, Orion Tower, Bandra": an address told, not understood as a question, is a detail for the colleague.
    if (c.confidence < answer && tellsAddress(message)) return offeredBy;
    return c.confidence >= clarify && c.confidence < answer ? offeredBy : undefined;
  }

  /**
   * "और अभी स्मार्टवॉच पे कोई ऑफर चल रहा है?" right after the battery answer: what the message says
   * besides its opener and the product is, read alone, surely another topic, and tells nothing that
   * happened ("we got from your delhi store" describes which fridge), so it asks that topic.
   */
  private asksOtherTopic(text: string, products: readonly Span[], followed: Intent): boolean {
    const rest = afterOpener(withoutSpans(text, products));
    if (tellsPast(rest)) return false;
    const c = this.deps.classifier.classify(rest);
    return c.intent !== null && c.intent !== followed.id && c.confidence >= this.deps.thresholds.answer;
  }

  /**
   * "ok got in finally. but the payment failed and Rs 32,490 still got deducted": a clause with no
   * number in it, understood on its own as another topic whose answer also invites the details, raises
   * that topic. ("its a front load washing machine, paid 32,490 on 28 nov" names a product, a topic
   * that invites nothing.) Asked only of a message that tells a purchase: "دو ہفتے ہو گئے ابھی تک نہیں
   * آیا" after the refund answer pushes back on it, though alone it reads as the order status.
   */
  private raisesOwnReport(message: string, offeredBy: Intent): boolean {
    return splitClauses(message).some((clause) => {
      if (/\p{N}/u.test(clause.text)) return false;
      const c = this.deps.classifier.classify(clause.text);
      return c.intent !== null && c.intent !== offeredBy.id && c.confidence >= this.deps.thresholds.answer && this.intentById(c.intent)?.offersPerson === true;
    });
  }

  /**
   * A statement (no question or request) of what the customer paid ("₹1,499 कटे हैं आज सुबह"), or of
   * when something already happened ("ल्यापटप हो, २२ नोभेम्बरमा अर्डर गरेको"): the facts of their
   * own purchase, told, not asked about.
   */
  private tellsPurchase(turn: Turn, message: string): boolean {
    if (!/\p{N}/u.test(message) || bearsQuestion(message)) return false;
    const facts = extractFacts(message, { now: this.now(), timeZone: this.deps.timeZone, phoneRegion: turn.input.phoneRegion ?? this.deps.phoneRegion });
    return facts.some((f) => f.kind === 'money' || (f.kind === 'date' && tellsPast(message)));
  }

  /** Hands the conversation to a person of `about`'s team, as `about`'s answer offered. */
  private handOver(turn: Turn, about: Intent): void {
    delete turn.state.pending;
    delete turn.state.personOffer;
    turn.signals.push({ type: 'handoff_intent', intent: about.id, ...(about.team ? { team: about.team } : {}) });
    turn.replies.push({ text: this.message('handoff', turn.lang) });
  }

  /**
   * "wait dont cancel, when will it arrive?" once the conversation holds an order number: the
   * delivery-time question points back at that order, so it is the catalog's `onceHeld` intent for
   * it (order status), which takes the value. Not when the message points at nothing held.
   */
  private heldReading(turn: Turn, intent: Intent): Intent | undefined {
    for (const [slot, id] of Object.entries(intent.onceHeld ?? {})) {
      const target = this.intentById(id);
      if (!target || !turn.state.slots[slot] || !target.slots.some((s) => s.name === slot)) continue;
      if (findReferringWord(turn.input.text ?? '') !== undefined) return target;
    }
    return undefined;
  }

  private async fulfilIntent(turn: Turn, intent: Intent, confidence: number): Promise<void> {
    const { state, lang, input } = turn;
    const slots = intentSlotValues(intent, state.slots);
    const outcome = await this.fulfill(
      intent.fulfillment!,
      {
        intent: intent.id,
        slots,
        language: lang,
        customer: { ref: input.customerRef, channel: input.channel },
        conversationId: input.conversationId,
      },
      this.deps.fulfillmentDefaults,
    );
    if (outcome.kind !== 'ok') {
      turn.replies.push({ text: this.text(this.catalog.messages.fulfillmentError, lang) });
      turn.signals.push({ type: 'fulfillment_failed', intent: intent.id, outcome, slots });
      return;
    }
    const reply: FulfillmentReply = outcome.reply;
    if (reply.slots) state.slots = { ...state.slots, ...reply.slots };
    if (reply.handoff !== undefined && reply.handoff !== false) {
      const details = typeof reply.handoff === 'object' ? reply.handoff : {};
      const team = details.team ?? intent.team;
      turn.replies.push({
        text: reply.text ?? this.text(this.catalog.messages.handoff, lang),
        ...(reply.quickReplies?.length ? { quickReplies: reply.quickReplies } : {}),
      });
      turn.signals.push({
        type: 'fulfillment_handoff',
        intent: intent.id,
        ...(details.reason ? { reason: details.reason } : {}),
        ...(team ? { team } : {}),
      });
      return;
    }
    const quickReplies = reply.quickReplies?.length ? reply.quickReplies : followUpButtons(intent, this.catalog, lang);
    turn.replies.push({ text: reply.text as string, ...(quickReplies.length ? { quickReplies } : {}) });
    this.markAnswered(turn, intent, confidence);
  }

  /**
   * The intent answered last, when its answers depend on the product (it has answersFor) and
   * nothing else was acted upon since, with the products `text` names: a message may then ask the
   * same question about another product (isProductFollowUp, opensProductFollowUp, describesProductOnly).
   */
  private productFollowable(turn: Turn, text: string): ProductFollowable | undefined {
    const { answered, recognised } = turn.input.state;
    const last = answered[answered.length - 1];
    if (last === undefined || recognised[recognised.length - 1]?.intent !== last) return undefined;
    const intent = this.intentById(last);
    const index = intent?.answersFor ? productIndexOf(this.catalog) : undefined;
    if (!intent || !index) return undefined;
    const spans = findProductFacts(text, index).map((f) => f.span);
    return spans.length > 0 ? { intent, spans } : undefined;
  }

  /** The intent's answers about the product the customer wrote about last (its general answers when none applies). */
  private answersAbout(turn: Turn, intent: Intent): Record<Lang, Answer[]> {
    return intent.answersFor ? answersForProduct(intent, newestProduct(this.catalog, turn.input.facts)) : intent.answers;
  }

  /** The catalog answer with slot values filled in, and the followUps as buttons when it has none of its own. */
  private staticReply(intent: Intent, answer: Answer, slots: Record<string, string>, lang: Lang): DialogueReply {
    const quickReplies = answer.quickReplies?.length ? answer.quickReplies : followUpButtons(intent, this.catalog, lang);
    return {
      text: fillPlaceholders(answer.text, slots, intent.slots.map((s) => s.name)),
      ...(quickReplies.length ? { quickReplies } : {}),
      ...(answer.mediaUrl ? { mediaUrl: answer.mediaUrl } : {}),
    };
  }

  /**
   * The intent's answer in general (`answersInGeneral`), when it has one and the customer asks
   * about the rule rather than an order of theirs (asksInGeneral): given instead of asking for the
   * slot's value; nothing is left pending. False when it does not apply.
   */
  private answerInGeneral(turn: Turn, intent: Intent, text: string): boolean {
    if (!intent.answersInGeneral || !asksInGeneral(text)) return false;
    const answer = chooseVariant(answersIn(intent.answersInGeneral, turn.lang, this.catalog.defaultLanguage), this.random);
    if (!answer) return false;
    delete turn.state.pending;
    turn.state.misunderstandings = 0;
    turn.state.invited = intent.id;
    turn.replies.push(this.staticReply(intent, answer, turn.state.slots, turn.lang));
    this.markAnswered(turn, intent, this.lastConfidence(turn.state, intent.id));
    return true;
  }

  private markAnswered(turn: Turn, intent: Intent, confidence: number): void {
    turn.state.answered = appendBounded(turn.state.answered, intent.id);
    turn.signals.push({ type: 'answered', intent: intent.id, confidence });
  }

  private classify(turn: Turn, text: string): Classification {
    const classification = this.deps.classifier.classify(text);
    turn.classification = classification;
    return classification;
  }

  /**
   * The conversation's language before this message: the dialogue state's, or, when the bot has read
   * nothing yet, the desk's record (TurnInput.language). Not the record first: the desk follows the
   * detector on every message, this one included, where a message of only acts keeps the language.
   */
  private recordedLanguage(input: TurnInput): Lang | undefined {
    if (input.state.language !== undefined) return input.state.language;
    return input.language !== undefined && this.catalog.languages.includes(input.language) ? (input.language as Lang) : undefined;
  }

  private chooseLanguage(text: string, current: Lang | undefined): Lang {
    const languages = this.catalog.languages;
    const kept = current && languages.includes(current) ? current : this.catalog.defaultLanguage;
    if (!/\p{L}/u.test(text)) return kept;
    const guess = this.deps.languageDetector.detect(text);
    if (!languages.includes(guess.lang)) return kept;
    if (guess.confidence >= this.languageSwitchConfidence) return guess.lang;
    // "अब म के गरूँ" in an English conversation: too short to tell Nepali from Hindi surely, but a
    // message in Devanagari or Urdu letters is never answered in a language of another script. A
    // message of only acts ("धन्यवाद") is left to the acts, whose words say their language.
    const script = this.scripts.get(guess.lang);
    const otherScript = guess.confidence > 0 && script !== 'latin' && script !== this.scripts.get(kept);
    return otherScript && readActs(text).rest !== '' ? guess.lang : kept;
  }

  private lastConfidence(state: DialogueState, intentId: string): number {
    const entries = state.recognised.filter((r) => r.intent === intentId);
    return entries[entries.length - 1]?.confidence ?? 1;
  }

  private intentById(id: string | null): Intent | undefined {
    return id === null ? undefined : this.intents.get(id);
  }

  /**
   * The question for a missing slot; when this message holds a value of the slot's kind in the wrong
   * format (SG-4829, asha@gmail), what the right format looks like instead (the catalog's format hint).
   */
  private hintText(turn: Turn, hint: NonNullable<ReturnType<typeof formatHintFor>>): string {
    return fillPlaceholders(this.text(hint.text, turn.lang), { value: hint.value }, ['value']);
  }

  /** The message read as a try at the slot's value in the wrong format: the catalog's hint and the value as typed. */
  private formatHint(turn: Turn, spec: SlotSpec, opts: { answering?: boolean }): ReturnType<typeof formatHintFor> {
    return formatHintFor(
      spec,
      turn.input.text ?? '',
      this.catalog.messages.formatHints,
      { now: this.now(), timeZone: this.deps.timeZone, orderPrefix: this.deps.orderPrefix, phoneRegion: turn.input.phoneRegion ?? this.deps.phoneRegion },
      opts,
    );
  }

  private text(text: LangText, lang: Lang): string {
    return textIn(text, lang, this.catalog.defaultLanguage);
  }

  /**
   * The customer does not have the value the bot waits for ("I don't have the order number", "no"
   * to "what's your order number?"): where to find it, and a person offered ("yes" or the button
   * hands over). The question stays open for the value; it is no misunderstanding.
   */
  private answerNoValue(turn: Turn, intent: string, slot: string): void {
    turn.state.pending = { intent, slot };
    const person = this.personIntent();
    if (person) turn.state.confirm = person.id;
    turn.signals.push({ type: 'no_value', intent, slot });
    const button = person ? { quickReplies: [intentButton(person, turn.lang, this.catalog.defaultLanguage)] } : {};
    turn.replies.push({ text: this.message('noValue', turn.lang), ...button });
  }

  /**
   * The answer about to be given is the one the last turn gave, and the customer pushes back on it
   * (pushesBack): it did not help. Instead of the same words, a person is offered ("yes" or the
   * button hands over); the customer can still ask something else.
   */
  private answerRepeated(turn: Turn, intent: Intent): void {
    const person = this.personIntent();
    if (person) turn.state.confirm = person.id;
    turn.signals.push({ type: 'repeated', intent: intent.id });
    const button = person ? { quickReplies: [intentButton(person, turn.lang, this.catalog.defaultLanguage)] } : {};
    turn.replies.push({ text: this.message('repeated', turn.lang), ...button });
  }

  /** The catalog's intent for asking for a person: `human_agent` when it has one, else its first handoff intent without a team. */
  private personIntent(): Intent | undefined {
    const handoffs = this.catalog.intents.filter((i) => i.handoff);
    return handoffs.find((i) => i.id === 'human_agent') ?? handoffs.find((i) => !i.team);
  }

  /** A catalog message, or the built-in one when the catalog has none of that kind. */
  private message(kind: CatalogMessageKind, lang: Lang): string {
    return this.text(this.catalog.messages[kind] ?? DEFAULT_MESSAGES[kind], lang);
  }
}

/**
 * For each product of the catalog (by its name in the default language, as product facts carry it),
 * per language: the name or alias of its category that the examples of that language use most
 * (English ones count for the Latin-script languages too); none when the examples use none.
 */
function plainProductWords(
  catalog: Catalog,
  examples: readonly { text: string; lang: string }[],
): { byProduct: Map<string, Partial<Record<Lang, string>>>; byCategory: Map<string, Partial<Record<Lang, string>>> } {
  const out = new Map<string, Partial<Record<Lang, string>>>();
  const byCategory = new Map<string, Partial<Record<Lang, string>>>();
  const products = catalog.products;
  if (!products) return { byProduct: out, byCategory };
  const padded = examples.map((e) => ({ lang: e.lang, text: ` ${normalizeText(e.text)} ` }));
  const uses = (phrase: string, lang: Lang) => {
    const needle = ` ${normalizeText(phrase)} `;
    return needle.trim() === '' ? 0 : padded.filter((e) => e.lang === lang && e.text.includes(needle)).length;
  };
  for (const category of products.categories) {
    const best: Partial<Record<Lang, string>> = {};
    for (const lang of catalog.languages) {
      const own = [textIn(category.name, lang, lang), ...(category.aliases[lang] ?? [])];
      const latin = lang === 'en' || /-Latn$/u.test(lang) ? [textIn(category.name, 'en', 'en'), ...(category.aliases.en ?? [])] : [];
      let top = { phrase: '', n: 0 };
      for (const phrase of [...own, ...latin]) {
        const n = phrase ? uses(phrase, lang) : 0;
        if (n > top.n) top = { phrase, n };
      }
      if (top.n > 0) best[lang] = normalizeText(top.phrase);
    }
    byCategory.set(category.id, best);
    for (const product of products.products.filter((p) => p.category === category.id)) {
      out.set(textIn(product.name, catalog.defaultLanguage, catalog.defaultLanguage), best);
    }
  }
  return { byProduct: out, byCategory };
}

/** Words that hand over contact details around them ("my email is", "mera number", "मेरो नम्बर", "میرا ای میل"). */
const CONTACT_WORDS: ReadonlySet<string> = new Set([
  'my', 'email', 'e-mail', 'mail', 'id', 'is', 'number', 'no', 'phone', 'mobile', 'contact', 'its', 'here', 'me', 'on', 'at', 'reach', 'u', 'you', 'can', 'e',
  'mera', 'meri', 'mero', 'hai', 'he', 'ho', 'ye', 'yeh', 'yo', 'nambar', 'nomber',
  'मेरा', 'मेरी', 'मेरो', 'ईमेल', 'ई-मेल', 'मेल', 'नंबर', 'नम्बर', 'फ़ोन', 'फोन', 'मोबाइल', 'है', 'हो', 'यह', 'ये', 'यो',
  'میرا', 'میری', 'ای', 'میل', 'نمبر', 'فون', 'موبائل', 'ہے', 'یہ',
]);

/** A part of the customer's message quoted back, at most 80 characters. */
function quote(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= 80 ? chars.join('') : `${chars.slice(0, 79).join('')}…`;
}

/** The intent's own slot values (what its fulfillment endpoint receives). */
function intentSlotValues(intent: Intent, slots: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of intent.slots) {
    const value = slots[spec.name];
    if (value !== undefined) out[spec.name] = value;
  }
  return out;
}

/** The text with the slot values cut out (for language detection and "is this only a value?"). */
function withoutSpans(text: string, found: readonly { start: number; end: number }[]): string {
  // Offsets are UTF-16 code units, so split into code units (halves of an emoji rejoin unchanged).
  return text
    .split('')
    .map((unit, i) => (found.some((m) => i >= m.start && i < m.end) ? ' ' : unit))
    .join('');
}
