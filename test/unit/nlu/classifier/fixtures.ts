import type { TrainingExample } from '../../../../src/nlu/types';

/** A small hand-made multilingual training set: three intents in en, hi, hi-Latn, ur, ne. */
export const EXAMPLES: TrainingExample[] = [
  ...[
    'where is my order', 'track my order', 'when will my order arrive', 'order status please', 'has my parcel shipped',
    'मेरा ऑर्डर कहाँ है', 'ऑर्डर कब आएगा', 'मेरे ऑर्डर का स्टेटस बताइए',
    'mera order kahan hai', 'order kab aayega', 'mera parcel kab milega',
    'میرا آرڈر کہاں ہے', 'آرڈر کب آئے گا', 'میرے آرڈر کا اسٹیٹس بتائیں',
    'मेरो अर्डर कहाँ छ', 'अर्डर कहिले आउँछ',
  ].map((text) => ({ intent: 'order_status', text })),
  ...[
    'i want a refund', 'give me my money back', 'how do i get a refund', 'refund my payment', 'i was charged twice refund me',
    'मुझे रिफंड चाहिए', 'मेरे पैसे वापस करो', 'रिफंड कैसे मिलेगा',
    'mujhe refund chahiye', 'paise wapas karo', 'refund kaise milega',
    'مجھے ریفنڈ چاہیے', 'میرے پیسے واپس کرو', 'ریفنڈ کیسے ملے گا',
    'मलाई रिफन्ड चाहियो', 'मेरो पैसा फिर्ता गर्नुस्',
  ].map((text) => ({ intent: 'refund', text })),
  ...[
    'what are your opening hours', 'when do you open', 'what time do you close', 'are you open on sunday', 'store timings',
    'दुकान कब खुलती है', 'आप कितने बजे बंद होते हैं', 'रविवार को खुला है क्या',
    'dukan kab khulti hai', 'aap kitne baje band hote ho', 'sunday ko khula hai kya',
    'دکان کب کھلتی ہے', 'آپ کتنے بجے بند ہوتے ہیں', 'کیا اتوار کو کھلا ہے',
    'पसल कति बजे खुल्छ', 'आइतबार खुला हुन्छ',
  ].map((text) => ({ intent: 'store_hours', text })),
];
