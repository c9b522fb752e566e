import { ARABIC_LETTER_MAP, ARABIC_LETTERS } from '../scriptNormalization';

/**
 * The polite wrappers customers put around a request ("would it be possible to send them back",
 * "could you please tell me…", "I was wondering if…", "क्या ऐसा हो सकता है कि…", "kya aap bata sakte
 * hain ki…", "کیا یہ ممکن ہے کہ…", "के यस्तो हुन सक्छ कि…"): they carry no intent of their own, but
 * they make a short request long, and the classifier, trained on plain requests, reads it less
 * surely. Each wrapper is written as the plain request it stands for: a wrapper that asks whether
 * something may be done becomes "can i" ("would it be possible to send them back" → "can i send
 * them back"), every other wrapper is dropped.
 */
interface Wrapper {
  /** Words separated by single spaces; `(a|b)` alternatives and `(a|b|)` optional words allowed. */
  phrase: string;
  plain: string;
}

const CAN_I = 'can i';

export const POLITE_WRAPPERS: readonly Wrapper[] = [
  // English
  { phrase: '(would|will|is) it be (possible|ok|okay|alright|fine) (for me|) to', plain: CAN_I },
  { phrase: 'is it (possible|ok|okay|alright|fine) (for me|) to', plain: CAN_I },
  { phrase: '(i|we) (was|were|am|are) wondering (if|whether) (i|we) (could|can|might|may)', plain: CAN_I },
  { phrase: 'do you (think|know if|know whether) (i|we) (could|can|might)', plain: CAN_I },
  { phrase: '(i|we) (was|were|am|are) wondering (if|whether) (you|u) (could|can|would|might) (please|kindly|)', plain: '' },
  { phrase: '(i|we) (was|were|am|are) (just|) wondering (if|whether|)', plain: '' },
  { phrase: '(could|can|would|will) (you|u) (please|pls|plz|kindly|) (tell me|let me know)', plain: 'tell me' },
  { phrase: '(could|would) (you|u) (please|pls|plz|kindly)', plain: '' },
  { phrase: 'would (you|u) (mind|be able to|be so kind as to)', plain: '' },
  { phrase: '(i|id|i would) (like|love) to know', plain: '' },
  { phrase: '(i|we) (just|) wanted to (ask|know|check|find out) (if|whether|about|)', plain: '' },
  { phrase: '(may|can) (i|we) (please|) (know|ask)', plain: '' },
  // Indian English office wording around a request: "kindly do the needful", "please look into the matter", "pls revert asap"
  // (a phrase ends on a word it needs: an optional last word is never matched at the end of the text)
  { phrase: '(kindly|please|pls|plz|) do the needful (asap|at the earliest|urgently)', plain: '' },
  { phrase: '(kindly|please|pls|plz|) do the needful', plain: '' },
  { phrase: '(kindly|please|pls|plz) look into (the matter|this matter|the issue|this issue|my issue|my case|this|it) (asap|at the earliest|urgently)', plain: '' },
  { phrase: '(kindly|please|pls|plz) look into (the matter|this matter|the issue|this issue|my issue|my case|this|it)', plain: '' },
  { phrase: '(kindly|please|pls|plz) (revert|respond) (back|) (asap|at the earliest|urgently|soon)', plain: '' },
  { phrase: '(kindly|please|pls|plz) (revert|respond) back', plain: '' },
  { phrase: '(kindly|please|pls|plz) (revert|respond)', plain: '' },
  { phrase: 'kindly', plain: '' },
  // Hindi
  { phrase: 'क्या (ऐसा|यह|ये) (हो सकता है|संभव है|सम्भव है|मुमकिन है) (कि|)', plain: '' },
  { phrase: 'क्या आप (कृपया|प्लीज़|प्लीज|) (बता सकते हैं|बता सकते हो|बताएंगे|बताएँगे|बता सकेंगे) (कि|)', plain: 'बताइए' },
  { phrase: 'मैं (यह|ये|) (जानना चाहता|जानना चाहती|सोच रहा|सोच रही|पूछना चाहता|पूछना चाहती) (था|थी|हूँ|हूं) (कि|)', plain: '' },
  { phrase: '(अगर|यदि) हो सके तो', plain: '' },
  { phrase: 'कृपया', plain: '' },
  // Hindi in Latin letters
  { phrase: 'kya (aisa|ye|yeh) (ho sakta hai|possible hai|mumkin hai|sambhav hai) (ki|k|)', plain: '' },
  { phrase: 'kya aap (please|plz|pls|) (bata sakte hain|bata sakte hai|bata sakte ho|bataenge|batayenge) (ki|k|)', plain: 'batao' },
  { phrase: '(main|mai|me) (ye|yeh|) (janna chahta|jaanna chahta|janna chahti|jaanna chahti|soch raha|soch rahi|puchna chahta|poochna chahta|puchna chahti) (tha|thi|hu|hoon|hun) (ki|k|)', plain: '' },
  { phrase: 'mujhe (ye|yeh|) (janna|jaanna|puchna|poochna) (tha|hai) (ki|k|)', plain: '' },
  { phrase: '(agar|agr) ho sake (to|toh)', plain: '' },
  { phrase: 'kripya', plain: '' },
  // Urdu
  { phrase: 'کیا (ایسا|یہ) (ہو سکتا ہے|ممکن ہے) (کہ|)', plain: '' },
  { phrase: 'کیا آپ (براہ کرم|) (بتا سکتے ہیں|بتا سکتی ہیں|بتائیں گے) (کہ|)', plain: 'بتائیں' },
  { phrase: 'میں (یہ|) (جاننا چاہتا|جاننا چاہتی|سوچ رہا|سوچ رہی|پوچھنا چاہتا|پوچھنا چاہتی) (تھا|تھی|ہوں) (کہ|)', plain: '' },
  { phrase: 'مجھے (یہ|) (جاننا|پوچھنا) (تھا|ہے) (کہ|)', plain: '' },
  { phrase: 'اگر ہو سکے تو', plain: '' },
  { phrase: '(براہ کرم|براہِ کرم|مہربانی کر کے|مہربانی فرما کر)', plain: '' },
  // Nepali
  { phrase: 'के (यस्तो|यो) (हुन सक्छ|सम्भव छ|सम्भव हुन्छ|मिल्छ) (कि|)', plain: '' },
  { phrase: '(के|) (तपाईं|तपाई|हजुर) (कृपया|) (भन्न सक्नुहुन्छ|बताउन सक्नुहुन्छ) (कि|)', plain: 'भन्नुहोस्' },
  { phrase: 'म (यो|) (जान्न चाहन्थें|जान्न चाहन्थे|सोच्दै थिएँ|सोच्दै थिए|सोधौं भनेर|सोध्न चाहन्थें) (कि|)', plain: '' },
  { phrase: '(सम्भव भए|मिल्छ भने|हुन्छ भने)', plain: '' },
  { phrase: 'कृपया', plain: '' },
];

