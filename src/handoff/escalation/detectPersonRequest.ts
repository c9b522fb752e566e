import type { Lang } from '../../nlu/types';
import { compilePattern, matchKey, normaliseWords, type Pattern, type Word, wordsOf } from '../sentiment/lexiconText';
import { SENTIMENT_LEXICONS } from '../sentiment/lexicons';
import { isTypoOf } from './fuzzyWord';
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
 * - a person word qualified as someone else is ignored ("delivery agent", "human error", "agent of change").
 * Latin person words also match with one typo ("agnet", "humna"), two for long ones ("custmer care").
 */
const NEGATION_REACH = 6;

type Role = 'people' | 'someone' | 'talk' | 'want' | 'bot' | 'leaveBot';

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
}

function keySet(list: readonly string[]): Set<string> {
  return new Set(list.map((w) => normaliseWords(w)).flatMap((w) => w.split(' ')).map(matchKey));
}

const lexicons = Object.values(PERSON_REQUEST_LEXICONS);
const ROLES: Role[] = ['people', 'someone', 'talk', 'want', 'bot', 'leaveBot'];
const ENTRIES: Entry[] = lexicons
  .flatMap((lexicon) => ROLES.flatMap((role) => lexicon[role].map((entry) => ({ role, pattern: compilePattern(entry), fuzzy: role === 'people' }))))
  .sort((a, b) => b.pattern.keys.length - a.pattern.keys.length);
const NOT_STAFF_BEFORE = keySet(lexicons.flatMap((l) => l.notStaffBefore));
const NOT_STAFF_AFTER = keySet(lexicons.flatMap((l) => l.notStaffAfter));
const FILLER = keySet(lexicons.flatMap((l) => l.filler));
const NEGATORS_BEFORE = keySet(Object.values(SENTIMENT_LEXICONS).flatMap((l) => l.negatorsBefore));
const NEGATORS_AFTER = keySet([
  ...Object.values(SENTIMENT_LEXICONS).flatMap((l) => l.negatorsAfter),
  ...lexicons.flatMap((l) => l.extraNegatorsAfter),
]);
/** "no" opening a clause before "I"/"we"/"please" is an interjection ("no I want an agent"), not a negation. */
const INTERJECTION_FOLLOWERS = keySet(['i', 'we', 'please', 'pls', 'plz', 'just']);

function matches(entry: Entry, words: readonly Word[], start: number): boolean {
  const first = words[start];
  if (!first) return false;
  const { keys, prefixLast } = entry.pattern;
  for (let i = 0; i < keys.length; i++) {
    const word = words[start + i];
    const key = keys[i] as string;
    if (!word || word.clause !== first.clause) return false;
    const ok = i === keys.length - 1 && prefixLast ? word.key.startsWith(key) : entry.fuzzy ? isTypoOf(word.key, key) : word.key === key;
    if (!ok) return false;
  }
  return true;
}

function findHits(words: readonly Word[]): Hit[] {
  const taken = new Array<boolean>(words.length).fill(false);
  const hits: Hit[] = [];
  for (const entry of ENTRIES) {
    const n = entry.pattern.keys.length;
    if (n === 0) continue;
    for (let start = 0; start + n <= words.length; start++) {
      if (taken.slice(start, start + n).some(Boolean) || !matches(entry, words, start)) continue;
      for (let i = start; i < start + n; i++) taken[i] = true;
      hits.push({ role: entry.role, start, end: start + n, clause: words[start]!.clause });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function isNegatorBefore(words: readonly Word[], i: number): boolean {
  const word = words[i]!;
  if (!NEGATORS_BEFORE.has(word.key)) return false;
  const next = words[i + 1];
  const opensClause = words[i - 1]?.clause !== word.clause;
  return !(word.key === 'no' && opensClause && next && next.clause === word.clause && INTERJECTION_FOLLOWERS.has(next.key));
}

/** The person, someone and bot hits that a negation applies to. */
function negatedHits(words: readonly Word[], hits: readonly Hit[]): Set<Hit> {
  const nouns = hits.filter((h) => h.role === 'people' || h.role === 'someone' || h.role === 'bot');
  const inHit = (i: number) => hits.some((h) => i >= h.start && i < h.end);
  const negated = new Set<Hit>();
  words.forEach((word, i) => {
    if (inHit(i)) return;
    if (isNegatorBefore(words, i)) {
      const target = nouns.find((h) => h.clause === word.clause && h.start > i);
      if (target) negated.add(target);
    }
    if (NEGATORS_AFTER.has(word.key)) {
      const target = [...nouns].reverse().find((h) => h.clause === word.clause && h.end <= i && i - h.end < NEGATION_REACH);
      if (target) negated.add(target);
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
function isBareClause(words: readonly Word[], hits: readonly Hit[], clause: number): boolean {
  return words.every(
    (w, i) =>
      w.clause !== clause ||
      FILLER.has(w.key) ||
      NEGATORS_BEFORE.has(w.key) ||
      NEGATORS_AFTER.has(w.key) ||
      hits.some((h) => i >= h.start && i < h.end),
  );
}

export function asksForPerson(text: string, _lang?: Lang): boolean {
  const words = wordsOf(text);
  if (words.length === 0) return false;
  const hits = findHits(words);
  if (hits.some((h) => h.role === 'leaveBot')) return true;
  const negated = negatedHits(words, hits);
  const inClause = (clause: number, role: Role) => hits.some((h) => h.clause === clause && h.role === role);

  return hits.some((hit) => {
    const talk = inClause(hit.clause, 'talk');
    const want = inClause(hit.clause, 'want');
    const bare = isBareClause(words, hits, hit.clause);
    switch (hit.role) {
      case 'people':
        return !negated.has(hit) && !isSomeoneElse(words, hit) && (talk || want || bare);
      case 'someone':
        return !negated.has(hit) && talk;
      case 'bot':
        return negated.has(hit) && (talk || want || bare);
      default:
        return false;
    }
  });
}
