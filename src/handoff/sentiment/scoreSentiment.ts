import type { Lang } from '../../nlu/types';
import type { Sentiment } from '../types';
import { compilePattern, matchKey, normaliseWords, type Pattern, type PreparedText, preparedOf, type Word } from './lexiconText';
import { type Candidate, fitsInClause, indexPhrases, type PhraseIndex, patternsStartingWith, pickHits } from './phraseIndex';
import { SENTIMENT_LEXICONS, type SentimentLexicon } from './lexicons';

/**
 * Lexicon-based sentiment for the escalation policy and the handoff packet. No model: every
 * number below is a weight an engineer can read and tune, and `matched` says why.
 *
 * All five lexicons are consulted for every message, whatever `lang` says: customers mix languages
 * inside one message (Hinglish with English words, "service bahut kharab, worst"), and each
 * lexicon is script-specific, so they do not collide. `lang` is accepted for symmetry with the
 * rest of the NLU and currently changes nothing.
 *
 * How a message is scored:
 * - Lexicon hits, longest phrase first, never overlapping: anger (weight w), positive (w),
 *   courtesy (w, never negated), abuse (flags `abusive`, and counts as anger ABUSE_ANGER; not after a
 *   first-person possessive: "मेरे कुत्ते के लिए" is the customer's dog; nor a word written exactly like
 *   an everyday word of another language that the insult squeezes to: "sale" is not "saale").
 * - An intensifier up to INTENSIFIER_REACH words before a hit multiplies it by INTENSIFIER_BOOST.
 * - A negation in the same clause (English: up to NEGATION_REACH words before; Hindi, Urdu, Nepali:
 *   up to NEGATION_REACH words after) flips a hit: a negated anger word ("not bad", "bura nahi")
 *   adds NEGATED_ANGER_POSITIVE to the positive side and no anger; a negated positive word
 *   ("not happy", "khush nahi") adds NEGATED_POSITIVE_ANGER × w to anger.
 * - Angry emoji are anger hits, friendly emoji positive hits.
 * - Contributions combine like independent evidence: total = 1 − Π(1 − cᵢ), so it stays in 0..1.
 * - Emphasis (a run of "!!"/"??", or a message in CAPITALS) strengthens whichever side is present;
 *   on a message with no sentiment word at all it reads as impatience (anger = emphasis × 0.6).
 * - score = positive − negative, label negative below −LABEL_MARGIN, positive above LABEL_MARGIN.
 */
export const SENTIMENT_WEIGHTS = {
  ABUSE_ANGER: 0.6,
  ABUSE_NEGATIVE: 0.8,
  INTENSIFIER_REACH: 2,
  INTENSIFIER_BOOST: 1.5,
  NEGATION_REACH: 3,
  NEGATED_ANGER_POSITIVE: 0.2,
  NEGATED_POSITIVE_ANGER: 0.6,
  EXCLAMATION_RUN_2: 0.15,
  EXCLAMATION_RUN_3: 0.25,
  CAPITALS: 0.25,
  EMPHASIS_ALONE: 0.6,
  LABEL_MARGIN: 0.25,
} as const;

type Kind = 'anger' | 'positive' | 'courtesy' | 'abuse';

interface CompiledEntry {
  kind: Kind;
  pattern: Pattern;
  weight: number;
}

interface CompiledLexicon {
  /** Every entry of every language, longest phrase first. */
  entries: CompiledEntry[];
  /** The entries' patterns indexed by first word. */
  index: PhraseIndex;
  intensifiers: Set<string>;
  negatorsBefore: Set<string>;
  negatorsAfter: Set<string>;
  ownersBefore: Set<string>;
  /** Normalised words (not squeezed) that are never abuse when written exactly so. */
  notAbuseAsWritten: Set<string>;
}

