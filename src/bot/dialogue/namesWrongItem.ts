import { phraseText } from './phraseMatch';

/**
 * "you sent the wrong item", "galat saman aa gaya", "غلط رنگ بھیج دیا", "अर्कै सामान आयो": words that
 * say a delivery held something other than what was ordered, per catalog language, as whole words.
 */
const WRONG_PHRASES: readonly string[] = [
  // en
  'wrong item', 'wrong items', 'wrong product', 'wrong colour', 'wrong color', 'wrong size', 'wrong model', 'wrong variant',
  'wrong one', 'wrong thing', 'wrong parcel', 'wrong package', 'different item', 'different product', 'different colour',
  'different color', 'different model', 'not what i ordered', 'isnt what i ordered', 'is not what i ordered', 'not the one i ordered',
  'sent the wrong', 'sent me the wrong', 'delivered the wrong', 'got the wrong', 'received the wrong', 'someone elses order',
  // hi-Latn
  'galat saman', 'galat samaan', 'galat item', 'galat product', 'galat colour', 'galat color', 'galat rang', 'galat size',
  'galat model', 'galat parcel', 'dusra saman', 'doosra saman', 'dusra product', 'dusra item', 'alag saman', 'alag colour',
  'alag color', 'alag rang', 'alag model', 'kuch aur aaya', 'kuch aur aa gaya', 'kuch aur bhej',
  // hi
  'गलत सामान', 'ग़लत सामान', 'गलत प्रोडक्ट', 'गलत आइटम', 'गलत रंग', 'गलत कलर', 'गलत साइज़', 'गलत साइज', 'गलत मॉडल', 'गलत पार्सल',
  'ग़लत रंग', 'ग़लत प्रोडक्ट', 'दूसरा सामान', 'दूसरा प्रोडक्ट', 'अलग सामान', 'अलग रंग', 'अलग कलर', 'कुछ और आया', 'कुछ और आ गया', 'कुछ और भेज',
  // ur
  'غلط سامان', 'غلط پروڈکٹ', 'غلط آئٹم', 'غلط رنگ', 'غلط کلر', 'غلط سائز', 'غلط ماڈل', 'غلط پارسل', 'دوسرا سامان', 'الگ رنگ',
  'کچھ اور آیا', 'کچھ اور آ گیا', 'کچھ اور بھیج',
  // ne, and romanised
  'गलत सामान आयो', 'फरक सामान', 'अर्कै सामान', 'अर्कै रंग', 'फरक रंग', 'अर्कै मोडल', 'अर्कै आयो', 'arkai saman', 'pharak saman',
  'farak saman', 'arkai rang', 'pharak rang', 'farak rang', 'arkai aayo', 'arkai model', 'galat saman aayo',
];

