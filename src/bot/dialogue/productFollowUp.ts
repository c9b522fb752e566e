import { bearsQuestion } from '../../nlu/clauses';
import type { Span } from '../../nlu/facts';

/**
 * "What about the fridge?", "aur laptop ka?", "और टीवी?", "اور فریج کا؟", "ani fridge ko?": right after
 * an answer that depends on the product, a message that only names another product asks the same
 * question about it. Such a message has no words of the question itself, so the classifier cannot
 * read it; what is left once the product is cut out is only these words, in every catalog language.
 */
export const FOLLOW_UP_WORDS: ReadonlySet<string> = new Set([
  // English
  'what', 'whats', 'about', 'how', 'and', 'for', 'the', 'a', 'an', 'my', 'on', 'of', 'with', 'then', 'also', 'too', 'same',
  'is', 'it', 'its', 's', 'that', 'this', 'one', 'question', 'pls', 'please', 'ok', 'okay',
  // Hinglish
  'aur', 'or', 'ka', 'ki', 'ke', 'kya', 'liye', 'pe', 'par', 'me', 'mein', 'bhi', 'wala', 'wali', 'wale', 'ab', 'phir', 'to', 'toh', 'mera', 'meri', 'mere', 'baare', 'bare', 'hai',
  // Hindi
  'और', 'का', 'की', 'के', 'क्या', 'लिए', 'पर', 'में', 'भी', 'वाला', 'वाली', 'वाले', 'तो', 'फिर', 'अब', 'मेरा', 'मेरी', 'मेरे', 'बारे', 'है',
  // Urdu
  'اور', 'کا', 'کی', 'کے', 'کیا', 'لیے', 'پر', 'میں', 'بھی', 'والا', 'والی', 'والے', 'تو', 'پھر', 'اب', 'میرا', 'میری', 'میرے', 'بارے', 'ہے',
  // Nepali (Devanagari and romanised)
  'अनि', 'र', 'को', 'मा', 'लागि', 'पनि', 'नि', 'त', 'चाहिँ', 'चाहिं', 'मेरो', 'बारेमा', 'हो', 'छ',
  'ani', 'ra', 'ko', 'ma', 'lagi', 'pani', 'ni', 'chai', 'ta', 'mero', 'barema', 'ho',
]);

export const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Most words a follow-up may have besides the product: longer messages say something of their own. */
const MAX_OTHER_WORDS = 4;

/** True when `text` names a product (at `products`) and, around it, says nothing but follow-up words. */
export function isProductFollowUp(text: string, products: readonly Span[]): boolean {
  if (products.length === 0) return false;
  let rest = text;
  for (const span of [...products].sort((a, b) => b.start - a.start)) rest = rest.slice(0, span.start) + ' ' + rest.slice(span.end);
  const words = rest.normalize('NFC').toLowerCase().match(WORD) ?? [];
  return words.length <= MAX_OTHER_WORDS && words.every((w) => FOLLOW_UP_WORDS.has(w));
}

/**
 * Words that open a follow-up in every catalog language: "and …", "what about …", "how about …",
 * "aur …", "और …", "اور …", "अनि …", "ani …".
 */
const OPENERS = [
  ['and'], ['what', 'about'], ['how', 'about'], ['whats', 'about'], ['what', 'of'], ['same', 'for'], ['also'],
  ['aur'], ['और'], ['اور'], ['अनि'], ['र'], ['ani'], ['ra'],
];

/** Most words a follow-up that opens with "and"/"what about" may have: longer messages tell something new. */
export const MAX_OPENED_FOLLOW_UP_WORDS = 12;

/**
 * True when `text` opens like a follow-up ("and", "what about", "aur", "और", "اور", "अनि"), names a
 * product (at `products`) and is short: "ok and what about the ac i bought last summer?", "और जो
 * फ्रिज पिछले साल लिया था उसका?". What else it says describes the product rather than asking
 * something new, so the dialogue takes it as the same question only when the message is not
 * understood as a question of its own.
 */
export function opensProductFollowUp(text: string, products: readonly Span[]): boolean {
  if (products.length === 0) return false;
  const words = text.normalize('NFC').toLowerCase().match(WORD) ?? [];
  return words.length <= MAX_OPENED_FOLLOW_UP_WORDS && opensWithFollowUpWords(words);
}

/** True when the words open like a follow-up: "and …", "what about …", "aur …", "और …", "اور …", "अनि …". */
export function opensFollowUp(text: string): boolean {
  return opensWithFollowUpWords(text.normalize('NFC').toLowerCase().match(WORD) ?? []);
}

function opensWithFollowUpWords(words: readonly string[]): boolean {
  return OPENERS.some((opener) => opener.every((w, i) => words[i] === w));
}

/**
 * True when an opened follow-up (opensProductFollowUp) says nothing but the product and what
 * describes it: "and what about the fridge we got from your delhi store?", "और जो फ्रिज पिछले साल
 * लिया था उसका?". With its opener words and the product cut out, the rest asks no question of its
 * own (no question word, no opening "can"/"is"…; its question mark belongs to the opener). Such a
 * message is the same question about that product however the classifier reads the describing
 * words ("delhi store" is not a question about stores).
 */
export function describesProductOnly(text: string, products: readonly Span[]): boolean {
  return opensProductFollowUp(text, products) && namesWithoutAsking(text, products);
}

/**
 * True when `text` names a product (at `products`), is short, and with its opener words and the
 * product cut out asks no question of its own: "the inverter ac we bought last year", "and what
 * about the fridge from your delhi store?". Beside a question the message asks, such a part only
 * says which product it is about.
 */
export function namesWithoutAsking(text: string, products: readonly Span[]): boolean {
  if (products.length === 0 || (text.match(WORD) ?? []).length > MAX_OPENED_FOLLOW_UP_WORDS) return false;
  let rest = text.normalize('NFC');
  for (const span of [...products].sort((a, b) => b.start - a.start)) rest = rest.slice(0, span.start) + ' ' + rest.slice(span.end);
  const clauses = rest.toLowerCase().replace(/[?？؟]\s*$/u, '').split(/[,;.!\n،۔]+/u);
  return clauses.every((clause, i) => {
    let words: string[] = clause.match(WORD) ?? [];
    // "and what about …": every opener in a row at the start of the message.
    if (i === 0) for (let opener = openerAt(words); opener > 0; opener = openerAt(words)) words = words.slice(opener);
    return !bearsQuestion(words.join(' '));
  });
}

/** How many words an opener ("and", "what about", "aur"…) takes at the start of `words`; 0 when none. */
export function openerAt(words: readonly string[]): number {
  return OPENERS.filter((o) => o.every((w, i) => words[i] === w)).reduce((n, o) => Math.max(n, o.length), 0);
}

/** The words after the opener ("and", "what about", "aur", "और", "اور", "ani"…), or the whole text when it has none. */
export function afterOpener(text: string): string {
  const words = text.normalize('NFC').toLowerCase().match(WORD) ?? [];
  const opener = openerAt(words);
  return opener === 0 ? text : words.slice(opener).join(' ');
}
