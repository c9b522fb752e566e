import { actToken, tokenize } from '../acts/actToken';

/**
 * A clause that tells the bot not to do something ("don't cancel it", "रद्द मत कीजिए", "cancel mat
 * karo", "کینسل نہ کریں", "रद्द नगर्नुस्", "cancel nagarnus"): the customer takes a request back,
 * so the words of the request in it ("cancel") are not a question to answer.
 *
 * Only short clauses with no question mark count: a long one says more than the withdrawal.
 */
export const MAX_WITHDRAWAL_WORDS = 8;

/** English: the clause opens (after these words) with a prohibition. */
const EN_OPENERS = new Set(['no', 'wait', 'actually', 'please', 'pls', 'plz', 'oh', 'oops', 'sorry', 'ok', 'okay', 'hey', 'but'].map(actToken));
const EN_PROHIBITIONS = [['dont'], ['do', 'not'], ['no', 'need', 'to']].map((p) => p.map(actToken));
/** Words that prohibit wherever they stand (Hindi मत, Urdu مت, romanised mat; Nepali imperatives with न-). */
const ANYWHERE = new Set(
  [
  'मत', 'mat', 'مت',
  'नगर्नुस्', 'नगर्नुहोस्', 'नगर्नू', 'नगर', 'नगरिदिनुस्', 'नगरिदिनुहोस्', 'nagarnus', 'nagarnuhos', 'nagara', 'nagarnu', 'nagaridinus',
  ].map(actToken),
);
/**
 * "rehne do", "रहने दीजिए", "رہنے دیں", "छोड्नुस्", "leave it": letting a request drop, said as a
 * whole clause (after the openers), never as words inside a longer one.
 */
const LET_IT_DROP = new Set(
  [
    'leave it', 'forget it', 'never mind it', 'let it be',
    'rehne do', 'rehne dijiye', 'rehne dijie', 'rahne do', 'rahne dijiye', 'chhodo', 'chodo', 'chhod do', 'chod do', 'chhodiye', 'chodiye',
    'रहने दो', 'रहने दीजिए', 'रहने दीजिये', 'रहने दें', 'छोड़ो', 'छोड़ दो', 'छोड़िए', 'छोड़ दीजिए',
    'رہنے دیں', 'رہنے دو', 'رہنے دیجیے', 'چھوڑیں', 'چھوڑو', 'چھوڑ دیں',
    'छोड्नुस्', 'छोडिदिनुस्', 'भैगो', 'भयो भयो', 'chhodnus', 'bhaigo',
  ].map((p) => p.split(/\s+/u).map(actToken).join(' ')),
);

/** "न"/"نہ" prohibit only before a polite imperative ("न करें", "نہ کریں"); elsewhere they negate a fact ("پیسے نہ ملے"). */
const NA = new Set(['न', 'نہ', 'na'].map(actToken));
const IMPERATIVES = new Set([
  'करें', 'करे', 'कीजिए', 'कीजिये', 'करो', 'करना', 'کریں', 'کرو', 'کیجیے', 'کیجئے', 'کرنا', 'karein', 'karen', 'kijiye', 'karo', 'karna',
].map(actToken));

/** "don't know", "don't have": a state, not a prohibition ("dont know my order number"). */
const EN_STATES = new Set(
  ['know', 'have', 'remember', 'understand', 'get', 'got', 'see', 'receive', 'recieve', 'like', 'want', 'need', 'think', 'find', 'care', 'worry'].map(actToken),
);

/** Does the clause take a request back (tell the bot not to do something)? */
export function withdrawsRequest(text: string): boolean {
  if (/[?？؟]/u.test(text)) return false;
  const words = tokenize(text).map((t) => t.norm);
  if (words.length === 0 || words.length > MAX_WITHDRAWAL_WORDS) return false;
  if (words.some((w) => ANYWHERE.has(w))) return true;
  if (words.some((w, i) => NA.has(w) && IMPERATIVES.has(words[i + 1] ?? ''))) return true;
  let i = 0;
  while (i < words.length && EN_OPENERS.has(words[i]!)) i++;
  if (LET_IT_DROP.has(words.slice(i).join(' '))) return true;
  // "no need to cancel": "no" is both an opener and the prohibition's first word.
  const from = (start: number) =>
    EN_PROHIBITIONS.some((p) => p.every((w, k) => words[start + k] === w) && !EN_STATES.has(words[start + p.length] ?? ''));
  return from(i) || (i > 0 && from(i - 1));
}
