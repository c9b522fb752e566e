import type { Lang } from '../../nlu/types';
import { compilePattern, matchKey, normaliseWords, type Pattern, type PreparedText, preparedOf, type Word } from '../sentiment/lexiconText';
import { SENTIMENT_LEXICONS } from '../sentiment/lexicons';
import { type Candidate, fitsInClause, indexPhrases, patternsStartingWith, pickHits } from '../sentiment/phraseIndex';
import { isTypoOf, MIN_TYPO_KEY_LENGTH, MIN_TYPO_WORD_LENGTH, typoLimitOf } from './fuzzyWord';
import { PERSON_REQUEST_LEXICONS } from './personRequestLexicon';

/**
 * Does the customer ask for a person? Lexicon rules, in every catalog language at once (customers
 * mix them; the lexicons are script-specific, so `lang` is accepted but changes nothing yet).
 *
 * Within one clause (commas and full stops separate clauses):
 * - a person word ("agent", "insaan", "इंसान", "نمائندے", "मानिससँग") asks for a person when the clause
 *   also has a talk word or a want word ("speak to an agent", "insaan chahiye", "نمائندے سے بات"),
 *   or when the clause is that word and politeness ("agent pls", "एजेंट", "live agent");
 * - a "someone" word asks only beside a talk word ("talk to someone", "kisi se baat karwa do");
 * - a negated bot word with a talk or want word, or alone, asks for a person ("I don't want to talk
 *   to a bot", "bot nahi, insaan chahiye"); so does a leave-the-bot phrase ("bot band karo").
 * - a negated person word does not ("no need for an agent", "insaan nahi chahiye", "एजेन्टसँग कुरा
 *   गर्नु छैन"). English negations bind to the first person/bot word after them; Hindi, Urdu and
 *   Nepali ones to the nearest person/bot word before them (up to NEGATION_REACH words).
 * - a person word qualified as someone else is ignored ("delivery agent", "human error", "agent of change"),
 *   and so is a "someone" word for one person ("the delivery person didn't call me"; not "the delivery team").
 * - asking to call the company or for its number asks for a person unless negated ("can i ring you",
 *   "aapko call kar sakta hu", "آپ کو فون کر سکتا ہوں"; not "I don't want to call you").
 * Latin person words also match with one typo ("agnet", "humna"), two for long ones ("custmer care").
 */
const NEGATION_REACH = 6;

type Role = 'people' | 'someone' | 'talk' | 'want' | 'bot' | 'leaveBot' | 'callUs';

interface Entry {
  role: Role;
  pattern: Pattern;
  fuzzy: boolean;
}

interface Hit {
  role: Role;
  start: number;
  end: number;
  clause: number;
  /** A word of it matched only as a typo ("agnet"), not as written. */
  typo: boolean;
}

function keySet(list: readonly string[]): Set<string> {
  return new Set(list.map((w) => normaliseWords(w)).flatMap((w) => w.split(' ')).map(matchKey));
}

const lexicons = Object.values(PERSON_REQUEST_LEXICONS);
const ROLES: Role[] = ['people', 'someone', 'talk', 'want', 'bot', 'leaveBot', 'callUs'];
const ENTRIES: Entry[] = lexicons
  .flatMap((lexicon) => ROLES.flatMap((role) => lexicon[role].map((entry) => ({ role, pattern: compilePattern(entry), fuzzy: role === 'people' }))))
  .sort((a, b) => b.pattern.keys.length - a.pattern.keys.length);
const NOT_STAFF_BEFORE = keySet(lexicons.flatMap((l) => l.notStaffBefore));
const NOT_STAFF_AFTER = keySet(lexicons.flatMap((l) => l.notStaffAfter));
const INDIVIDUALS = keySet(lexicons.flatMap((l) => l.individuals));
const FILLER = keySet(lexicons.flatMap((l) => l.filler));
const NEGATORS_BEFORE = keySet(Object.values(SENTIMENT_LEXICONS).flatMap((l) => l.negatorsBefore));
const NEGATORS_AFTER = keySet([
  ...Object.values(SENTIMENT_LEXICONS).flatMap((l) => l.negatorsAfter),
  ...lexicons.flatMap((l) => l.extraNegatorsAfter),
]);
/**
 * "किसी से बात करा दो ना", "kisi se baat karwa do na", "कसैलाई बोलाइदिनुस् न": a short "na" closing
 * the clause is a tag that presses the request ("won't you"), not a negation (which comes before
 * the verb: "बात न कराएं").
 */
const TAG_PARTICLES = keySet(['na', 'naa', 'ना', 'न']);

/** "no" opening a clause before "I"/"we"/"please" is an interjection ("no I want an agent"), not a negation. */
const INTERJECTION_FOLLOWERS = keySet(['i', 'we', 'please', 'pls', 'plz', 'just']);