/** "ordered", "manga tha", "मंगाया", "منگوایا", "मगाएको": the first half of "I ordered X and got Y". */
const ORDERED = new Set(
  [
    'ordered', 'bought', 'booked', 'manga', 'mangaya', 'mangwaya', 'mangvaya', 'mangai', 'mangayi', 'magayeko', 'mangayeko',
    'मंगाया', 'मँगाया', 'मंगवाया', 'मंगाई', 'मंगाया', 'منگوایا', 'منگوائی', 'منگایا', 'मगाएको', 'मगाएँ', 'मगाएं', 'मंगाएको',
  ].map((w) => phraseText(w).trim()),
);
/** Two-word forms of "ordered": "order kiya", "ऑर्डर किया", "آرڈر کیا", "अर्डर गरेको". */
const ORDERED_PAIRS = new Set(
  ['order kiya', 'order kia', 'order kri', 'order kari', 'ऑर्डर किया', 'आर्डर किया', 'آرڈر کیا', 'आर्डर गरेको', 'अर्डर गरेको', 'order gareko', 'order gare']
    .map((w) => phraseText(w).trim()),
);
/** "got", "sent", "aaya", "आया", "آیا", "आयो": the second half. */
const GOT = new Set(
  [
    'got', 'received', 'recieved', 'sent', 'delivered', 'came', 'arrived', 'aaya', 'aya', 'aayi', 'ayi', 'aai', 'bheja', 'bheji',
    'bhej', 'mila', 'mili', 'आया', 'आई', 'आयी', 'भेजा', 'भेजी', 'भेज', 'मिला', 'मिली', 'آیا', 'آئی', 'بھیجا', 'بھیجی', 'بھیج', 'ملا',
    'ملی', 'आयो', 'पठायो', 'पठाउनुभयो', 'aayo', 'ayo', 'pathayo',
    // "आ गया", "aa gayi", "آ گیا"
    'gaya', 'gayi', 'gya', 'gyi', 'गया', 'गई', 'गयी', 'گیا', 'گئی',
  ].map((w) => phraseText(w).trim()),
);
/** Words that deny the "got" after them: "not received", "nahi aaya", "نہیں آیا". */
const NEGATIONS = new Set(
  ['not', 'never', 'didnt', 'havent', 'hasnt', 'nt', 'nahi', 'nahin', 'nhi', 'na', 'नहीं', 'नही', 'न', 'نہیں', 'نہ', 'अझै', 'abhi', 'tak'].map((w) =>
    phraseText(w).trim(),
  ),
);
/** Colours: two different ones in "ordered … got …" tell a wrong delivery ("black manga tha white aaya"). */
const COLOURS = new Set(
  [
    'black', 'white', 'blue', 'red', 'silver', 'grey', 'gray', 'gold', 'golden', 'green', 'pink', 'purple',
    'kala', 'kali', 'kaala', 'kaali', 'safed', 'safaid', 'neela', 'neeli', 'nila', 'laal', 'lal', 'hara', 'hari',
    'काला', 'काली', 'सफेद', 'सफ़ेद', 'नीला', 'नीली', 'लाल', 'हरा', 'हरी',
    'کالا', 'کالی', 'سفید', 'نیلا', 'نیلی', 'لال', 'سرخ', 'ہرا', 'ہری',
    'कालो', 'सेतो', 'निलो', 'रातो', 'हरियो', 'kalo', 'seto', 'nilo', 'rato', 'hariyo',
  ].map((w) => phraseText(w).trim()),
);
/** "another", "different", "दूसरा", "دوسرا", "अर्कै": after "ordered", the thing that came is not the one ordered. */
const ANOTHER = new Set(
  ['another', 'different', 'dusra', 'doosra', 'dusri', 'alag', 'दूसरा', 'दूसरी', 'अलग', 'دوسرا', 'دوسری', 'الگ', 'अर्कै', 'फरक', 'arkai', 'pharak', 'farak'].map(
    (w) => phraseText(w).trim(),
  ),
);

/**
 * "i picked the wrong colour", "galti se galat size order kiya": the customer's own wrong choice, not a wrong delivery;
 * also with the "I" left out, as phones type it ("ordered the wrong colour can i exchange it").
 */
const OWN_CHOICE: readonly string[] = [
  'i picked', 'i chose', 'i choose', 'i selected', 'by mistake', 'my mistake', 'mistakenly',
  'ordered the wrong', 'ordered a wrong', 'ordered wrong', 'booked the wrong', 'booked wrong', 'picked the wrong', 'picked wrong',
  'chose the wrong', 'chose wrong', 'selected the wrong', 'selected wrong',
  'galti se', 'meri galti', 'गलती से', 'मेरी गलती', 'غلطی سے', 'میری غلطی', 'गल्तीले', 'मेरो गल्ती', 'galti le',
];

const WRONG = WRONG_PHRASES.map(phraseText);
const OWN = OWN_CHOICE.map(phraseText);

/**
 * "ordered black earphones but got white ones", "black manga tha white aaya", "मैले कालो मगाएको थिएँ,
 * सेतो आयो", "ordered a tv and you sent another model": an "ordered" followed by a "got" that is not
 * denied, in a message with two different colours or a word for "another" after the "ordered".
 */
function orderedOneGotAnother(padded: string): boolean {
  const words = padded.trim().split(' ');
  let ordered = -1;
  for (let i = 0; i < words.length && ordered < 0; i++) {
    if (ORDERED.has(words[i] as string) || (i > 0 && ORDERED_PAIRS.has(`${words[i - 1]} ${words[i]}`))) ordered = i;
  }
  if (ordered < 0) return false;
  const got = words.findIndex((w, j) => j > ordered && GOT.has(w) && !NEGATIONS.has(words[j - 1] as string));
  if (got < 0) return false;
  // Hindi, Urdu and Nepali put the colour before its verb ("black manga tha white aaya").
  return new Set(words.filter((w) => COLOURS.has(w))).size >= 2 || words.slice(ordered + 1).some((w) => ANOTHER.has(w));
}

/** Does the message say the delivery held something other than what was ordered? */
export function namesWrongItem(text: string): boolean {
  const t = phraseText(text);
  return !OWN.some((p) => t.includes(p)) && (WRONG.some((p) => t.includes(p)) || orderedOneGotAnother(t));
}
