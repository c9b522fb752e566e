import { actToken, tokenize } from '../acts/actToken';
import { bearsQuestion } from './questionWords';

/**
 * Words that point back at something said before ("how much does *it* cost", "*इसके* कितने पैसे",
 * "*iske* kitne paise", "*اس* کے کتنے پیسے", "*यसको* कति पैसा"), each with how the thing it points
 * at is written in its place ("{}" is the thing): Hindi and Hinglish keep the postposition the
 * pronoun carried (इसके → "{} के"), Nepali joins it to the noun (यसको → "{}को"). Hinglish "use"
 * (= उसे) is left out: it is the English verb far more often.
 */
export const REFERRING_WORDS: Readonly<Record<string, string>> = {
  // English
  it: '{}', its: '{}', them: '{}', they: '{}', this: '{}', that: '{}', these: '{}', those: '{}',
  // Hindi
  इसका: '{} का', इसके: '{} के', इसकी: '{} की', इसे: '{} को', इसको: '{} को', इसमें: '{} में', इसपर: '{} पर',
  उसका: '{} का', उसके: '{} के', उसकी: '{} की', उसे: '{} को', उसको: '{} को', उसमें: '{} में',
  इनका: '{} का', इनके: '{} के', इन्हें: '{} को', उनका: '{} का', उनके: '{} के', उन्हें: '{} को', यह: '{}', ये: '{}', वह: '{}', वो: '{}',
  // Hindi in Latin letters
  iska: '{} ka', iske: '{} ke', iski: '{} ki', ise: '{} ko', isko: '{} ko', isme: '{} me', ismein: '{} me', ispe: '{} pe', ispar: '{} par',
  uska: '{} ka', uske: '{} ke', uski: '{} ki', usko: '{} ko', usme: '{} me', inka: '{} ka', inke: '{} ke', inhe: '{} ko',
  unka: '{} ka', unke: '{} ke', unhe: '{} ko', ye: '{}', yeh: '{}', wo: '{}', woh: '{}',
  // Urdu (اس کا, اس کے: the postposition is a word of its own and stays)
  اس: '{}', اسے: '{} کو', اسکا: '{} کا', اسکے: '{} کے', اسکی: '{} کی', ان: '{}', انہیں: '{} کو', انکا: '{} کا', انکے: '{} کے',
  یہ: '{}', وہ: '{}',
  // Nepali
  यसको: '{}को', यसलाई: '{}लाई', यसमा: '{}मा', यसका: '{}का', त्यसको: '{}को', त्यसलाई: '{}लाई', त्यसमा: '{}मा', यिनको: '{}को',
  यो: '{}', त्यो: '{}', उक्त: '{}',
};

const REFERRING = new Map(Object.entries(REFERRING_WORDS).map(([word, template]) => [actToken(word), template]));

/** The first word of the text that points back at something said before, with its place in the text. */
export function findReferringWord(text: string): { start: number; end: number; template: string } | undefined {
  for (const t of tokenize(text)) {
    const template = REFERRING.get(t.norm);
    if (template !== undefined) return { start: t.start, end: t.end, template };
  }
  return undefined;
}

/** Words that only join the message to what came before ("and", "aur", "और", "اور", "अनि"). */
const JOINING = new Set(['and', 'also', 'so', 'then', 'aur', 'or', 'to', 'और', 'तो', 'اور', 'تو', 'अनि', 'ani', 'ra', 'र'].map(actToken));

/**
 * The text with its first referring word replaced by the thing it points at; undefined when it has
 * none. Words that only joined the message to the one before ("aur uska kya hua" → "order ka kya
 * hua") go with it, and a postposition Nepali joins to the noun stays a word of its own after a
 * thing in another script ("यसको" → "order को", not "orderको").
 */
export function resolveReference(text: string, referent: string): string | undefined {
  const found = findReferringWord(text);
  if (!found) return undefined;
  const before = text.slice(0, found.start);
  const joinsOnly = tokenize(before).every((t) => JOINING.has(t.norm));
  const glued = /^\{\}[^\s]/u.test(found.template) && !sameScript(referent, found.template.slice(2));
  const template = glued ? found.template.replace('{}', '{} ') : found.template;
  return `${joinsOnly ? '' : before}${template.split('{}').join(referent)}${text.slice(found.end)}`;
}

const SCRIPTS = [/\p{Script=Devanagari}/u, /\p{Script=Arabic}/u, /\p{Script=Latin}/u];
const sameScript = (a: string, b: string): boolean => SCRIPTS.some((re) => re.test(a) && re.test(b));

/** At most this many words of the clause before are tried as what a referring word points at. */
export const MAX_REFERENTS = 4;

/**
 * The words of a clause that a later clause's referring word could point at: its longest words
 * first (nouns are longer than the small words around them: "how long does delivery take" →
 * delivery, take, long), without question words, referring words, numbers and one-letter words,
 * at most MAX_REFERENTS.
 */
export function referentCandidates(clause: string): string[] {
  const words: string[] = [];
  for (const t of tokenize(clause)) {
    const word = t.raw;
    if (t.emoji || [...t.norm].length < 2 || /\p{N}/u.test(word) || REFERRING.has(t.norm) || bearsQuestion(word)) continue;
    if (!words.includes(word)) words.push(word);
  }
  // Longest first; between words of one length, the later one first (it is nearer the reference).
  return words
    .map((word, i) => ({ word, i, length: [...word].length }))
    .sort((a, b) => b.length - a.length || b.i - a.i)
    .slice(0, MAX_REFERENTS)
    .map((x) => x.word);
}
