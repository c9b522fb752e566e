/**
 * Hindi and Urdu typed in Latin letters: everyday words that are spelled right though the catalog's
 * examples may never use them. One edit from a question word ("yahan" → "kahan", "idhar" →
 * "kidhar"), correcting them would turn "yahan koi store hai" (is there a store here) into a
 * question of where. Pronouns, places and times, and the words around them.
 */
const HINGLISH_WORDS = new Set([
  // here, there, where (relative), hither and thither
  'yahan', 'yahaan', 'yaha', 'wahan', 'wahaan', 'waha', 'vahan', 'vaha', 'jahan', 'jahaan', 'jaha', 'yahin', 'wahin', 'yahi', 'wahi',
  'idhar', 'udhar', 'jidhar', 'kahin', 'kahi',
  // now, then, when (relative), ever, always
  'abhi', 'tabhi', 'jabhi', 'kabhi', 'sabhi', 'hamesha', 'pehle', 'pahle', 'baad', 'phir', 'dubara', 'dobara',
  // this, that, so, such, as much
  'aise', 'waise', 'jaise', 'aisa', 'waisa', 'jaisa', 'aisi', 'waisi', 'jaisi', 'itna', 'utna', 'jitna', 'itni', 'utni', 'jitni',
  // pronouns and their cases
  'iska', 'uska', 'jiska', 'iski', 'uski', 'jiski', 'iske', 'uske', 'jiske', 'inka', 'unka', 'inki', 'unki', 'inke', 'unke',
  'isko', 'usko', 'jisko', 'inko', 'unko', 'unhe', 'inhe', 'isne', 'usne', 'jisne', 'humne', 'hamne', 'tumne', 'unhone', 'inhone',
  'isse', 'usse', 'jisse', 'inse', 'unse', 'mujhse', 'tumse', 'aapse', 'humse', 'hamse',
  'apna', 'apni', 'apne', 'hamara', 'hamari', 'hamare', 'humara', 'humari', 'humare', 'tumhara', 'tumhari', 'tumhare',
  // a little, a lot, only, surely, maybe, quickly
  'thoda', 'thodi', 'thode', 'bahut', 'bohot', 'bahot', 'sirf', 'bilkul', 'shayad', 'zaroor', 'zarur', 'jaldi', 'sabse',
]);

/** Is `word` (lower case) an everyday Hindi or Urdu word in Latin letters, spelled right? */
export function isHinglishWord(word: string): boolean {
  return HINGLISH_WORDS.has(word);
}
