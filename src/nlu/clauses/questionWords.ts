import { actToken, tokenize } from '../acts/actToken';

/** Question words that make a clause a question wherever they stand (Hindi, Urdu and Nepali put them mid-sentence). */
const QUESTION_WORDS = [
  'what', 'when', 'where', 'why', 'how', 'which', 'who', 'whats', 'wheres', 'hows',
  'क्या', 'कब', 'कहाँ', 'कहां', 'कैसे', 'क्यों', 'कौन', 'कितना', 'कितने', 'कितनी', 'किस',
  'kya', 'kab', 'kahan', 'kaha', 'kaise', 'kyun', 'kyon', 'kaun', 'kitna', 'kitne', 'kitni', 'kis',
  'کیا', 'کب', 'کہاں', 'کیسے', 'کیوں', 'کون', 'کتنا', 'کتنے', 'کتنی', 'کس',
  'कहिले', 'कसरी', 'किन', 'कति', 'कुन', 'kahile', 'kasari', 'kati', 'kun',
];
/** Words that make a clause a request wherever they stand ("tell me", "please", "chahiye", "भन्नुहोस्"). */
const REQUEST_WORDS = [
  'tell', 'please', 'pls', 'plz', 'want', 'need', 'बताइए', 'बताओ', 'बताएं', 'बताइये', 'चाहिए', 'batao', 'bataiye', 'bataye', 'chahiye',
  'بتائیں', 'بتاؤ', 'بتائیے', 'چاہیے', 'भन्नुहोस्', 'बताउनुहोस्', 'चाहियो', 'सकिन्छ',
  // "I want to …": मैं रिटर्न करना चाहता हूँ, main exchange chahti hoon, میں واپس کرنا چاہتا ہوں, फिर्ता गर्न चाहन्छु
  'चाहता', 'चाहती', 'चाहते', 'chahta', 'chahti', 'chahte', 'چاہتا', 'چاہتی', 'چاہتے', 'चाहन्छु', 'chahanchu', 'chahancha',
  // polite imperatives: bata dijiye, भेज दीजिए, چیک کر دیجیے, हेरिदिनुस्
  'dijiye', 'dijie', 'dijiyega', 'kijiye', 'kijie', 'दीजिए', 'दीजिये', 'दीजियेगा', 'कीजिए', 'कीजिये', 'دیجیے', 'دیجئے', 'کیجیے', 'کیجئے',
  'dinuhos', 'dinus', 'garnuhos', 'garnus',
];
/**
 * Verbs of giving that close a request ("ek joke suna do", "kisi se baat karwa do", "बता दो", "भेज
 * दें", "بتا دیں"): the clause's last word, after another. Only there: elsewhere "do" is English, and
 * दो / دو are also "two".
 */
const CLOSING_REQUEST = ['do', 'dena', 'दो', 'दें', 'देना', 'دو', 'دیں', 'دینا'];
/** Nepali polite imperatives end so: गर्नुहोस्, पठाइदिनुहोस्, हेर्नुस्. */
const NEPALI_IMPERATIVE = /(?:नुहोस्|नुस्)$/u;
/**
 * A verb of doing or getting, as an infinitive, and "is": "I have to …", a request wherever it stands
 * (मुझे रिटर्न करना है, mujhe exchange lena hai, مجھے واپس کرنا ہے, मलाई फिर्ता गर्नु छ).
 */
const REQUEST_PAIRS: readonly (readonly [string, string])[] = [
  ...['करना', 'करनी', 'करवाना', 'करवानी', 'लेना', 'karna', 'karni', 'karwana', 'karwani', 'krna', 'lena'].flatMap((v) => [
    [v, 'है'] as const,
    [v, 'hai'] as const,
    [v, 'h'] as const,
    [v, 'he'] as const,
  ]),
  ...['کرنا', 'کرنی', 'کروانا', 'لینا'].map((v) => [v, 'ہے'] as const),
  ...['गर्नु', 'garnu'].flatMap((v) => [[v, 'छ'] as const, [v, 'cha'] as const, [v, 'chha'] as const, [v, 'xa'] as const]),
];
/**
 * "… or not", asked as customers ask yes or no without a question word or mark: "cash on delivery
 * hota hai ya nahi", "COD है या नहीं", "کیش آن ڈیلیوری ہے یا نہیں", "COD cha ki chaina", "do you
 * deliver on sundays or not". An "or" and a "not" make the question wherever they stand; after
 * "ki", कि, کہ (also "that" in Hindi and Urdu: "maine socha ki nahi milega") and before a bare "na"
 * (also "no") only as the clause's last two words.
 */
