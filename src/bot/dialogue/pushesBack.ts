import { anyPhrase } from './phraseMatch';

/**
 * "I already gave you the order number, why is it not here yet", "phir se wahi", "अभी भी नहीं आया",
 * "ابھی تک نہیں", "अझै आएन": the customer pushes back on what the bot said: it was said before, or
 * it has not helped. Asked again in such words, the same answer would only be said again; a
 * follow-up in plain words ("and for how long exactly?", "kitna time aur lagega?") is answered as
 * usual. Phrases per catalog language, matched as whole words on a lower-cased text without
 * apostrophes.
 */
const PUSH_BACK_PHRASES: readonly string[] = [
  // en
  'already', 'again', 'still', 'not yet', 'yet to', 'you said', 'i said', 'told you', 'same thing', 'same answer', 'not helpful',
  'doesnt help', 'does not help', 'didnt help', 'did not help', 'useless', 'not what i asked', 'i know that', 'read my message',
  'is this a joke', 'what a joke', 'ridiculous',
  // hi-Latn
  'pehle hi', 'pahle hi', 'phir se', 'fir se', 'dobara', 'dubara', 'abhi bhi', 'ab bhi', 'abhi tak', 'ab tak', 'wahi', 'wohi',
  'bata chuka', 'bata chuki', 'de chuka', 'de chuki', 'bekar', 'bakwas', 'madad nahi',
  // "ye kya mazaq hai": is this a joke
  'mazaq', 'mazak', 'majak', 'mazaak',
  // hi
  'पहले ही', 'फिर से', 'दोबारा', 'अभी भी', 'अब भी', 'अभी तक', 'अब तक', 'वही', 'बता चुका', 'बता चुकी', 'दे चुका', 'दे चुकी', 'बेकार', 'मज़ाक', 'मजाक',
  // ur
  'پہلے ہی', 'پھر سے', 'دوبارہ', 'ابھی بھی', 'اب بھی', 'ابھی تک', 'اب تک', 'وہی', 'بتا چکا', 'بتا چکی', 'دے چکا', 'دے چکی', 'بیکار', 'مذاق',
  // ne, and romanised
  'पहिले नै', 'फेरि', 'अझै', 'अहिलेसम्म', 'उही', 'भनिसकें', 'दिइसकें', 'बेकार', 'pahile nai', 'pheri', 'ajhai', 'ahile samma', 'uhi',
];

/** Does the message push back on what was said: said before, or no help? */
export const pushesBack: (text: string) => boolean = anyPhrase(PUSH_BACK_PHRASES);
