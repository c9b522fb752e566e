import { anyPhrase, phraseText } from './phraseMatch';
import { asksWhere } from '../../nlu/clauses';

/**
 * "I don't have the order number", "pata nahi", "याद नहीं", "معلوم نہیں", "थाहा छैन": the customer says
 * they do not have, know or find the value the bot asked for. Phrases per catalog language, matched
 * as whole words on a lower-cased text without apostrophes. Words about the order itself ("nahi
 * aaya", "आएको छैन", "never got it": it has not come) are left out: they are a question, not a
 * missing number.
 */
const NO_VALUE_PHRASES: readonly string[] = [
  // en
  'dont have', 'do not have', 'dont have it', 'havent got', 'have not got', 'dont know', 'do not know', 'dunno', 'no idea',
  'cant find', 'cannot find', 'can not find', 'couldnt find', 'could not find', 'unable to find', 'lost it',
  'forgot', 'forgotten', 'dont remember', 'do not remember', 'dont recall',
  // hi-Latn
  'nahi hai', 'nhi hai', 'nahi h', 'nhi h', 'pata nahi', 'pta nahi', 'pata nhi', 'pta nhi', 'nahi pata', 'nhi pata',
  'yaad nahi', 'yad nahi', 'yaad nhi', 'nahi mil raha', 'nhi mil raha', 'nahi mila', 'nhi mila', 'bhool gaya', 'bhul gaya',
  'bhool gayi', 'bhul gayi', 'bhul gya', 'malum nahi', 'maloom nahi',
  // hi
  'नहीं है', 'नही है', 'पता नहीं', 'नहीं पता', 'याद नहीं', 'नहीं मिल रहा', 'नहीं मिल रही', 'नहीं मिला', 'भूल गया', 'भूल गई',
  'मालूम नहीं',
  // ur
  'نہیں ہے', 'پتا نہیں', 'پتہ نہیں', 'معلوم نہیں', 'یاد نہیں', 'نہیں مل رہا', 'نہیں ملا', 'بھول گیا', 'بھول گئی',
  // ne, and romanised
  'थाहा छैन', 'थाहा भएन', 'याद छैन', 'नम्बर छैन', 'भेटिनँ', 'भेटिएन', 'बिर्सें', 'बिर्सिएँ',
  'thaha chaina', 'thaha chhaina', 'yaad chaina', 'number chaina', 'bhetina', 'birse',
];

/** Does the message say the customer does not have, know or find the value asked for? */
export const saysNoValue: (text: string) => boolean = anyPhrase(NO_VALUE_PHRASES);

/**
 * The words that name the value itself ("number", "नंबर", "نمبر", "नम्बर", "id", "email"): a
 * message that says it lacks one of them ("where is my order? I don't have the order number")
 * names what it lacks, even before the bot asked for it.
 */
const VALUE_NOUNS = new Set([
  'number', 'no', 'num', 'nr', 'id', 'email', 'mail', 'phone', 'mobile',
  'नंबर', 'नम्बर', 'नं', 'ईमेल', 'फोन', 'फ़ोन', 'मोबाइल', 'نمبر', 'ای', 'میل', 'فون', 'موبائل', 'इमेल',
]);

const CLAUSE_BREAK = /[.!?,;:\n।॥۔،؟]+/u;

/**
 * Does a clause of the message say the customer lacks the value, naming it with one of the words
 * the catalog asks for it with (`slotWords`, e.g. valueWordsBySlot)? "I don't have the order
 * number", "order number yaad nahi", "آرڈر نمبر معلوم نہیں", "अर्डर नम्बर थाहा छैन"; not "my order
 * has not come" (no value named) nor a value beside other news.
 */
export function namesMissingValue(text: string, slotWords: ReadonlySet<string> | undefined): boolean {
  if (!slotWords) return false;
  return text.split(CLAUSE_BREAK).some((clause) => {
    if (!saysNoValue(clause)) return false;
    return phraseText(clause)
      .trim()
      .split(' ')
      .some((w) => VALUE_NOUNS.has(w) && slotWords.has(w));
  });
}

/**
 * Besides a "where" word (asksWhere): the words that ask how to find something ("how do i find",
 * "kaise milega", "कसरी हेर्ने"). Matched as whole words (phraseText).
 */
const HOW_TO_FIND: readonly string[] = [
  'how do i find', 'how to find', 'how can i find', 'how do i get', 'how to get', 'how can i get', 'how do i check', 'how to check',
  'kaise milega', 'kaise dekhu', 'kaise dekhe', 'कैसे मिलेगा', 'कैसे देखूँ', 'कैसे देखें', 'कसरी हेर्ने', 'कसरी पाउने', 'کیسے ملے گا', 'کیسے دیکھوں',
];

const asksHowToFind: (text: string) => boolean = anyPhrase(HOW_TO_FIND);

/** The short forms customers write for "number" ("order no", "ऑर्डर नं"), as the word the prompts use. */
const SHORT_FOR: Readonly<Record<string, string>> = { no: 'number', num: 'number', nr: 'number', नं: 'नंबर' };

/**
 * Does a clause of the message ask where to find the value asked for, naming it with one of the
 * words the catalog asks for it with (`slotWords`)? "where do i find the order number", "ऑर्डर
 * नंबर कहाँ देखूँ?", "order number kahan milega", "آرڈر نمبر کہاں ملے گا؟": the customer answers the
 * bot's question with a question, and is told where it is, as one who does not have it.
 */
export function asksWhereValueIs(text: string, slotWords: ReadonlySet<string> | undefined): boolean {
  if (!slotWords) return false;
  return text.split(CLAUSE_BREAK).some(
    (clause) =>
      (asksWhere(clause) || asksHowToFind(clause)) &&
      phraseText(clause)
        .trim()
        .split(' ')
        .some((w) => VALUE_NOUNS.has(w) && slotWords.has(SHORT_FOR[w] ?? w)),
  );
}