const ANGRY_EMOJI: readonly (readonly [string, number])[] = Object.entries({ '😡': 0.6, '🤬': 0.7, '😠': 0.6, '👿': 0.6, '💢': 0.5, '😤': 0.4, '👎': 0.3, '🙄': 0.2 });
const FRIENDLY_EMOJI: readonly (readonly [string, number])[] = Object.entries({ '🙏': 0.4, '😊': 0.5, '🙂': 0.3, '😀': 0.5, '😃': 0.5, '😄': 0.5, '👍': 0.4, '❤️': 0.5, '❤': 0.5, '🥰': 0.6, '😍': 0.6, '💯': 0.4 });
/** Every emoji above is outside Basic Latin and the Indic/Arabic blocks; a text without a surrogate pair or U+2764 (❤) has none. */
const MAY_HOLD_EMOJI = /[\uD800-\uDBFF\u2764]/;

/** Masked or glued profanity that the word lexicon cannot see ("f***", "f@ck", "sh!t"). */
const MASKED_ABUSE: { label: string; pattern: RegExp }[] = [
  { label: 'f***', pattern: /(?:^|[^a-z])f[u*@#]*[*@#]+[*@#ck]*(?![a-z])/i },
  { label: 'sh*t', pattern: /(?:^|[^a-z])sh[*!1]t(?![a-z])/i },
];

function compile(lexicons: readonly SentimentLexicon[]): CompiledLexicon {
  const entries: CompiledEntry[] = [];
  const words = (list: readonly string[]) => new Set(list.map((w) => matchKey(normaliseWords(w))));
  for (const lexicon of lexicons) {
    for (const [entry, weight] of Object.entries(lexicon.anger)) entries.push({ kind: 'anger', pattern: compilePattern(entry), weight });
    for (const [entry, weight] of Object.entries(lexicon.positive)) entries.push({ kind: 'positive', pattern: compilePattern(entry), weight });
    for (const [entry, weight] of Object.entries(lexicon.courtesy)) entries.push({ kind: 'courtesy', pattern: compilePattern(entry), weight });
    for (const entry of lexicon.abuse) entries.push({ kind: 'abuse', pattern: compilePattern(entry), weight: 1 });
  }
  entries.sort((a, b) => b.pattern.keys.length - a.pattern.keys.length);
  return {
    entries,
    index: indexPhrases(entries.map((e) => e.pattern)),
    intensifiers: words(lexicons.flatMap((l) => l.intensifiers)),
    negatorsBefore: words(lexicons.flatMap((l) => l.negatorsBefore)),
    negatorsAfter: words(lexicons.flatMap((l) => l.negatorsAfter)),
    ownersBefore: words(lexicons.flatMap((l) => l.ownersBefore)),
    notAbuseAsWritten: new Set(lexicons.flatMap((l) => l.notAbuseAsWritten ?? []).map(normaliseWords)),
  };
}

const ALL = compile(Object.values(SENTIMENT_LEXICONS));

interface Hit {
  entry: CompiledEntry;
  start: number;
  end: number;
}

/** Lexicon hits, longest phrase first, then lexicon order, then left to right; never overlapping; in text order. */
function findHits(words: readonly Word[], lexicon: CompiledLexicon): Hit[] {
  const candidates: Candidate[] = [];
  const starting: number[] = [];
  for (let start = 0; start < words.length; start++) {
    starting.length = 0;
    patternsStartingWith(lexicon.index, words[start]!.key, starting);
    for (const p of starting) {
      const pattern = lexicon.entries[p]!.pattern;
      const n = pattern.keys.length;
      if (n > 1 && !(fitsInClause(words, start, n) && restMatches(pattern, words, start))) continue;
      candidates.push({ pattern: p, start, end: start + n });
    }
  }
  return pickHits(candidates, words.length).map((c) => ({ entry: lexicon.entries[c.pattern]!, start: c.start, end: c.end }));
}

/** Words 2…n of a multi-word pattern (the first is matched by the index; the caller checked the clause). */
function restMatches(pattern: Pattern, words: readonly Word[], start: number): boolean {
  const { keys, prefixLast } = pattern;
  for (let i = 1; i < keys.length; i++) {
    const word = words[start + i]!.key;
    const key = keys[i]!;
    if (i === keys.length - 1 && prefixLast ? !word.startsWith(key) : word !== key) return false;
  }
  return true;
}

function isWithin(words: readonly Word[], index: number, clause: number): boolean {
  return words[index]?.clause === clause;
}

function isNegated(hit: Hit, words: readonly Word[], lexicon: CompiledLexicon, covered: Uint8Array): boolean {
  const clause = words[hit.start]?.clause ?? -1;
  const reach = SENTIMENT_WEIGHTS.NEGATION_REACH;
  for (let i = hit.start - 1; i >= hit.start - reach && isWithin(words, i, clause); i--) {
    if (!covered[i] && lexicon.negatorsBefore.has(words[i]!.key)) return true;
  }
  for (let i = hit.end; i < hit.end + reach && isWithin(words, i, clause); i++) {
    if (!covered[i] && lexicon.negatorsAfter.has(words[i]!.key)) return true;
  }
  return false;
}

/** "मेरे कुत्ते", "my dog": the word right before the hit, in its clause, is a first-person possessive. */
function isOwned(hit: Hit, words: readonly Word[], lexicon: CompiledLexicon): boolean {
  const before = hit.start - 1;
  return isWithin(words, before, words[hit.start]?.clause ?? -1) && lexicon.ownersBefore.has(words[before]!.key);
}

/** A one-word abuse hit written exactly like an everyday word of another language ("sale" for "saale"). */
function isEverydayWord(hit: Hit, words: readonly Word[], lexicon: CompiledLexicon): boolean {
  return hit.end - hit.start === 1 && lexicon.notAbuseAsWritten.has(words[hit.start]!.text);
}

function isIntensified(hit: Hit, words: readonly Word[], lexicon: CompiledLexicon): boolean {
  const clause = words[hit.start]?.clause ?? -1;
  for (let i = hit.start - 1; i >= hit.start - SENTIMENT_WEIGHTS.INTENSIFIER_REACH && isWithin(words, i, clause); i--) {
    if (lexicon.intensifiers.has(words[i]!.key)) return true;
  }
  return false;
}

function combine(contributions: readonly number[]): number {
  return 1 - contributions.reduce((rest, c) => rest * (1 - Math.min(1, Math.max(0, c))), 1);
}

const EMPHASIS_MARKS = new Set(['!', '?', '！', '？']);

/** 0 … 0.5: repeated "!"/"?" and a message written in capitals. */
function emphasisOf(text: string, matched: string[]): number {
  let emphasis = 0;
  let longestRun = 0;
  let run = 0;
  let letters = 0;
  let capitals = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    run = EMPHASIS_MARKS.has(ch) ? run + 1 : 0;
    if (run > longestRun) longestRun = run;
    if (code >= 0x41 && code <= 0x5a) {
      letters++;
      capitals++;
    } else if (code >= 0x61 && code <= 0x7a) letters++;
  }
  if (longestRun >= 3) {
    emphasis += SENTIMENT_WEIGHTS.EXCLAMATION_RUN_3;
    matched.push('!!!');
  } else if (longestRun === 2) {
    emphasis += SENTIMENT_WEIGHTS.EXCLAMATION_RUN_2;
    matched.push('!!');
  }
  if (letters >= 6 && capitals / letters >= 0.8) {
    emphasis += SENTIMENT_WEIGHTS.CAPITALS;
    matched.push('CAPITALS');
  }
  return emphasis;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * No angry, abusive or negated word matched: whatever anger the message shows is in its signs, an
 * angry emoji, a run of "!!" or capitals ("where is my order?? 😡"), not in what it says ("worst
 * service", "बकवास", "not happy").
 */
export function angerShownOnlyBySigns(sentiment: Pick<Sentiment, 'abusive' | 'matched'>): boolean {
  const { abusive, matched } = sentiment;
  return !abusive && matched.some((m) => !LEXICON_HIT.test(m)) && !matched.some((m) => ANGRY_WORD_HIT.test(m));
}

/** `matched` labels: a lexicon hit is "kind:entry"; an emoji, "!!", "!!!" or "CAPITALS" is a sign. */
const LEXICON_HIT = /^[a-z]+:/;
const ANGRY_WORD_HIT = /^(?:anger|abuse|negated):/;

/** Scores a message, given as a string or as prepareText() made it (to share the preparation with asksForPerson). */
export function scoreSentiment(message: string | PreparedText, _lang?: Lang): Sentiment {
  const { text, words } = preparedOf(message);
  const hits = findHits(words, ALL);
  const covered = new Uint8Array(words.length);
  for (const h of hits) for (let i = h.start; i < h.end; i++) covered[i] = 1;
  const anger: number[] = [];
  const positive: number[] = [];
  const matched: string[] = [];
  let abusive = false;

  for (const hit of hits) {
    const { kind, weight, pattern } = hit.entry;
    if (kind === 'abuse' && (isOwned(hit, words, ALL) || isEverydayWord(hit, words, ALL))) continue;
    const boost = isIntensified(hit, words, ALL) ? SENTIMENT_WEIGHTS.INTENSIFIER_BOOST : 1;
    const negated = kind !== 'courtesy' && kind !== 'abuse' && isNegated(hit, words, ALL, covered);
    if (kind === 'abuse') {
      abusive = true;
      anger.push(SENTIMENT_WEIGHTS.ABUSE_ANGER);
      matched.push(`abuse:${pattern.entry}`);
    } else if (kind === 'anger' && negated) {
      positive.push(SENTIMENT_WEIGHTS.NEGATED_ANGER_POSITIVE);
      matched.push(`negated:${pattern.entry}`);
    } else if (kind === 'anger') {
      anger.push(weight * boost);
      matched.push(`anger:${pattern.entry}`);
    } else if (negated) {
      anger.push(SENTIMENT_WEIGHTS.NEGATED_POSITIVE_ANGER * weight * boost);
      matched.push(`negated:${pattern.entry}`);
    } else {
      positive.push(weight * boost);
      matched.push(`${kind}:${pattern.entry}`);
    }
  }

  if (MAY_HOLD_EMOJI.test(text)) {
    for (const [emoji, weight] of ANGRY_EMOJI) {
      if (text.includes(emoji)) {
        anger.push(weight);
        matched.push(emoji);
      }
    }
    for (const [emoji, weight] of FRIENDLY_EMOJI) {
      if (text.includes(emoji) && !(emoji === '❤' && text.includes('❤️'))) {
        positive.push(weight);
        matched.push(emoji);
      }
    }
  }
  for (const { label, pattern } of MASKED_ABUSE) {
    if (pattern.test(text)) {
      abusive = true;
      anger.push(SENTIMENT_WEIGHTS.ABUSE_ANGER);
      matched.push(`abuse:${label}`);
    }
  }

  let angerLevel = combine(anger);
  let positiveLevel = combine(positive);
  const emphasis = emphasisOf(text, matched);
  if (emphasis > 0) {
    if (angerLevel > 0) angerLevel = combine([angerLevel, emphasis]);
    else if (positiveLevel > 0) positiveLevel = combine([positiveLevel, emphasis]);
    else angerLevel = emphasis * SENTIMENT_WEIGHTS.EMPHASIS_ALONE;
  }

  const negative = Math.max(angerLevel, abusive ? SENTIMENT_WEIGHTS.ABUSE_NEGATIVE : 0);
  const score = round(Math.max(-1, Math.min(1, positiveLevel - negative)));
  const label = score < -SENTIMENT_WEIGHTS.LABEL_MARGIN ? 'negative' : score > SENTIMENT_WEIGHTS.LABEL_MARGIN ? 'positive' : 'neutral';
  return { score, label, anger: round(angerLevel), abusive, matched };
}