const EITHER_OR = ['or', 'ya', 'या', 'یا', 'वा'];
const EITHER_OR_CLOSING = ['ki', 'ke', 'कि', 'کہ'];
const NOT_WORDS = ['not', 'nahi', 'nahin', 'nhi', 'nai', 'नहीं', 'नही', 'نہیں', 'छैन', 'chaina', 'chhaina', 'xaina', 'होइन', 'hoina', 'हैन', 'haina'];
const NOT_CLOSING = ['na', 'ना', 'نا'];
/** Nepali's negative verbs: हुँदैन, मिल्दैन, hudaina, mildaina. */
const NEPALI_NEGATIVE = /(?:दैन|daina)$/u;
/** English auxiliaries that make a question only when they open the clause ("can I pay by UPI"). */
const OPENING = ['can', 'could', 'do', 'does', 'did', 'is', 'are', 'will', 'would', 'should', 'shall', 'may', 'have', 'has', 'any'];

/** "where", in every catalog language. */
const WHERE_WORDS = ['where', 'wheres', 'कहाँ', 'कहां', 'किधर', 'kahan', 'kaha', 'kahaan', 'kidhar', 'کہاں', 'کدھر', 'kata', 'कता'];

const QUESTION_SET = new Set(QUESTION_WORDS.map(actToken));
const WHERE_SET = new Set(WHERE_WORDS.map(actToken));
const ANYWHERE_SET = new Set([...QUESTION_WORDS, ...REQUEST_WORDS].map(actToken));
const OPENING_SET = new Set(OPENING.map(actToken));
const CLOSING_REQUEST_SET = new Set(CLOSING_REQUEST.map(actToken));
const EITHER_OR_SET = new Set(EITHER_OR.map(actToken));
const EITHER_OR_CLOSING_SET = new Set(EITHER_OR_CLOSING.map(actToken));
const NOT_SET = new Set(NOT_WORDS.map(actToken));
const NOT_CLOSING_SET = new Set(NOT_CLOSING.map(actToken));
const isNot = (norm: string): boolean => NOT_SET.has(norm) || NEPALI_NEGATIVE.test(norm);

/** Does the clause (its word tokens) ask "… or not" (EITHER_OR)? */
function asksOrNot(words: readonly { norm: string }[]): boolean {
  for (let i = 1; i < words.length; i++) {
    const or = (words[i - 1] as { norm: string }).norm;
    const not = (words[i] as { norm: string }).norm;
    if (EITHER_OR_SET.has(or) && isNot(not)) return true;
    if (i === words.length - 1 && (EITHER_OR_SET.has(or) || EITHER_OR_CLOSING_SET.has(or)) && (isNot(not) || NOT_CLOSING_SET.has(not))) return true;
  }
  return false;
}
/** First word of a pair → the words that complete it. */
const PAIRS = new Map<string, Set<string>>();
for (const [a, b] of REQUEST_PAIRS) {
  const seconds = PAIRS.get(actToken(a)) ?? new Set<string>();
  seconds.add(actToken(b));
  PAIRS.set(actToken(a), seconds);
}

/**
 * Does the clause ask or request something (a question mark, a question word, a request word or
 * "I have to …", an English auxiliary opening it), as opposed to context ("it was due yesterday")?
 */
export function bearsQuestion(text: string, asked = false): boolean {
  if (asked || /[?？؟]/u.test(text)) return true;
  const tokens = tokenize(text);
  const first = tokens[0];
  if (first && OPENING_SET.has(first.norm)) return true;
  const words = tokens.filter((t) => !t.emoji);
  const last = words[words.length - 1];
  if (words.length >= 2 && last && (CLOSING_REQUEST_SET.has(last.norm) || NEPALI_IMPERATIVE.test(last.norm))) return true;
  if (asksOrNot(words)) return true;
  return tokens.some((t, i) => ANYWHERE_SET.has(t.norm) || (i > 0 && PAIRS.get((tokens[i - 1] as (typeof tokens)[number]).norm)?.has(t.norm) === true));
}

/**
 * Does the clause ask a question (a question mark, a question word, an English auxiliary opening
 * it), not only request or state something ("i need the GST one", "its been 10 days")?
 */
export function asksQuestion(text: string): boolean {
  if (/[?？؟]/u.test(text)) return true;
  const tokens = tokenize(text);
  const first = tokens[0];
  if (first && OPENING_SET.has(first.norm)) return true;
  if (asksOrNot(tokens.filter((t) => !t.emoji))) return true;
  return tokens.some((t) => QUESTION_SET.has(t.norm));
}

/** Does the clause ask where ("और कहाँ है?", "aur kahan hai", "کہاں ہے", "where is it")? */
export function asksWhere(text: string): boolean {
  return tokenize(text).some((t) => WHERE_SET.has(t.norm));
}
