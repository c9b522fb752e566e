/**
 * Words that never carry a request on their own, in every catalog language: question words,
 * pronouns, "do"/"can"/"should" and "now"/"then". A message made only of these and of words nearly
 * every intent's examples use ("what do i do", "how", "क्या करूँ", "ab kya karun", "کیا کروں",
 * "अब के गर्ने") asks for help without saying with what (wordSupport.ts). Compared after the
 * classifier's normalisation (normalizeText) of both sides.
 */
/**
 * The "do" of "what do i do", "क्या करूँ", "ab kya karun", "کیا کروں", "अब के गर्ने": a message that
 * asks nothing else asks what to do next, not about the topic just answered.
 */
export const DOING_WORDS: readonly string[] = [
  'do', 'does', 'did', 'doing', 'supposed',
  'करूँ', 'करूं', 'करू', 'करुं', 'करें', 'करे', 'करना', 'करूंगा',
  'karu', 'karun', 'karoon', 'karoo', 'kru', 'krun', 'karen', 'kare', 'karein', 'karna', 'karne', 'krne',
  'کروں', 'کریں', 'کرو', 'کرنا',
  'गरूँ', 'गरुँ', 'गरौं', 'गर्ने', 'गर्नु', 'garu', 'garun', 'garau', 'garne', 'garnu',
];

export const REQUESTLESS_WORDS: readonly string[] = [
  // English
  'what', 'whats', 'when', 'where', 'why', 'how', 'which', 'who', 'now', 'then', 'next', 'so', 'just', 'else',
  'can', 'could', 'should', 'shall', 'would', 'will', 'must', 'may', 'might', 'until', 'till',
  'i', 'im', 'me', 'we', 'us', 'you', 'u', 'it', 'its', 'this', 'that', 'there', 'here', 'am', 'is', 'are', 'be', 'done',
  // Hindi
  'क्या', 'कैसे', 'कब', 'कहां', 'क्यों', 'कौन', 'सा', 'सी', 'से', 'अब', 'तो', 'फिर', 'मैं', 'हम', 'सकता', 'सकती', 'सकते', 'हूँ', 'चाहिए',
  // "will be", "happens": "कैसे होगा?", "kaise hota hai?" ask how the thing just named is done
  'होगा', 'होगी', 'होंगे', 'होता', 'होती',
  // Hinglish
  'kya', 'kaise', 'kab', 'kahan', 'kyun', 'kaun', 'konsa', 'konsi', 'kaunsa', 'kaunsi', 'sa', 'si', 'ab', 'to', 'toh', 'phir', 'fir', 'main', 'mai', 'mein', 'hum',
  'sakta', 'sakti', 'sakte', 'hu', 'hoon', 'chahiye', 'hoga', 'hogi', 'honge', 'hota', 'hoti',
  // Urdu
  'کیا', 'کیسے', 'کب', 'کہاں', 'کیوں', 'کون', 'کونسا', 'کونسی', 'سا', 'سی', 'اب', 'تو', 'پھر', 'میں', 'ہم', 'سکتا', 'سکتی', 'ہوں', 'چاہیے', 'ہوگا', 'ہوگی', 'ہوتا', 'ہوتی',
  // Nepali (Devanagari and romanised): सम्म/samma is "until" ("कहिले सम्म")
  'के', 'कसरी', 'कहिले', 'कहां', 'किन', 'अब', 'अहिले', 'अनि', 'त', 'म', 'हामी', 'सक्छु', 'पर्छ', 'सम्म',
  'ke', 'kasari', 'kahile', 'kina', 'aba', 'ahile', 'ani', 'ta', 'ma', 'hami', 'sakchu', 'parcha', 'samma',
  ...DOING_WORDS,
];
