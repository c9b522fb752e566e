/**
 * Records what scoreSentiment and asksForPerson return for every example of the default catalog
 * plus generated tricky texts, into textMatching.snapshot.json. textMatchingSnapshot.test.ts then
 * checks that the current code still returns exactly that.
 *
 * Re-record ONLY after a deliberate change of behaviour (a lexicon edit, a new rule), never to make
 * a refactoring pass:  npx tsx test/unit/handoff/snapshots/recordTextMatchingSnapshot.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asksForPerson } from '../../../../src/handoff/escalation/detectPersonRequest';
import { PERSON_REQUEST_LEXICONS } from '../../../../src/handoff/escalation/personRequestLexicon';
import { scoreSentiment } from '../../../../src/handoff/sentiment';
import { SENTIMENT_LEXICONS } from '../../../../src/handoff/sentiment/lexicons';
import { loadCatalog } from '../../../../src/nlu/catalog';

/** One text and what the functions returned: [text, lang, score, label, anger, abusive, matched, asksForPerson]. */
export type SnapshotRow = [string, string, number, string, number, boolean, string[], boolean];

/** A deterministic PRNG (mulberry32), so the generated texts are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deletions, adjacent swaps, substitutions and insertions of one letter, at a few positions. */
function typosOf(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    out.add(word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    out.add(word.slice(0, i) + 'x' + word.slice(i + 1));
    out.add(word.slice(0, i) + 'e' + word.slice(i));
  }
  out.delete(word);
  return [...out];
}

const TRICKY = [
  '', '   ', '!!!', '??', '!?!?', 'OK', 'WHERE IS MY ORDER', 'WHERE IS MY ORDER!!!', 'where is my order??', 'agent', 'AGENT!!',
  'f***', 'f*** this', 'what the f@ck', 'this is sh!t', 'sh*t service', 'f**k', 'ffs', '😡😡', '🙏', '❤️', '❤', 'thanks ❤️ ❤',
  '👍 great', '🤬 worst service', 'not bad', 'not bad at all', 'not very good', 'very very bad', 'bura nahi', 'khush nahi hu',
  'no thanks', 'no, thanks', 'no I want an agent', 'no, I want an agent', 'no agent', 'no need for an agent', 'agent of change',
  'delivery agent was rude', 'human error', 'human  error', 'agnet', 'agnet pls', 'custmer care', 'costumer care', 'cusotmer service',
  'pleeeease agennnt', 'agggent', 'humna', 'huamn', 'hmuan please', 'representativ', 'reprsentative', 'supervisr', 'managr pls',
  'talk to someone', 'talk to someone, not a bot', 'not a bot, a human', 'I dont want a bot', "I don't want to talk to a bot",
  'I DON’T want to talk to a bot', 'bot nahi, insaan chahiye', 'bot band karo', 'stop the bot', 'stop the bot now', 'skip the bot please',
  'insaan nahi chahiye', 'mujhe agent se baat nahi karni', 'kisi se baat karwa do', 'kisi ko farak nahi padta', 'fed up', 'fed',
  'up fed', 'sick of this', 'sick', 'waste of time and money', 'waste of', 'never again!!!', 'nobody cares', 'no one cares',
  'frustrated', 'frustrating', 'frustrat', 'frust', 'annoyed!!', 'irritating', 'disappointed, not happy', 'not happy, disappointed',
  'very happy', 'bahut kharab', 'bahut bahut kharab service', 'बहुत खराब', 'खराब नहीं', 'बकवास', 'बकवास सर्विस', 'ख़राब', 'خراب', 'بہت خراب',
  'خراب نہیں', 'بکواس', 'नराम्रो छैन', 'धेरै नराम्रो', 'एजेन्टसँग कुरा गर्नु छ', 'एजेन्टसँग कुरा गर्नु छैन', 'मानिससँग कुरा गर्न पाउँ',
  'बोट बन्द', 'बोट बंद करो', 'बॉट बंद', 'بوٹ بند', 'نمائندے سے بات کریں', 'انسان چاہیے', 'انسان نہیں چاہیے', 'इंसान से बात', 'इंसान चाहिए',
  'इंसान नहीं चाहिए', 'डिलीवरी एजेंट', 'मेरा order अभी तक नहीं आया', 'mera ऑर्डर kab aayega', 'Café crème', 'naïve résumé',
  'don’t', "don't", 'dont', 'can`t', 'ca´nt', 'I’m ANGRY', 'ANGRY', 'angry angry angry', 'angry, angry. angry; angry! angry? angry',
  '१२३ नहीं', '٣ خراب', '۴ خراب', 'order SG-482913', 'https://example.com/agent', 'email me at agent@example.com', '#agent', '@agent',
  'agent\nplease', 'agent\r\nplease', 'agent (please)', '"agent"', '“agent”', 'agent।', 'agent۔', 'agent،', 'agent؟', 'एजेंट॥',
  'zero\u200bwidth agent', 'ag\u200bent', 'ﷺ', 'ﻻ', 'Ａｇｅｎｔ', 'ＡＮＧＲＹ', 'ﬁne', 'ßtraße', 'İstanbul', 'ΣΊΣΥΦΟΣ', 'agent😡',
  'agent🙏', 'the the the the the the the the the the the the the the the the the the the the the the', 'a'.repeat(300),
  'agent '.repeat(40), 'not '.repeat(10) + 'happy', 'very '.repeat(10) + 'bad', 'happy ' + 'nahi '.repeat(5),
  'I am not at all very happy', 'I am not really very happy', 'not  the  worst', 'no more than great',
  'can i have a human', 'is there a human', 'is there anyone', 'are there any agents', 'put me through to someone', 'hand me over to a person',
  'looking for a real person', 'looking for', 'customer care executive', 'customer care', 'customer', 'care executive', 'live', 'live chat please',
  'i need a human being', 'human being', 'member of staff', 'a member of your staff please', 'speak with a member of staff',
];