const INDEX = indexPhrases(ENTRIES.map((e) => e.pattern));
const LATIN_KEY = /^[a-z]+$/;

/** First words of person patterns that a typo may stand for ("agnet" → agent), with those patterns. */
const TYPO_TARGETS: { key: string; limit: number; letters: Int32Array; entries: number[] }[] = (() => {
  const byKey = new Map<string, number[]>();
  ENTRIES.forEach((entry, i) => {
    const { keys, prefixLast } = entry.pattern;
    const first = keys[0];
    if (!entry.fuzzy || first === undefined || (keys.length === 1 && prefixLast)) return;
    if (!LATIN_KEY.test(first) || first.length < MIN_TYPO_KEY_LENGTH) return;
    byKey.set(first, [...(byKey.get(first) ?? []), i]);
  });
  return [...byKey].map(([key, entries]) => ({ key, limit: typoLimitOf(key), letters: letterCounts(key, new Int32Array(26)), entries }));
})();

/** How often each letter a–z occurs in a Latin word. */
function letterCounts(word: string, into: Int32Array): Int32Array {
  into.fill(0);
  for (let i = 0; i < word.length; i++) into[word.charCodeAt(i) - 97]!++;
  return into;
}

/**
 * A lower bound of the edit distance from the letter counts: each edit adds at most one letter
 * the other word lacks on each side, so max(letters only in a, letters only in b) ≤ distance.
 */
function letterCountDistance(a: Int32Array, b: Int32Array): number {
  let onlyA = 0;
  let onlyB = 0;
  for (let c = 0; c < 26; c++) {
    const d = a[c]! - b[c]!;
    if (d > 0) onlyA += d;
    else onlyB -= d;
  }
  return Math.max(onlyA, onlyB);
}

const wordLetters = new Int32Array(26);

/** Pushes the person patterns whose first word `key` is a typo of (exact matches come from INDEX). */
function typoPatternsStartingWith(key: string, out: number[]): void {
  if (key.length < MIN_TYPO_WORD_LENGTH || !LATIN_KEY.test(key)) return;
  let counted = false;
  for (const target of TYPO_TARGETS) {
    if (target.key === key || Math.abs(target.key.length - key.length) > target.limit) continue;
    if (!counted) {
      letterCounts(key, wordLetters);
      counted = true;
    }
    if (letterCountDistance(wordLetters, target.letters) > target.limit) continue;
    if (isTypoOf(key, target.key)) for (const i of target.entries) out.push(i);
  }
}

/** Words 2…n of a multi-word entry (the first is matched by the index; the caller checked the clause). */
function restMatches(entry: Entry, words: readonly Word[], start: number): boolean {
  const { keys, prefixLast } = entry.pattern;
  for (let i = 1; i < keys.length; i++) {
    const word = words[start + i]!.key;
    const key = keys[i]!;
    const ok = i === keys.length - 1 && prefixLast ? word.startsWith(key) : entry.fuzzy ? isTypoOf(word, key) : word === key;
    if (!ok) return false;
  }
  return true;
}

/** Lexicon hits, longest phrase first, then lexicon order, then left to right; never overlapping; in text order. */
function findHits(words: readonly Word[]): Hit[] {
  const candidates: Candidate[] = [];
  const starting: number[] = [];
  /** "start:end:role" of the candidates matched as written, so a typo candidate over the same words is not called a typo. */
  const asWritten = new Set<string>();
  for (let start = 0; start < words.length; start++) {
    starting.length = 0;
    const key = words[start]!.key;
    patternsStartingWith(INDEX, key, starting);
    const exact = starting.length;
    typoPatternsStartingWith(key, starting);
    starting.forEach((e, k) => {
      const entry = ENTRIES[e]!;
      const n = entry.pattern.keys.length;
      if (n > 1 && !(fitsInClause(words, start, n) && restMatches(entry, words, start))) return;
      candidates.push({ pattern: e, start, end: start + n });
      if (k < exact && matchesAsWritten(entry, words, start)) asWritten.add(`${start}:${start + n}:${entry.role}`);
    });
  }
  return pickHits(candidates, words.length).map((c) => {
    const role = ENTRIES[c.pattern]!.role;
    return { role, start: c.start, end: c.end, clause: words[c.start]!.clause, typo: !asWritten.has(`${c.start}:${c.end}:${role}`) && !isPlural(words, c) };
  });
}

/** Every word of the entry at `start` is written as the lexicon has it (no typo). */
function matchesAsWritten(entry: Entry, words: readonly Word[], start: number): boolean {
  const { keys, prefixLast } = entry.pattern;
  return keys.every((key, i) => {
    const word = words[start + i]!.key;
    return i === keys.length - 1 && prefixLast ? word.startsWith(key) : word === key;
  });
}

