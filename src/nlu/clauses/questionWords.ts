import { actToken, tokenize } from '../acts/actToken';

/** Words that make a clause a question or a request wherever they stand (Hindi, Urdu and Nepali put them mid-sentence). */
const ANYWHERE = [
  'what', 'when', 'where', 'why', 'how', 'which', 'who', 'whats', 'wheres', 'hows', 'tell', 'please', 'pls', 'plz', 'want', 'need',
  'क्या', 'कब', 'कहाँ', 'कहां', 'कैसे', 'क्यों', 'कौन', 'कितना', 'कितने', 'कितनी', 'किस', 'बताइए', 'बताओ', 'बताएं', 'बताइये', 'चाहिए',
  'kya', 'kab', 'kahan', 'kaha', 'kaise', 'kyun', 'kyon', 'kaun', 'kitna', 'kitne', 'kitni', 'kis', 'batao', 'bataiye', 'bataye', 'chahiye',
  'کیا', 'کب', 'کہاں', 'کیسے', 'کیوں', 'کون', 'کتنا', 'کتنے', 'کتنی', 'کس', 'بتائیں', 'بتاؤ', 'بتائیے', 'چاہیے',
  'कहिले', 'कसरी', 'किन', 'कति', 'कुन', 'भन्नुहोस्', 'बताउनुहोस्', 'चाहियो', 'सकिन्छ', 'kahile', 'kasari', 'kati', 'kun',
];
/** English auxiliaries that make a question only when they open the clause ("can I pay by UPI"). */
const OPENING = ['can', 'could', 'do', 'does', 'did', 'is', 'are', 'will', 'would', 'should', 'shall', 'may', 'have', 'has', 'any'];

const ANYWHERE_SET = new Set(ANYWHERE.map(actToken));
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
