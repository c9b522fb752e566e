import { anyPhrase } from './phraseMatch';

/**
 * "just asking", "no order yet", "abhi order nahi kiya", "بس پوچھ رہا ہوں", "अर्डर गरेको छैन": the
 * customer asks about no order of theirs (none exists yet, or they only want the rule). Said
 * before or after the bot asks for the order, whatever else the message says.
 */
const NO_PARTICULAR_ONE: readonly string[] = [
  // en
  'just asking', 'only asking', 'just curious', 'just wondering', 'general question', 'in general', 'asking in general',
  'no order yet', 'not ordered yet', 'havent ordered', 'have not ordered', 'did not order yet', 'didnt order yet',
  'before i order', 'before ordering', 'before placing', 'planning to order', 'thinking of ordering', 'if i order',
  // hi-Latn
  'bas pooch', 'bas puch', 'sirf pooch', 'sirf puch', 'aise hi pooch', 'aise hi puch', 'waise hi pooch', 'waise hi puch',
  'general me', 'general mein', 'order nahi kiya', 'order nhi kiya', 'order nahin kiya', 'order karne se pehle',
  'order karne se pahle', 'order se pehle',
  // hi
  'बस पूछ', 'सिर्फ़ पूछ', 'सिर्फ पूछ', 'ऐसे ही पूछ', 'वैसे ही पूछ', 'ऑर्डर नहीं किया', 'आर्डर नहीं किया', 'ऑर्डर करने से पहले',
  'आर्डर करने से पहले',
  // ur
  'بس پوچھ', 'صرف پوچھ', 'ویسے ہی پوچھ', 'ایسے ہی پوچھ', 'آرڈر نہیں کیا', 'آرڈر کرنے سے پہلے',
  // ne, and romanised
  'सोधेको मात्र', 'सोध्दै मात्र', 'मात्र सोधेको', 'अर्डर गरेको छैन', 'अर्डर गरेकै छैन', 'अर्डर गर्नुअघि', 'अर्डर गर्नु अघि',
  'sodheko matra', 'matra sodheko', 'order gareko chaina', 'order gareko chhaina', 'order garnu agi', 'order garnu aghi',
];

/** "usually", "aam taur par", "عام طور پر", "सामान्यतया": how it goes as a rule. */
const AS_A_RULE: readonly string[] = [
  'usually', 'generally', 'normally', 'typically', 'on average', 'as a rule',
  'aam taur', 'aamtaur', 'aam tor', 'aam tour', 'aksar', 'normally kitne', 'generally kitne',
  'आम तौर', 'आमतौर', 'अक्सर', 'सामान्यतः', 'सामान्य तौर', 'आम तोर',
  'عام طور', 'عموماً', 'عموما', 'اکثر',
  'सामान्यतया', 'साधारणतया', 'प्रायः', 'samanyataya', 'sadharantaya', 'prayah',
];

/** Words that make it the customer's own order ("my refund", "mera order", "میرا", "मेरो"). */
const OWN: readonly string[] = [
  'my', 'mine', 'our', 'i returned', 'i cancelled', 'i canceled', 'i ordered',
  'mera', 'meri', 'mere', 'hamara', 'hamari', 'humara', 'maine', 'mene',
  'मेरा', 'मेरी', 'मेरे', 'हमारा', 'हमारी', 'मैंने', 'मैने',
  'میرا', 'میری', 'میرے', 'ہمارا', 'ہماری', 'میں نے',
  'मेरो', 'हाम्रो', 'mero', 'hamro', 'maile',
];

const saysNoParticularOne = anyPhrase(NO_PARTICULAR_ONE);
const saysAsARule = anyPhrase(AS_A_RULE);
const namesOwn = anyPhrase(OWN);

/**
 * Does the message ask about the rule rather than an order of the customer's own ("how long does a
 * refund usually take?", "just asking, no order yet")? Then an intent that needs the order's
 * number gives its answer in general instead of asking for it. "My refund usually comes in a week
 * but…" is about their own: only the words that say there is no particular order override "my".
 */
export function asksInGeneral(text: string): boolean {
  if (saysNoParticularOne(text)) return true;
  return saysAsARule(text) && !namesOwn(text);
}
