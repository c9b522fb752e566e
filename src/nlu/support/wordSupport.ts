import { ACT_FILLERS, ACT_PHRASES } from '../acts/actLexicon';
import { normalizeText } from '../classifier';
import type { TrainingExample } from '../types';
import { DOING_WORDS, REQUESTLESS_WORDS } from './requestlessWords';

/**
 * How much of a message the catalog's examples speak to: the message's content words, how many of
 * them an intent's examples use, and how many no example of any intent uses. The dialogue asks
 * this before it offers "did you mean…?" or answers on a middling confidence: a message about
 * something the catalog does not cover ("tumhara favourite colour kya hai", "कोई अच्छा गाना
 * सुनाओ") leans on an intent through words every intent uses or through a particle (अच्छा, chalo),
 * and its own words are new to the catalog.
 *
 * - Words are compared on their first STEM_LENGTH letters, after the classifier's normalisation
 *   (delivered = delivery, ऑर्डर = ऑर्डरको).
 * - Function words are not content: a word whose stem is in the examples of more than a quarter of
 *   the intents (my, is, kya, का, ہے, छ, order…), the particles and fillers the act lexicon
 *   knows (ok, achha, अच्छा, chalo, ji, please…), and question words, pronouns and the other
 *   requestless words (which, कौन सा, کون سا, do, now…; requestlessWords.ts).
 */
export const STEM_LENGTH = 5;

export interface SupportCount {
  /** Content words in the message. */
  content: number;
  /** Content words the intents' examples use. */
  shared: number;
  /** Content words no example of any intent uses. */
  unknown: number;
}

export interface WordSupport {
  count(text: string, intents: readonly string[]): SupportCount;
  /**
   * True when the text has words and none of them says what it is about: each is a requestless word
   * (requestlessWords.ts), a particle, or a word whose stem the examples of more than three quarters
   * of the intents use ("what do i do", "how", "क्या करूँ", "کیا کروں"). Words holding digits are values
   * and are left out; a text with no other word asks nothing either.
   */
  asksNothing(text: string): boolean;
  /**
   * True when the text has a word the examples of `to` use and those of `from` do not, counting the
   * brand's common nouns too ("delivery", "order"), though not the words nearly every intent uses:
   * "how long does delivery take?" leans from the refund to the delivery time, "how long?" does not.
   * A word few intents use (at most FEW_USERS) leans too when the examples of `to` use it at least
   * LEAN_RATIO times as often as those of `from`: "and can i pay cash?" after the shipping cost
   * ("is cash on delivery also free shipping") leans to the payment methods; "और कितने दिन लगेंगे?"
   * after the refund, in words many intents use, does not.
   */
  leansAway(text: string, from: string, to: string): boolean;
  /** How many examples (of every intent and language) use the word's stem: 0 for a word new to the catalog. */
  examplesUsing(word: string): number;
}

/**
 * A word the examples of more than this share of the intents use says nothing about which one is
 * meant. In the demo catalog the function words (है, hai, is, the, میں, छ…) sit at 0.75–1.0, while
 * the brand's common nouns ("order", "saman", a product's name) sit near half: at 0.5 one more
 * example with "order" made "where is my order" read as asking nothing.
 */
export const EVERY_INTENT_SHARE = 0.75;

/** A word the examples of at most this many intents use belongs to those topics (leansAway). */
export const FEW_USERS = 3;
/** How many times more often the examples of one intent must use such a word than another's to lean to it. */
export const LEAN_RATIO = 4;

const stem = (word: string): string => [...word].slice(0, STEM_LENGTH).join('');

/** The one-word particles and fillers of the act lexicon: acknowledgements, yes, no, wait, forms of address. */
function particles(): Set<string> {
  const out = new Set<string>();
  for (const byKind of Object.values(ACT_PHRASES)) {
    for (const kind of ['ack', 'yes', 'no', 'wait'] as const) for (const phrase of byKind[kind] ?? []) out.add(normalizeText(phrase));
  }
  for (const filler of ACT_FILLERS) out.add(normalizeText(filler));
  return new Set([...out].filter((w) => w !== '' && !w.includes(' ')));
}

/** Word support for the intents of these examples (the catalog's, as the classifier is trained on them). */
export function wordSupportFor(examples: readonly TrainingExample[]): WordSupport {
  const byStem = new Map<string, Set<string>>();
  /** For the words few intents use: how many examples of each use it. */
  const uses = new Map<string, Map<string, number>>();
  /** For every word: how many examples use it. */
  const exampleCount = new Map<string, number>();
  for (const e of examples) {
    for (const s of new Set(normalizeText(e.text).split(' ').filter((w) => w !== '').map(stem))) {
      exampleCount.set(s, (exampleCount.get(s) ?? 0) + 1);
      let intents = byStem.get(s);
      if (!intents) byStem.set(s, (intents = new Set()));
      intents.add(e.intent);
      let counts = uses.get(s);
      if (!counts) uses.set(s, (counts = new Map()));
      counts.set(e.intent, (counts.get(e.intent) ?? 0) + 1);
    }
  }
  for (const [s, counts] of uses) if (counts.size > FEW_USERS) uses.delete(s);
  const intentCount = new Set(examples.map((e) => e.intent)).size;
  const common = Math.max(3, Math.ceil(intentCount / 4));
  const skip = particles();
  const requestless = new Set(REQUESTLESS_WORDS.map(normalizeText));
  const everywhere = intentCount * EVERY_INTENT_SHARE;
  return {
    asksNothing(text) {
      return normalizeText(text)
        .split(' ')
        .every((word) => word === '' || /\d/u.test(word) || skip.has(word) || requestless.has(word) || (byStem.get(stem(word))?.size ?? 0) > everywhere);
    },
    leansAway(text, from, to) {
      return normalizeText(text)
        .split(' ')
        .some((word) => {
          if (word === '' || /\d/u.test(word) || skip.has(word) || requestless.has(word)) return false;
          const users = byStem.get(stem(word));
          if (users === undefined || users.size > everywhere || !users.has(to)) return false;
          if (!users.has(from)) return true;
          const counts = uses.get(stem(word));
          return counts !== undefined && (counts.get(to) ?? 0) >= LEAN_RATIO * (counts.get(from) ?? 0);
        });
    },
    examplesUsing(word) {
      const words = normalizeText(word).split(' ').filter((w) => w !== '');
      return words.length === 0 ? 0 : Math.max(...words.map((w) => exampleCount.get(stem(w)) ?? 0));
    },
    count(text, intents) {
      const result: SupportCount = { content: 0, shared: 0, unknown: 0 };
      for (const word of normalizeText(text).split(' ')) {
        if (word === '' || /\d/u.test(word) || skip.has(word) || requestless.has(word)) continue;
        const users = byStem.get(stem(word));
        if (users && users.size > common) continue;
        result.content++;
        if (!users) result.unknown++;
        else if (intents.some((i) => users.has(i))) result.shared++;
      }
      return result;
    },
  };
}

const DOING = new Set(DOING_WORDS.map(normalizeText));

/** True when the text has the "do" of "what do i do", "क्या करूँ", "kya karun", "کیا کروں", "के गर्ने". */
export function asksWhatToDo(text: string): boolean {
  return normalizeText(text)
    .split(' ')
    .some((word) => DOING.has(word));
}
