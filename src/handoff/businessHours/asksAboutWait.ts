import { compilePattern, type Pattern, type PreparedText, preparedOf } from '../sentiment/lexiconText';

/**
 * Does a customer who waits for a person ask about the wait ("how long?", "koi hai?", "کتنی دیر",
 * "कति समय लाग्छ") or only nudge ("hello??", "?")? Then they are told again where they stand.
 * Written as customers type them, in every catalog language at once; normalised like the message
 * (lexiconText.ts); a trailing `*` matches any ending.
 */
const WAIT_PHRASES: readonly string[] = [
  // English
  'how long', 'how much longer', 'how much time', 'how many minutes', 'how many more minutes', 'anyone there', 'anybody there',
  'any one there', 'someone there', 'is anyone', 'is somebody', 'still waiting', 'been waiting', 'keep waiting', 'waiting since',
  'when will someone', 'when will an agent', 'when will the agent', 'when will you reply', 'when will you answer', 'whats taking',
  'what is taking', 'taking so long', 'taking too long', 'eta', 'where is the agent', 'where is everyone', 'no one is replying',
  'nobody is replying', 'no reply', 'no response', 'still there',
  // Hinglish and romanised Nepali
  'kitna time', 'kitna samay', 'kitni der', 'kitna wait', 'kitne minute', 'kab tak', 'kab aayega koi', 'koi hai', 'koi h',
  'koi he', 'intezaar', 'intezar', 'intjar', 'wait kar raha', 'wait kar rahi', 'wait karu', 'kab reply', 'kab baat', 'reply nahi',
  'jawab nahi', 'kati samaya', 'kati samay', 'kati ber', 'kahile samma', 'kohi cha', 'kohi xa', 'kurdai chu', 'parkhi rakheko',
  // Hindi
  'कितना समय', 'कितनी देर', 'कितने मिनट', 'कब तक', 'कोई है', 'इंतज़ार', 'इंतजार', 'कब जवाब', 'जवाब नहीं', 'कोई जवाब',
  // Urdu
  'کتنا وقت', 'کتنی دیر', 'کتنے منٹ', 'کب تک', 'کوئی ہے', 'انتظار', 'جواب نہیں', 'کب جواب',
  // Nepali
  'कति समय', 'कति बेर', 'कति मिनेट', 'कहिले सम्म', 'कहिलेसम्म', 'कोही छ', 'कोही हुनुहुन्छ', 'पर्खिर*', 'कुरिर*', 'जवाफ छैन', 'कहिले जवाफ',
];

/** A message of only these words (and punctuation) is a nudge: "hello??", "hi", "नमस्ते?", "?". */
const NUDGE_WORDS: readonly string[] = [
  'hello', 'helo', 'hellooo', 'hi', 'hii', 'hey', 'excuse me', 'sir', 'madam', 'maam', 'please', 'pls', 'plz', 'ji', 'bhai', 'yaar',
  'namaste', 'namaskar', 'salam', 'hellow', 'हेलो', 'हैलो', 'नमस्ते', 'नमस्कार', 'जी', 'سلام', 'ہیلو', 'جی',
];

const PHRASES: Pattern[] = WAIT_PHRASES.map(compilePattern);
const NUDGES = new Set(NUDGE_WORDS.flatMap((w) => compilePattern(w).keys));

function matchesAt(pattern: Pattern, keys: readonly string[], start: number): boolean {
  const n = pattern.keys.length;
  if (n === 0 || start + n > keys.length) return false;
  for (let i = 0; i < n; i++) {
    const key = pattern.keys[i]!;
    const word = keys[start + i]!;
    if (i === n - 1 && pattern.prefixLast ? !word.startsWith(key) : word !== key) return false;
  }
  return true;
}

export function asksAboutWait(text: string | PreparedText): boolean {
  const prepared = preparedOf(text);
  const keys = prepared.words.map((w) => w.key);
  if (keys.length === 0) return /[?？؟]/u.test(prepared.text);
  if (keys.every((k) => NUDGES.has(k))) return true;
  for (let start = 0; start < keys.length; start++) {
    for (const pattern of PHRASES) if (matchesAt(pattern, keys, start)) return true;
  }
  return false;
}
