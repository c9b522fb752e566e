import { readActs } from '../../nlu/acts';
import { asksWhere, bearsQuestion, findReferringWord, peelPoliteWrappers, referentCandidates, resolveReference, serialVerbsAsPurpose, splitClauses, tellsPast, withoutReason } from '../../nlu/clauses';
import type { Classification } from '../../nlu/types';

/** At most this many questions of one message are answered. */
export const MAX_ANSWERS = 3;

/**
 * A clause without a question word read at least this surely as a topic only ever asked about
 * ("shipping charges for pune": 1.00, "cod available": 0.99) asks it in few words; a statement
 * leaning there is read less surely ("ہیڈ فون کا رنگ اچھا نہیں لگا" as stock: 0.67).
 */
const TERSE_QUESTION = 0.9;

export interface ReadPart {
  text: string;
  classification: Classification;
}

/**
 * - single: one question (or none understood): answer, clarify or fall back on this classification,
 *   which is the whole message's, or its best clause's when the whole fell below the threshold
 *   ("my order … still hasn't shown up, it was due yesterday").
 * - several: two or more different questions understood, in the order asked (at most MAX_ANSWERS),
 *   or one understood and another clause that asks something not understood (`unclear`).
 */
export type QuestionReading =
  | { kind: 'single'; classification: Classification; /** The message or clause it is the reading of. */ text: string }
  | { kind: 'several'; answers: ReadPart[]; unclear?: ReadPart };

export interface ReadingContext {
  /**
   * What "it", "इसके", "اس" can point at besides the clause before: the things the conversation
   * is already about (the nouns of the slots it holds, "order" for an order number).
   */
  referents?: readonly string[];
  /**
   * A clause that points back is read with what it points at when its own reading is below this
   * (default: the answer threshold); the more confident reading is kept.
   */
  sure?: number;
  /**
   * A clause that says nothing of what it is about ("…, what do i do", "…, अब क्या करूँ") only asks
   * for help with the rest of the message: it is set aside like an acknowledgement.
   */
  asksNothing?: (text: string) => boolean;
  /**
   * The product a text names, as written there. A clause that asks without naming one ("…, fitting
   * ke liye technician aayega?") is about the product another clause of the message names ("kal ac
   * deliver hoga"): it is read again with that product (in place of "it", "इसके" when it points back)
   * when it is not understood on its own.
   */
  productIn?: (text: string) => string | undefined;
  /**
   * A clause that only names a product ("ok what about the 340 litre one, is it in stock?"): beside
   * a question understood, it says which product that question is about and is not asked about.
   */
  namesProductOnly?: (text: string) => boolean;
  /**
   * Whether a clause goes on with the question of the clause before (intent `from`) although it is
   * read as `to`: "my phone battery drains fast, can you replace it?" asks about the battery, not
   * about returns. The clause is then a restatement, answered once with the question before.
   * `understood`: the clause was read as `to` with an answer's confidence on its own (one that was
   * not, "…SG-338120, kab tak aayega??", may go on with the question before without pointing back).
   */
  continues?: (text: string, from: string, to: string, understood: boolean) => boolean;
  /**
   * A clause that only names a value the message gives ("آرڈر نمبر SG-615530،", "order no. SG-…,"
   * with the value cut out): it says what the value is, it asks nothing. It stays in the whole
   * message's reading but is never a question of its own ("order number" alone reads as any
   * question about orders).
   */
  namesValue?: (text: string) => boolean;
  /**
   * A clause that takes a request back ("रुकिए, रद्द मत कीजिए, बस बता दीजिए कब तक पहुँचेगा": don't
   * cancel): its request is not asked, and it is left out of the reading like a clause that asks nothing.
   */
  withdraws?: (text: string) => boolean;
  /**
   * Whether an intent is only ever asked, never told (its examples are questions: shipping costs,
   * store hours): a clause that tells what happened, read as one, is no such question.
   */
  onlyAsked?: (intent: string) => boolean;
  /**
   * The customer announced several questions ("3 sawal hain: …", "two questions - …",
   * announcesQuestions): every clause is a question of its own, asked with or without a question
   * mark, and none goes on with the one before.
   */
  announced?: boolean;
}

type Classify = (text: string) => Classification;

/** A clause with words that are all a polite wrapper ("please revert asap", "kindly do the needful"). */
const onlyPoliteWrapper = (text: string): boolean => /[\p{L}\p{N}]/u.test(text) && !/[\p{L}\p{N}]/u.test(peelPoliteWrappers(text));

const better = (a: Classification, b: Classification): Classification => (b.confidence > a.confidence ? b : a);