const LETTER = String.raw`[\p{L}\p{M}\p{N}]`;

/** A wrapper phrase as a pattern: words apart by any whitespace, "(a|b|)" an optional choice. */
function pattern(phrase: string): string {
  const parts = (phrase.match(/\([^)]*\)|\S+/gu) ?? []).map((part) => {
    const options = part.startsWith('(') ? part.slice(1, -1).split('|') : [part];
    const words = options.filter((o) => o !== '').map((o) => fold(o).split(' ').map(escape).join('\\s+'));
    return { source: `(?:${words.join('|')})`, optional: options.includes('') };
  });
  // Every part but the last brings the space after it; a match may end on that space when the parts after it are left out.
  return parts.map((p, i) => `(?:${p.source}${i < parts.length - 1 ? '\\s+' : ''})${p.optional ? '?' : ''}`).join('');
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Lower case and one form per Arabic letter; the same length as the text, so offsets carry over. */
const fold = (s: string): string => s.toLowerCase().replace(ARABIC_LETTERS, (c) => ARABIC_LETTER_MAP[c] ?? c);

/** Any wrapper at all: most messages have none, and are let through after this one test. */
const ANY = new RegExp(`(?<!${LETTER})(?:${POLITE_WRAPPERS.map((w) => pattern(w.phrase)).join('|')})(?:(?<=\\s)|(?!${LETTER}))`, 'u');

const COMPILED = POLITE_WRAPPERS.map((w) => ({
  // The phrase starts and ends on a word boundary ("pl" of "please" is no wrapper).
  re: new RegExp(`(?<!${LETTER})${pattern(w.phrase)}(?:(?<=\\s)|(?!${LETTER}))`, 'gu'),
  plain: w.plain,
}));

/**
 * The text with every polite wrapper written as the plain request (POLITE_WRAPPERS); the same
 * text when it has none. Linear in the text's length for each wrapper.
 */
export function peelPoliteWrappers(text: string): string {
  if (!ANY.test(fold(text))) return text;
  let out = text;
  for (const { re, plain } of COMPILED) {
    const probe = fold(out);
    if (probe.length !== out.length) return text;
    re.lastIndex = 0;
    if (!re.test(probe)) continue;
    re.lastIndex = 0;
    let next = '';
    let from = 0;
    for (let m = re.exec(probe); m !== null; m = re.exec(probe)) {
      next += `${out.slice(from, m.index)}${plain}${plain && /\s$/u.test(m[0]) ? ' ' : ''}`;
      from = m.index + m[0].length;
    }
    out = (next + out.slice(from)).replace(/[^\S\n]{2,}/gu, ' ').trim();
  }
  return out;
}