function placeholder(entry: string): string {
  // A `*` entry is written as customers would type it, with an ending.
  return entry.endsWith('*') ? `${entry.slice(0, -1)}${/[a-z]$/i.test(entry.slice(0, -1)) ? 'ed' : 'सँग'}` : entry;
}

function lexiconTexts(): { text: string; lang: string }[] {
  const out: { text: string; lang: string }[] = [];
  for (const [lang, lexicon] of Object.entries(SENTIMENT_LEXICONS)) {
    const words = [...Object.keys(lexicon.anger), ...Object.keys(lexicon.positive), ...Object.keys(lexicon.courtesy), ...lexicon.abuse].map(placeholder);
    for (const w of words) {
      const negatorAfter = lexicon.negatorsAfter[0] ?? 'nahi';
      for (const text of [w, `${w}!!`, `not ${w}`, `very ${w}`, `${lexicon.intensifiers[0] ?? ''} ${w}`, `${lexicon.negatorsBefore[0] ?? ''} ${w}`, `${w} ${negatorAfter}`, `${w}, ${negatorAfter}`]) {
        out.push({ text, lang });
      }
    }
  }
  for (const [lang, lexicon] of Object.entries(PERSON_REQUEST_LEXICONS)) {
    const people = lexicon.people.map(placeholder);
    const someone = lexicon.someone.map(placeholder);
    const talk = lexicon.talk[0] ?? '';
    const want = lexicon.want[0] ?? '';
    for (const w of [...people, ...someone, ...lexicon.bot.map(placeholder), ...lexicon.leaveBot]) {
      const negatorAfter = SENTIMENT_LEXICONS[lang]?.negatorsAfter[0] ?? 'nahi';
      for (const text of [w, `${w} please`, `${w} ${talk}`, `${talk} ${w}`, `${w} ${want}`, `no ${w}`, `${w} ${want} ${negatorAfter}`, `${lexicon.notStaffBefore[0] ?? ''} ${w} ${talk}`, `${w} ${lexicon.notStaffAfter[0] ?? 'of'} ${want}`, `${w}, ${talk}`]) {
        out.push({ text, lang });
      }
    }
    for (const entry of lexicon.people) {
      if (!/^[a-z ]+$/.test(entry)) continue;
      const [first, ...rest] = entry.split(' ');
      for (const typo of typosOf(first!)) out.push({ text: `talk to ${[typo, ...rest].join(' ')}`, lang });
      if (rest.length > 0) for (const typo of typosOf(rest.join(' '))) out.push({ text: `${first} ${typo} please`, lang });
    }
  }
  return out;
}