/** A one-word hit that is a lexicon word with an English plural s ("agents", "humans"): no typo. */
function isPlural(words: readonly Word[], c: Candidate): boolean {
  if (c.end - c.start !== 1) return false;
  const word = words[c.start]!.key;
  const key = ENTRIES[c.pattern]!.pattern.keys[0];
  return key !== undefined && word === `${key}s`;
}

function isNegatorBefore(words: readonly Word[], i: number): boolean {
  const word = words[i]!;
  if (!NEGATORS_BEFORE.has(word.key)) return false;
  const next = words[i + 1];
  const opensClause = words[i - 1]?.clause !== word.clause;
  return !(word.key === 'no' && opensClause && next && next.clause === word.clause && INTERJECTION_FOLLOWERS.has(next.key));
}

/** Which words are part of a hit. */
function coveredBy(hits: readonly Hit[], wordCount: number): Uint8Array {
  const covered = new Uint8Array(wordCount);
  for (const h of hits) for (let i = h.start; i < h.end; i++) covered[i] = 1;
  return covered;
}

/** The hits a negation can apply to: the person, someone and bot words, and asking to call. */
function isNoun(hit: Hit): boolean {
  return hit.role === 'people' || hit.role === 'someone' || hit.role === 'bot' || hit.role === 'callUs';
}

/** The person, someone and bot hits that a negation applies to. */
function negatedHits(words: readonly Word[], hits: readonly Hit[], covered: Uint8Array): Set<Hit> {
  const negated = new Set<Hit>();
  words.forEach((word, i) => {
    if (covered[i]) return;
    if (isNegatorBefore(words, i)) {
      const target = hits.find((h) => isNoun(h) && h.clause === word.clause && h.start > i);
      if (target) negated.add(target);
    }
    const closesClause = words[i + 1]?.clause !== word.clause;
    if (NEGATORS_AFTER.has(word.key) && !(closesClause && TAG_PARTICLES.has(word.key))) {
      for (let k = hits.length - 1; k >= 0; k--) {
        const h = hits[k]!;
        if (isNoun(h) && h.clause === word.clause && h.end <= i && i - h.end < NEGATION_REACH) {
          negated.add(h);
          break;
        }
      }
    }
  });
  return negated;
}

function isSomeoneElse(words: readonly Word[], hit: Hit): boolean {
  const before = words[hit.start - 1];
  const after = words[hit.end];
  return (
    (before?.clause === hit.clause && NOT_STAFF_BEFORE.has(before.key)) || (after?.clause === hit.clause && NOT_STAFF_AFTER.has(after.key))
  );
}

/** True when every word of the clause is part of a hit or politeness ("agent please", "bot nahi"). */
function isBareClause(words: readonly Word[], covered: Uint8Array, clause: number): boolean {
  return words.every(
    (w, i) => w.clause !== clause || FILLER.has(w.key) || NEGATORS_BEFORE.has(w.key) || NEGATORS_AFTER.has(w.key) || covered[i] === 1,
  );
}

/**
 * A person word standing alone in its clause asks for a person. One that is only a typo of a person
 * word does so when it is the whole message ("agnet") or has politeness beside it ("agnet pls"):
 * as one clause among others it is more likely a name or a place one letter away ("Bandra", from
 * "banda", in "its 4th floor, Orion Tower, Bandra").
 */
function standsAsRequest(words: readonly Word[], covered: Uint8Array, hit: Hit): boolean {
  if (!isBareClause(words, covered, hit.clause)) return false;
  return !hit.typo || words.every((w) => w.clause === hit.clause) || words.some((w) => w.clause === hit.clause && FILLER.has(w.key));
}

/** Asks for a person? `message` is a string or what prepareText() made of it (to share the preparation with scoreSentiment). */
export function asksForPerson(message: string | PreparedText, _lang?: Lang): boolean {
  const { words } = preparedOf(message);
  if (words.length === 0) return false;
  const hits = findHits(words);
  if (hits.some((h) => h.role === 'leaveBot')) return true;
  if (!hits.some(isNoun)) return false;
  const covered = coveredBy(hits, words.length);
  const negated = negatedHits(words, hits, covered);
  const inClause = (clause: number, role: Role) => hits.some((h) => h.clause === clause && h.role === role);

  return hits.some((hit) => {
    if (!isNoun(hit)) return false;
    const talk = inClause(hit.clause, 'talk');
    const want = inClause(hit.clause, 'want');
    switch (hit.role) {
      case 'people':
        return !negated.has(hit) && !isSomeoneElse(words, hit) && (talk || want || standsAsRequest(words, covered, hit));
      case 'someone':
        return !negated.has(hit) && talk && !(isSomeoneElse(words, hit) && INDIVIDUALS.has(words[hit.start]!.key));
      case 'callUs':
        return !negated.has(hit);
      default: // bot
        return negated.has(hit) && (talk || want || isBareClause(words, covered, hit.clause));
    }
  });
}