/**
 * The clause's reading: the more confident of the text as written and the text with its polite
 * wrapper written as the plain request ("would it be possible to send them back" → "can i send
 * them back"), "come and fit it" as "come to fit it" and the reason given after the question left
 * out ("when will it be delivered because i need to be home for it", withoutReason); classified
 * once when it has none of them.
 */
function readClause(text: string, classify: Classify): Classification {
  const plain = withoutReason(serialVerbsAsPurpose(peelPoliteWrappers(text)));
  const asWritten = classify(text);
  const read = plain === text || !/[\p{L}\p{N}]/u.test(plain) ? asWritten : better(asWritten, classify(plain));
  // The reason left out of the words as written too: the wrapper may be the words the catalog asks with.
  const asked = withoutReason(text);
  return asked === text || asked === plain ? read : better(read, classify(asked));
}

/**
 * A clause not understood on its own that points back ("and how much does it cost"): read again
 * with the referring word replaced by each thing it may point at in turn, the words of the clause
 * before (longest first) and then the conversation's referents. The first reading at or above the
 * answer threshold that asks something other than the clause before wins; else the most confident
 * one at or above it (a restatement); undefined when none is.
 */
function readReference(
  text: string,
  referents: readonly string[],
  classify: Classify,
  answer: number,
  before?: Classification,
): Classification | undefined {
  let best: Classification | undefined;
  for (const referent of referents) {
    const resolved = resolveReference(text, referent);
    if (resolved === undefined) return undefined;
    const c = readClause(resolved, classify);
    if (c.confidence < answer) continue;
    if (!before || c.top !== before.top) return c;
    best = best ? better(best, c) : c;
  }
  return best;
}

/**
 * Reads the questions in a message (slot values already cut out): classifies the whole message,
 * and, when it has several clauses, each clause without its greetings and acknowledgements. Each
 * reading also tries the clause without its polite wrapper (readClause), and a clause not
 * understood that points back ("it", "इसके") is read with what it points at (readReference). Pure
 * apart from the classifier it is given; classifies only once for a one-clause message that is
 * understood and has no wrapper.
 */
