/**
 * Words that never carry a request on their own, in every catalog language: question words,
 * pronouns, "do"/"can"/"should" and "now"/"then". A message made only of these and of words nearly
 * every intent's examples use ("what do i do", "how", "क्या करूँ", "ab kya karun", "کیا کروں",
 * "अब के गर्ने") asks for help without saying with what (wordSupport.ts). Compared after the
 * classifier's normalisation (normalizeText) of both sides.
 */
export const REQUESTLESS_WORDS: readonly string[] = [
  // English
  'what', 'whats', 'when', 'where', 'why', 'how', 'which', 'who', 'now', 'then', 'next', 'so', 'just', 'else',
  'do', 'does', 'did', 'doing', 'can', 'could', 'should', 'shall', 'would', 'will', 'must', 'may', 'might',
  'i', 'im', 'me', 'we', 'us', 'you', 'u', 'it', 'its', 'this', 'that', 'there', 'here', 'supposed', 'am', 'is', 'are',
  // Hindi
  'क्या', 'कैसे', 'कब', 'कहां', 'क्यों', 'कौन', 'सा', 'सी', 'से', 'अब', 'तो', 'फिर', 'मैं', 'हम', 'करूँ', 'करूं', 'करू', 'करुं', 'करें', 'करे', 'करना',
  'करूंगा', 'सकता', 'सकती', 'सकते', 'हूँ', 'चाहिए',
  // Hinglish
  'kya', 'kaise', 'kab', 'kahan', 'kyun', 'kaun', 'konsa', 'konsi', 'kaunsa', 'kaunsi', 'sa', 'si', 'ab', 'to', 'toh', 'phir', 'fir', 'main', 'mai', 'mein', 'hum',
  'karu', 'karun', 'karoon', 'karoo', 'kru', 'krun', 'karen', 'kare', 'karein', 'karna', 'sakta', 'sakti', 'sakte', 'hu', 'hoon', 'chahiye',
  // Urdu
  'کیا', 'کیسے', 'کب', 'کہاں', 'کیوں', 'کون', 'کونسا', 'کونسی', 'سا', 'سی', 'اب', 'تو', 'پھر', 'میں', 'ہم', 'کروں', 'کریں', 'کرو', 'کرنا', 'سکتا', 'سکتی', 'ہوں', 'چاہیے',
  // Nepali (Devanagari and romanised)
  'के', 'कसरी', 'कहिले', 'कहां', 'किन', 'अब', 'अहिले', 'अनि', 'त', 'म', 'हामी', 'गरूँ', 'गरुँ', 'गरौं', 'गर्ने', 'गर्नु', 'सक्छु', 'पर्छ',
  'ke', 'kasari', 'kahile', 'kina', 'aba', 'ahile', 'ani', 'ta', 'ma', 'hami', 'garu', 'garun', 'garau', 'garne', 'garnu', 'sakchu', 'parcha',
];
