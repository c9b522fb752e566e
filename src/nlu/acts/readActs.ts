import { ACT_ALONE, ACT_EMOJI, ACT_FILLERS, ACT_PHRASES, CLOSING_WAITS, MAX_ACT_PHRASE_WORDS } from './actLexicon';
import { actToken, tokenize, type Token } from './actToken';
import type { ActKind, ActReading } from './types';

interface Entry {
  kind: ActKind;
  /** The languages the phrase suggests; empty for shared phrases ("ok", "thanks"). */
  langs: string[];
  /** May close a longer message (thanks, goodbyes, and the waits of CLOSING_WAITS). */
  closes: boolean;
  /** An act only as the whole message (ACT_ALONE). */
  alone?: boolean;
}

/** Acts that may also close a message ("where is my order? thanks 🙏"). */
const TRAILING: ReadonlySet<ActKind> = new Set(['thanks', 'goodbye', 'emoji']);

/** Normalised phrase ("theek hai") → act and languages. Built once; a phrase keeps its first act. */
const PHRASES = new Map<string, Entry>();
function addPhrase(lang: string, kind: ActKind, phrase: string, closes: boolean, alone = false): void {
  const key = phrase.split(/\s+/u).map(actToken).filter(Boolean).join(' ');
  const entry = PHRASES.get(key) ?? { kind, langs: [], closes, ...(alone ? { alone } : {}) };
  if (lang !== 'shared' && !entry.langs.includes(lang)) entry.langs.push(lang);
  PHRASES.set(key, entry);
}
// A promise to come back is a wait that may close a message, whatever other list also has it ("batata hu").
for (const [lang, phrases] of Object.entries(CLOSING_WAITS)) for (const phrase of phrases) addPhrase(lang, 'wait', phrase, true);
for (const [lang, byKind] of Object.entries(ACT_PHRASES)) {
  for (const [kind, phrases] of Object.entries(byKind) as [ActKind, readonly string[]][]) {
    for (const phrase of phrases) addPhrase(lang, kind, phrase, TRAILING.has(kind));
  }
}
for (const [lang, byKind] of Object.entries(ACT_ALONE)) {
  for (const [kind, phrases] of Object.entries(byKind) as [ActKind, readonly string[]][]) for (const phrase of phrases) addPhrase(lang, kind, phrase, false, true);
}
/**
 * Every phrase's first words and last words ("theek", "theek hai"; "hai"): a phrase is looked up
 * word by word, and the look-up stops at the first words no phrase starts (or ends) with.
 */
const PHRASE_STARTS = new Set<string>();
const PHRASE_ENDS = new Set<string>();
for (const key of PHRASES.keys()) {
  const words = key.split(' ');
  for (let n = 1; n <= words.length; n++) {
    PHRASE_STARTS.add(words.slice(0, n).join(' '));
    PHRASE_ENDS.add(words.slice(words.length - n).join(' '));
  }
}
const FILLERS = new Set(ACT_FILLERS.map(actToken).filter(Boolean));
const isFiller = (t: Token | undefined): boolean => t !== undefined && !t.emoji && FILLERS.has(t.norm);
const EMOJI = new Map<string, ActKind>();
for (const [kind, emoji] of Object.entries(ACT_EMOJI) as [ActKind, readonly string[]][]) {
  for (const e of emoji) EMOJI.set(String.fromCodePoint(e.codePointAt(0) as number), kind);
}

/** Yes and no open a message only when set apart ("no, I want to cancel"), not in "no refund yet". */
const NEEDS_SEPARATOR: ReadonlySet<ActKind> = new Set(['yes', 'no']);
const SEPARATOR = /[^\s]/u;

interface Match {
  kind: ActKind;
  closes: boolean;
  langs: readonly string[];
  /** Token indexes [from, to). */
  from: number;
  to: number;
}

/** The act that starts at token i (the longest phrase wins), or null; `whole`: the message is only acts, fillers and emoji (ACT_ALONE may count). */
function actAt(tokens: readonly Token[], i: number, limit: number, whole: boolean): Match | null {
  const first = tokens[i] as Token;
  if (first.emoji) return { kind: EMOJI.get(first.norm) ?? 'emoji', closes: true, langs: [], from: i, to: i + 1 };
  let key = first.norm;
  let found: Entry | undefined;
  let length = 0;
  const longest = Math.min(MAX_ACT_PHRASE_WORDS, limit - i);
  for (let n = 1; n <= longest; n++) {
    if (n > 1) {
      const t = tokens[i + n - 1] as Token;
      if (t.emoji) break;
      key += ` ${t.norm}`;
    }
    const entry = PHRASES.get(key);
    if (entry && (!entry.alone || whole)) {
      found = entry;
      length = n;
    }
    if (!PHRASE_STARTS.has(key)) break;
  }
  return found ? { kind: found.kind, closes: found.closes, langs: found.langs, from: i, to: i + length } : null;
}

