/**
 * Nepali written in Latin letters ("mero order kaha pugyo?", "malai manche sanga kura garna cha"),
 * as many customers in Nepal type on WhatsApp. It shares most of its words with Hinglish, so the
 * catalog's Hinglish examples win the vocabulary vote; these words tell the two apart. A catalog
 * that speaks Nepali (in Devanagari) and has no Latin-script Nepali of its own then answers such a
 * message in Nepali rather than in Hinglish.
 */
const NEPALI_WORDS = new Set([
  'mero', 'malai', 'mlai', 'tapai', 'tapain', 'tapaai', 'tapailai', 'tapaiko', 'timi', 'timro', 'hamro', 'hamilai',
  'cha', 'chha', 'chaa', 'chu', 'chhu', 'chau', 'chhau', 'chaina', 'chhaina', 'garna', 'garnu', 'garnus', 'garnuhos',
  'gardai', 'garchu', 'garchhu', 'garera', 'gareko', 'garyo', 'garidinus', 'gardinus', 'bhayo', 'bhaena', 'bhayena',
  'bhaeko', 'bhayeko', 'kahile', 'kati', 'kasari', 'pugyo', 'pugena', 'aayo', 'aaena', 'aayena', 'aaucha', 'aauchha',
  'aaunu', 'huncha', 'hunchha', 'hudaina', 'hundaina', 'sakchu', 'sakchhu', 'sakincha', 'sakinchha', 'sakdina', 'sanga',
  'sangai', 'ramro', 'naramro', 'chahiyo', 'chahincha', 'chahinchha', 'chaiyo', 'khulcha', 'khulchha', 'lagcha',
  'lagchha', 'lagyo', 'parcha', 'parchha', 'paryo', 'firta', 'phirta', 'tyo', 'haru', 'dinus', 'dinuhos', 'ahile',
  'aile', 'ani', 'tara', 'dherai', 'dhanyabad', 'dhanyabaad', 'hajur', 'bujhe', 'bujhena', 'thikai', 'kunai', 'kehi',
  'bhanda', 'bhannus', 'kura', 'katyo', 'aaja', 'bholi', 'hijo', 'manche', 'manchhe', 'kasai', 'kasailai', 'kohi',
  'ma', 'xa', 'xu', 'xaina', 'garne', 'garda', 'gare', 'kun', 'kina', 'hola', 'matra', 'bhane', 'samma',
  'ajhai', 'ajai', 'aajhai', 'aba', 'choti', 'pasal', 'lai', 'bata', 'feri', 'pachi', 'lagi', 'arko', 'yasto', 'kasto',
  'tapaiharu', 'chito', 'bhitra', 'kinda', 'kinna', 'huna', 'lina', 'samaya', 'sabai', 'dai', 'kaile', 'kahaa', 'barsa', 'barsha',
  // counting words (euta, duita: "one", "two" of something), imperatives and particles Hinglish spells otherwise
  'euta', 'eeta', 'duita', 'tinta', 'sunau', 'sunaunu', 'sunaideu', 'deu', 'dideu', 'pathau', 'pathaideu', 'hoina', 'khoi',
  'garum', 'thaha', 'thaxa', 'kaslai', 'hajurko',
]);

/**
 * Nepali verb endings Hinglish does not have: -cha/-chha/-xa (milcha, paincha, lagchha, garxa, but
 * not Hindi accha, kharcha, pahuncha), -eko (gareko), -nus (pathaidinus), -daina (hudaina), -yo in
 * five letters or more (bhayo, pugyo; not "yo", "mayo", "heyo"), -chhu, -aula (garaula), -aune (milaune), -nu (garnu; not menu).
 */
const NEPALI_ENDING = /^(?:\w{2,}(?:chh?a|xa|chhu)|\w+(?:eko|nus|daina|aula|aune)|\w{3,}yo|\w+[^e]nu)$/;
const HINDI_CHA_WORDS = new Set(['accha', 'acha', 'achha', 'achchha', 'kharcha', 'kharchha', 'pahucha', 'pahuncha', 'pahunchha', 'bacha', 'baccha', 'bachha', 'bachcha', 'kachha', 'kacha', 'pucha', 'puchha', 'poocha', 'poochha', 'sacha', 'saccha', 'sachcha', 'uncha', 'ucha', 'mucha', 'khincha']);

export function isNepaliWord(token: string): boolean {
  return NEPALI_WORDS.has(token) || (NEPALI_ENDING.test(token) && !HINDI_CHA_WORDS.has(token));
}

/** Hinglish words Nepali does not use: one of them weighs against the Nepali ones. */
const HINDI_WORDS = new Set([
  'hai', 'hain', 'mujhe', 'mera', 'mere', 'aap', 'aapka', 'aapki', 'nahi', 'nahin', 'kya', 'kab', 'kaise', 'kyun',
  'chahiye', 'karna', 'karo', 'kijiye', 'hua', 'gaya', 'raha', 'rahi', 'tha', 'thi', 'se', 'ka', 'ke',
]);

/**
 * Whether a Latin-script message (its languageTokens) reads as romanised Nepali: at least two
 * Nepali words and more of them than Hinglish ones, or one and no Hinglish word in a message of a
 * few words ("thik cha", "mero order?").
 */
export function readsAsRomanisedNepali(tokens: readonly string[]): boolean {
  let nepali = 0;
  let hindi = 0;
  for (const t of tokens) {
    if (isNepaliWord(t)) nepali++;
    else if (HINDI_WORDS.has(t)) hindi++;
  }
  if (nepali >= 2) return nepali > hindi;
  return nepali === 1 && hindi === 0 && tokens.length <= 4;
}