/** Random word salads over every lexicon word, negator, intensifier, filler and some catalog words, with clause breaks. */
function fuzzTexts(catalogWords: readonly string[], count: number): { text: string; lang: string }[] {
  const next = random(20240607);
  const pool = new Set<string>();
  for (const l of Object.values(SENTIMENT_LEXICONS)) {
    for (const w of [...Object.keys(l.anger), ...Object.keys(l.positive), ...Object.keys(l.courtesy), ...l.abuse, ...l.intensifiers, ...l.negatorsBefore, ...l.negatorsAfter]) pool.add(placeholder(w));
  }
  for (const l of Object.values(PERSON_REQUEST_LEXICONS)) {
    for (const w of [...l.people, ...l.someone, ...l.talk, ...l.want, ...l.bot, ...l.leaveBot, ...l.notStaffBefore, ...l.notStaffAfter, ...l.filler, ...l.extraNegatorsAfter]) pool.add(placeholder(w));
    for (const entry of l.people) if (/^[a-z]+$/.test(entry) && entry.length >= 5) for (const t of typosOf(entry).slice(0, 3)) pool.add(t);
  }
  const words = [...pool, ...catalogWords];
  const breaks = [' ', ' ', ' ', ' ', ' ', ', ', '. ', '!! ', '? ', ' 😡 ', ' 🙏 ', ' - '];
  const langs = Object.keys(SENTIMENT_LEXICONS);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const out: { text: string; lang: string }[] = [];
  for (let n = 0; n < count; n++) {
    const length = 2 + Math.floor(next() * 18);
    let text = '';
    for (let i = 0; i < length; i++) {
      let w = pick(words);
      if (next() < 0.1) w = w.toUpperCase();
      text += (i === 0 ? '' : pick(breaks)) + w;
    }
    out.push({ text, lang: pick(langs) });
  }
  return out;
}

async function main(): Promise<void> {
  const catalog = await loadCatalog(join(__dirname, '../../../../intents'), {});
  const examples = catalog.intents.flatMap((intent) => Object.entries(intent.examples).flatMap(([lang, list]) => list.map((text) => ({ text, lang }))));
  const catalogWords = [...new Set(examples.flatMap((e) => e.text.split(/\s+/)))].sort();
  const texts = [...examples, ...TRICKY.map((text) => ({ text, lang: 'en' })), ...lexiconTexts(), ...fuzzTexts(catalogWords, 1500)];
  const rows: SnapshotRow[] = texts.map(({ text, lang }) => {
    const s = scoreSentiment(text, lang);
    return [text, lang, s.score, s.label, s.anger, s.abusive, s.matched, asksForPerson(text, lang)];
  });
  const file = join(__dirname, 'textMatching.snapshot.json');
  writeFileSync(file, `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
  const asks = rows.filter((r) => r[7]).length;
  const sentimentful = rows.filter((r) => r[6].length > 0).length;
  console.log(`${rows.length} rows (${examples.length} catalog examples), ${asks} ask for a person, ${sentimentful} with sentiment matches → ${file}`);
}

void main();