export function readQuestions(
  text: string,
  classify: Classify,
  thresholds: { answer: number; clarify: number },
  context: ReadingContext = {},
): QuestionReading {
  const referents = context.referents ?? [];
  const sure = Math.max(thresholds.answer, context.sure ?? thresholds.answer);
  const resolvedWhole = (c: Classification, read: string): Classification =>
    c.confidence >= thresholds.answer || referents.length === 0 || !bearsQuestion(read)
      ? c
      : (readReference(read, referents, classify, thresholds.answer) ?? c);
  // Each clause with its acts cut off ("ok thanks, …"), read once.
  const announced = context.announced === true;
  const all = splitClauses(text).map((c) => ({ text: c.text, asked: c.asked || announced, adds: c.adds === true, alternative: c.alternative === true, rest: readActs(c.text).rest }));
  // "दुकान कब खुलती है और कहाँ है?": a clause that asks where of nothing named ("और कहाँ है?")
  // is about the thing the clause before names, when a word of that clause in front makes it a sure
  // question, the one it leans to alone, and another than the clause before asks.
  for (let i = 1; i < all.length; i++) {
    const c = all[i] as (typeof all)[number];
    const before = all[i - 1] as (typeof all)[number];
    if (!context.asksNothing?.(c.rest) || !asksWhere(c.rest) || context.asksNothing(before.rest)) continue;
    const alone = readClause(c.rest, classify);
    if (alone.confidence < thresholds.clarify || alone.top === readClause(before.rest, classify).top) continue;
    for (const word of referentCandidates(before.rest)) {
      const withTopic = readClause(`${word} ${c.rest}`, classify);
      if (withTopic.confidence >= sure && withTopic.top === alone.top) {
        all[i] = { ...c, rest: `${word} ${c.rest}` };
        break;
      }
    }
  }
  // "…, what do i do?": the clauses that ask nothing are left out of the whole message's reading too;
  // so is the other side of an either-or question ("…, or should i get my own electrician").
  // So is a clause that is only a polite wrapper ("…, please revert asap", "kindly do the needful").
  const asking = all.filter((c) => !c.alternative && !context.asksNothing?.(c.rest) && !context.withdraws?.(c.rest) && !onlyPoliteWrapper(c.rest));
  const split = asking.length > 0 ? asking : all;
  const read = split.length < all.length ? split.map((c) => c.text).join(', ') : text;
  const whole = readClause(read, classify);
  if (split.length < 2) return { kind: 'single', classification: resolvedWhole(whole, read), text: read };
  const clauses = split
    .map((c) => ({ rest: c.rest, asked: c.asked, adds: c.adds }))
    .filter((c) => /[\p{L}\p{N}]/u.test(c.rest) && !context.namesValue?.(c.rest));
  if (clauses.length < 2) return { kind: 'single', classification: resolvedWhole(whole, read), text: read };

  const parts: { text: string; asked: boolean; adds: boolean; classification: Classification }[] = [];
  for (const c of clauses) {
    let classification = readClause(c.rest, classify);
    const previous = parts[parts.length - 1];
    // Only a clause that asks something is read again ("it was due yesterday" is context), and not
    // one that leans to a question already understood (it restates it: "…, when will it be ready").
    const restates = parts.some((p) => p.classification.confidence >= thresholds.answer && p.classification.top === classification.top) &&
      classification.confidence >= thresholds.clarify;
    if (classification.confidence < sure && !restates && (previous || referents.length > 0) && bearsQuestion(c.rest, c.asked)) {
      // The clause before is a place to look only when it was understood: its words name a thing of a known question.
      const candidates = previous && previous.classification.confidence >= thresholds.answer ? [...referentCandidates(previous.text), ...referents] : referents;
      const resolved = readReference(c.rest, candidates, classify, thresholds.answer, previous?.classification);
      if (resolved) classification = better(classification, resolved);
    }
    if (classification.confidence < sure && !restates && context.productIn && bearsQuestion(c.rest, c.asked) && !context.productIn(c.rest)) {
      const named = clauses.map((other) => (other === c ? undefined : context.productIn?.(other.rest))).find((p) => p !== undefined);
      const about = named === undefined ? undefined : readClause(resolveReference(c.rest, named) ?? `${named} ${c.rest}`, classify);
      if (about && about.confidence >= thresholds.answer) classification = better(classification, about);
    }
    // "sunday ko store khula hai kya aur kahan pe hai delhi me": a clause that leaves out what it asks
    // about (no word points back) is read again with a word of the understood clause before in front;
    // kept only when that confirms its own reading, and that reading is not the clause before's.
    const understoodBefore = previous && previous.classification.confidence >= thresholds.answer ? previous : undefined;
    if (
      understoodBefore &&
      classification.confidence < thresholds.answer &&
      classification.confidence >= thresholds.clarify &&
      classification.top !== understoodBefore.classification.top &&
      bearsQuestion(c.rest, c.asked) &&
      findReferringWord(c.rest) === undefined
    ) {
      for (const word of referentCandidates(understoodBefore.text)) {
        const withTopic = readClause(`${word} ${c.rest}`, classify);
        if (withTopic.confidence >= thresholds.answer && withTopic.top === classification.top) {
          classification = withTopic;
          break;
        }
      }
    }
    // "is your showroom open on sunday, and whats the exact address?": a clause read only middling
    // surely, that names nothing of its own to point back with, asks about the thing the understood
    // clause before it names when a word of that clause in front makes it a sure question of a
    // third intent (the showroom's address, not changing a delivery address).
    if (
      understoodBefore &&
      classification.confidence >= thresholds.answer &&
      classification.confidence < sure &&
      classification.top !== understoodBefore.classification.top &&
      bearsQuestion(c.rest, c.asked) &&
      findReferringWord(c.rest) === undefined &&
      context.productIn?.(c.rest) === undefined
    ) {
      for (const word of referentCandidates(understoodBefore.text)) {
        const withTopic = readClause(`${word} ${c.rest}`, classify);
        if (withTopic.confidence >= sure && withTopic.top !== classification.top && withTopic.top !== understoodBefore.classification.top) {
          classification = withTopic;
          break;
        }
      }
    }
    const before = previous?.classification;
    if (classification.confidence >= thresholds.answer) {
      if (!announced && before && before.confidence >= thresholds.answer && classification.top !== before.top && context.continues?.(c.rest, before.top, classification.top, true)) {
        classification = before;
      }
    } else {
      // Not understood alone: it may go on with the last question understood before it ("mera order
      // abhi tak nahi aaya, kab tak aayega?"; "where is my refund, its been 10 days, what is the status?").
      const asked = [...parts].reverse().find((p) => p.classification.confidence >= thresholds.answer)?.classification;
      if (!announced && asked && context.continues?.(c.rest, asked.top, classification.top, false)) classification = asked;
    }
    parts.push({ text: c.rest, asked: c.asked, adds: c.adds, classification });
  }
  // "ہیڈ فون کا رنگ اچھا نہیں لگا، کیا ایکسچینج ہو جائے گا؟", "bhai mera refund kab aayega? 10 din ho gaye
  // return kiye": a clause that asks nothing is context for the question beside it when the whole
  // message reads as that question; it is not a question of its own. A question opened by a word
  // that adds another matter ("can't log in, the otp never comes. also my card payment failed?"),
  // or going on with one that does ("… also tried paying by card and it failed?"), is not what the
  // clauses before that word are context for.
  const addsBetween = (from: number, to: number): boolean => parts.slice(from + 1, to + 1).some((r) => r.adds);
  // "پچھلے سال گھڑی خریدی تھی، اب اس کا سیل ختم ہو گیا ہے۔ نیا ڈلوانے کے کتنے پیسے لگیں گے؟": nor is a
  // clause that asks nothing, read as a topic neither the whole message nor its question is (the
  // watch's cell read alone as a sale), when the whole message is understood.
  // A clause read all but certainly as a topic only ever asked about, that tells nothing that
  // happened ("shipping charges for pune, and what time do you open on sunday?"), is a question in
  // few words: it stays ("ہیڈ فون کا رنگ اچھا نہیں لگا" leans to stock at 0.67 only: context).
  const terseQuestion = (p: (typeof parts)[number]): boolean =>
    p.classification.confidence >= TERSE_QUESTION && context.onlyAsked?.(p.classification.top) === true && !tellsPast(p.text);
  const contextOnly = (p: (typeof parts)[number]): boolean =>
    !bearsQuestion(p.text, p.asked) &&
    !terseQuestion(p) &&
    whole.confidence >= thresholds.answer &&
    p.classification.top !== whole.top &&
    parts.some(
      (q) =>
        q !== p &&
        !addsBetween(parts.indexOf(p), parts.indexOf(q)) &&
        bearsQuestion(q.text, q.asked) &&
        ((q.classification.confidence >= thresholds.answer && q.classification.top === whole.top) || q.classification.top !== p.classification.top),
    );
  // "meri washing machine ka installation kab hoga? delivery kal hui thi": nor is a clause that
  // tells what happened, read as a topic that is only ever asked about (shipping costs), beside a
  // question understood, though the whole message reads as nothing surely.
  const toldOnly = (p: (typeof parts)[number]): boolean =>
    !bearsQuestion(p.text, p.asked) &&
    context.onlyAsked?.(p.classification.top) === true &&
    tellsPast(p.text) &&
    parts.some(
      (q) =>
        q !== p &&
        !addsBetween(parts.indexOf(p), parts.indexOf(q)) &&
        bearsQuestion(q.text, q.asked) &&
        q.classification.confidence >= thresholds.answer &&
        q.classification.top !== p.classification.top,
    );
  const understood: ReadPart[] = [];
  for (const p of parts) {
    const c = p.classification;
    if (c.confidence >= thresholds.answer && !understood.some((u) => u.classification.top === c.top) && !contextOnly(p) && !toldOnly(p)) understood.push(p);
  }
  const answered = new Set(understood.map((u) => u.classification.top));
  // A clause that asks something not understood; one that leans to a question already answered restates it.
  const unclear = parts.find(
    (p) =>
      p.classification.confidence < thresholds.answer &&
      !(answered.has(p.classification.top) && p.classification.confidence >= thresholds.clarify) &&
      bearsQuestion(p.text, p.asked) &&
      !(understood.length > 0 && context.namesProductOnly?.(p.text)),
  );
  const strip = (p: { text: string; classification: Classification }): ReadPart => ({ text: p.text, classification: p.classification });

  if (understood.length >= 2) {
    return { kind: 'several', answers: understood.slice(0, MAX_ANSWERS), ...(unclear ? { unclear: strip(unclear) } : {}) };
  }
  if (understood.length === 1) {
    const only = understood[0] as ReadPart;
    if (unclear) return { kind: 'several', answers: [only], unclear: strip(unclear) };
    // One question wrapped in context: the whole message when it is understood, else that clause;
    // that clause too when it reads as the same question more surely on its own ("so i got the …
    // ac … in april last year …, its only blowing warm air. is that still covered…?": the story's
    // words are new to the catalog and only dilute the question).
    const surerAlone = only.classification.top === whole.top && only.classification.confidence > whole.confidence;
    // "मैंने फ़ोन वापस कर दिया है, पैसे कब वापस मिलेंगे?": the whole leaning to what the told clause
    // reads as (returns) is that clause's reading, not the question's.
    const ledByTold = parts.some((p) => toldOnly(p) && p.classification.top === whole.top);
    return whole.confidence >= thresholds.answer && !surerAlone && !ledByTold
      ? { kind: 'single', classification: whole, text: read }
      : { kind: 'single', classification: only.classification, text: only.text };
  }
  // Nothing understood: the most confident reading, for "did you mean…?"; a clause that was only
  // context for the message is no reading of it.
  const readings = parts.filter((p) => !contextOnly(p) && !toldOnly(p));
  if (readings.length === 0) return { kind: 'single', classification: whole, text: read };
  const best = readings.reduce((a, b) => (b.classification.confidence > a.classification.confidence ? b : a));
  return best.classification.confidence > whole.confidence
    ? { kind: 'single', classification: best.classification, text: best.text }
    : { kind: 'single', classification: whole, text: read };
}
