import { anyPhrase } from './phraseMatch';

/**
 * "stopped working", "kharab ho gaya", "खराब हो गई", "خراب ہو گیا", "बिग्रियो": words that say a thing
 * is broken, per catalog language, matched as whole words on a lower-cased text without
 * apostrophes. Beside a product the catalog knows, a message the classifier cannot place is a
 * fault report (the catalog's productFault intent).
 */
const FAULT_PHRASES: readonly string[] = [
  // en
  'broke', 'broken', 'broke down', 'stopped working', 'not working', 'isnt working', 'is not working', 'doesnt work', 'does not work',
  'wont work', 'dead', 'died', 'faulty', 'defective', 'wont turn on', 'doesnt turn on', 'not turning on', 'not switching on',
  // hi-Latn
  'kharab', 'kharaab', 'khrab', 'band ho gaya', 'band ho gayi', 'band ho gya', 'band pada', 'kaam nahi kar raha', 'kaam nahi kar rahi',
  'kam nahi kar raha', 'kam nahi kar rahi', 'chal nahi raha', 'chal nahi rahi', 'nahi chal raha', 'nahi chal rahi', 'toot gaya',
  'toot gayi', 'tut gaya', 'tut gayi', 'on nahi ho raha', 'on nahi ho rahi', 'start nahi ho raha',
  // hi
  'खराब', 'ख़राब', 'बंद हो गया', 'बंद हो गई', 'बंद पड़ा', 'काम नहीं कर रहा', 'काम नहीं कर रही', 'चल नहीं रहा', 'चल नहीं रही',
  'नहीं चल रहा', 'नहीं चल रही', 'टूट गया', 'टूट गई', 'ऑन नहीं हो रहा', 'ऑन नहीं हो रही',
  // ur
  'خراب', 'بند ہو گیا', 'بند ہو گئی', 'کام نہیں کر رہا', 'کام نہیں کر رہی', 'چل نہیں رہا', 'چل نہیں رہی', 'نہیں چل رہا',
  'نہیں چل رہی', 'ٹوٹ گیا', 'ٹوٹ گئی', 'آن نہیں ہو رہا', 'آن نہیں ہو رہی',
  // ne, and romanised
  'बिग्रियो', 'बिग्रिएको', 'बिग्रेको', 'बिग्रियो नि', 'चलेन', 'चल्दैन', 'चलिरहेको छैन', 'काम गर्दैन', 'काम गरेन', 'फुट्यो', 'भाँचियो',
  'अन हुँदैन', 'bigriyo', 'bigryo', 'bigreko', 'bigrieko', 'chalena', 'chaldaina', 'kaam gardaina', 'futyo',
];

/** Does the message say something is broken or not working? */
export const namesFault: (text: string) => boolean = anyPhrase(FAULT_PHRASES);