/** The act that ends at token j (inclusive), not reaching before token `floor`, or null. */
function actEndingAt(tokens: readonly Token[], j: number, floor: number): Match | null {
  const last = tokens[j] as Token;
  if (last.emoji) return { kind: EMOJI.get(last.norm) ?? 'emoji', closes: true, langs: [], from: j, to: j + 1 };
  let key = last.norm;
  let found: Entry | undefined;
  let length = 0;
  const longest = Math.min(MAX_ACT_PHRASE_WORDS, j - floor + 1);
  for (let n = 1; n <= longest; n++) {
    if (n > 1) {
      const t = tokens[j - n + 1] as Token;
      if (t.emoji) break;
      key = `${t.norm} ${key}`;
    }
    const entry = PHRASES.get(key);
    if (entry && !entry.alone) {
      found = entry;
      length = n;
    }
    if (!PHRASE_ENDS.has(key)) break;
  }
  return found ? { kind: found.kind, closes: found.closes, langs: found.langs, from: j - length + 1, to: j + 1 } : null;
}

/**
 * Reads the conversational acts at the start and the end of a message: "ok", "thanks", "haan",
 * "ٹھیک ہے", "हुन्छ", "👍"… Pure and linear in the message's length.
 *
 * - A message made only of acts (and punctuation) has rest '' and its acts in order.
 * - Acts opening a longer message are cut off ("hi, where is my order?" → rest "where is my
 *   order?"); yes/no only when set apart by punctuation ("no, cancel it"), never "no refund yet".
 * - Thanks, goodbyes and emoji closing a message are cut off too ("where is it? thanks 🙏"), and so
 *   is a promise to come back with an answer ("I'll ask my husband and let you know", CLOSING_WAITS).
 * - Nothing in the middle of a message is touched.
 */
export function readActs(text: string): ActReading {
  const tokens = tokenize(text).filter((t, i, all) => (i > 0 && i < all.length - 1) || t.norm !== '');
  if (tokens.length === 0) {
    const rest = text.trim();
    const start = rest === '' ? 0 : text.indexOf(rest);
    return { acts: [], closing: [], languages: [], rest, restStart: start, restEnd: start + rest.length };
  }
  const leading: Match[] = [];
  // "ہمم", "ہمم جی 👍": a word that is an act only alone, with nothing but fillers and emoji beside it.
  const whole = tokens.every((t) => t.emoji || isFiller(t) || PHRASES.get(t.norm)?.alone === true);
  let i = 0;
  while (i < tokens.length) {
    const m = actAt(tokens, i, tokens.length, whole);
    if (!m) break;
    leading.push(m);
    i = m.to;
    // "shukriya bhai", "ठिक छ हजुर": a word of address after an act belongs to it.
    while (i < tokens.length && isFiller(tokens[i])) {
      i++;
      m.to = i;
    }
  }
  // A yes/no running straight into the question is part of it ("no refund yet", "bas ek sawal").
  while (i < tokens.length && leading.length > 0) {
    const last = leading[leading.length - 1] as Match;
    if (!NEEDS_SEPARATOR.has(last.kind)) break;
    const gap = text.slice((tokens[last.to - 1] as Token).end, (tokens[i] as Token).start);
    if (SEPARATOR.test(gap)) break;
    leading.pop();
    i = last.from;
  }
  const trailing: Match[] = [];
  let j = tokens.length - 1;
  while (j >= i) {
    let k = j;
    while (k > i && isFiller(tokens[k])) k--;
    const m = actEndingAt(tokens, k, i);
    if (!m || !m.closes) break;
    trailing.unshift({ ...m, to: j + 1 });
    j = m.from - 1;
  }
  const matches = [...leading, ...trailing];
  const acts = matches.map((m) => m.kind);
  const languages = matches.length === 0 ? [] : [...new Set(matches.flatMap((m) => m.langs))];
  // Only words of address or intensifiers left between the acts ("धेरै धेरै धन्यवाद है"): nothing else was said.
  if (i > j || (matches.length > 0 && tokens.slice(i, j + 1).every((t) => isFiller(t)))) return { acts, closing: [], languages, rest: '', restStart: 0, restEnd: 0 };
  const from = (tokens[i] as Token).start;
  const to = trailing.length > 0 ? (tokens[(trailing[0] as Match).from] as Token).start : text.length;
  const raw = text.slice(from, to);
  const rest = raw.trimEnd();
  return { acts, closing: trailing.map((m) => m.kind), languages, rest, restStart: from, restEnd: from + rest.length };
}

/** Which act a message of only acts mainly is: a goodbye, then wait, a question announced, no, thanks, yes, greeting, ack, emoji. */
const PRIORITY: readonly ActKind[] = ['goodbye', 'wait', 'ask', 'no', 'thanks', 'yes', 'greeting', 'ack', 'emoji'];

export function mainAct(acts: readonly ActKind[]): ActKind | null {
  for (const kind of PRIORITY) if (acts.includes(kind)) return kind;
  return null;
}
