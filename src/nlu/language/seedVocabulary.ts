/**
 * Function words and everyday customer-care words that tell close languages apart, used on top
 * of what a catalog's own examples teach. Words that two of the languages share (e.g. के, को,
 * कहाँ in both Hindi and Nepali; "to" in English and Hinglish) are deliberately left out.
 */
export const SEED_VOCABULARY: Record<string, readonly string[]> = {
  hi: [
    'है', 'हैं', 'हूँ', 'हूं', 'था', 'थी', 'थे', 'मेरा', 'मेरी', 'मेरे', 'मुझे', 'मैं', 'क्या', 'कब', 'कितना', 'कितने',
    'कितनी', 'नहीं', 'करना', 'करें', 'कीजिए', 'दीजिए', 'चाहिए', 'चाहता', 'चाहती', 'क्यों', 'कैसे', 'आप', 'आपका',
    'आपकी', 'हमारा', 'हमें', 'में', 'से', 'का', 'की', 'और', 'भी', 'अभी', 'तक', 'रहा', 'रही', 'हुआ', 'हुई', 'गया',
    'गई', 'आएगा', 'आया', 'मिलेगा', 'मिला', 'वापस', 'पैसे', 'बताइए', 'बताओ', 'ऑर्डर', 'कोई', 'कुछ', 'यह', 'वह',
    'लेकिन', 'सकता', 'सकते', 'होगा', 'भाई', 'जी',
  ],
  ne: [
    'छ', 'छु', 'छन्', 'छैन', 'छौं', 'हो', 'होइन', 'गर्नु', 'गर्न', 'गर्नुहोस्', 'गरेको', 'गर्दा', 'मेरो', 'मलाई',
    'मैले', 'तपाईं', 'तपाई', 'तपाईंको', 'तपाईंले', 'हजुर', 'कहिले', 'कति', 'किन', 'कसरी', 'भयो', 'भएको', 'भने',
    'पाउँ', 'पाउँछु', 'हुन्छ', 'हुँदैन', 'थियो', 'थिएन', 'लाई', 'मा', 'पनि', 'अहिले', 'अझै', 'धेरै', 'हाम्रो', 'हामी',
    'यो', 'त्यो', 'सक्छु', 'सक्नुहुन्छ', 'चाहन्छु', 'चाहिन्छ', 'आउँछ', 'आएन', 'फिर्ता', 'पैसा', 'अर्डर', 'दिनुहोस्',
    'भन्नुहोस्', 'नमस्कार', 'रुपैयाँ', 'खोइ',
  ],
  'hi-Latn': [
    'hai', 'hain', 'hu', 'hoon', 'tha', 'thi', 'kya', 'mera', 'meri', 'mere', 'mujhe', 'kab', 'kitna', 'kitne',
    'nahi', 'nahin', 'nhi', 'kaise', 'kyun', 'kyu', 'kahan', 'kaha', 'chahiye', 'karna', 'karo', 'kar', 'kiya',
    'hua', 'hui', 'gaya', 'gayi', 'raha', 'rahi', 'bhai', 'bhaiya', 'ji', 'aap', 'aapka', 'aapki', 'hum', 'humara',
    'hamara', 'mein', 'se', 'ka', 'ki', 'ke', 'ko', 'aur', 'bhi', 'abhi', 'tak', 'aayega', 'ayega', 'aaya', 'aya',
    'milega', 'mila', 'wapas', 'paise', 'paisa', 'batao', 'bataiye', 'dijiye', 'kijiye', 'haan', 'accha', 'acha',
    'theek', 'thik', 'yaar', 'kuch', 'koi', 'kaun', 'hoga', 'sakta', 'sakte', 'wala', 'wali', 'liye', 'diya',
    'bhej', 'bhejo', 'kal', 'aaj', 'jaldi', 'kripya', 'namaste',
  ],
  en: [
    'the', 'is', 'are', 'was', 'were', 'my', 'where', 'when', 'what', 'how', 'why', 'which', 'who', 'can', 'could',
    'would', 'should', 'you', 'your', 'me', 'it', 'this', 'that', 'of', 'for', 'and', 'with', 'not', "don't",
    "didn't", "hasn't", "haven't", "isn't", "can't", 'yet', 'still', 'please', 'thanks', 'thank', 'want', 'need',
    'get', 'got', 'has', 'have', 'been', 'will', 'do', 'does', 'did', 'am', 'there', 'any', 'about', 'arrived',
    'received', 'help', 'hello', 'today', 'tomorrow', 'already', 'since', 'a', 'an', 'at', 'on', 'from', 'if', 'i',
  ],
};
