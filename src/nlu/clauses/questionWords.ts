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
];
/** English auxiliaries that make a question only when they open the clause ("can I pay by UPI"). */
const OPENING = ['can', 'could', 'do', 'does', 'did', 'is', 'are', 'will', 'would', 'should', 'shall', 'may', 'have', 'has', 'any'];

const QUESTION_SET = new Set(QUESTION_WORDS.map(actToken));
const ANYWHERE_SET = new Set([...QUESTION_WORDS, ...REQUEST_WORDS].map(actToken));
const OPENING_SET = new Set(OPENING.map(actToken));

/**
 * Does the clause ask or request something (a question mark, a question word, an English
 * auxiliary or "I" opening it), as opposed to context ("it was due yesterday")?
 */
export function bearsQuestion(text: string, asked = false): boolean {
  if (asked || /[?？؟]/u.test(text)) return true;
  const tokens = tokenize(text);
  const first = tokens[0];
  if (first && OPENING_SET.has(first.norm)) return true;
  return tokens.some((t) => ANYWHERE_SET.has(t.norm));
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
  return tokens.some((t) => QUESTION_SET.has(t.norm));
}
