import type { FormatHints } from '../types';

/**
 * Built-in "this is what the right format looks like" texts, per kind and language; a catalog's
 * `messages.formatHints` overrides them. `{value}` is replaced by what the customer typed.
 */
export const DEFAULT_FORMAT_HINTS: FormatHints = {
  order_number: {
    en: '"{value}" doesn\'t look like one of our order numbers. Please send it exactly as it appears on your order confirmation.',
    hi: '"{value}" हमारा ऑर्डर नंबर नहीं लगता। कृपया इसे ठीक वैसे ही भेजें जैसा आपके ऑर्डर कन्फ़र्मेशन में लिखा है।',
    'hi-Latn': '"{value}" hamara order number nahi lagta. Please ise bilkul waise hi bhejiye jaise order confirmation mein likha hai.',
    ur: '"{value}" ہمارا آرڈر نمبر نہیں لگتا۔ براہ کرم اسے بالکل ویسے ہی بھیجیں جیسا آپ کے آرڈر کنفرمیشن میں لکھا ہے۔',
    ne: '"{value}" हाम्रो अर्डर नम्बर जस्तो देखिँदैन। कृपया अर्डर कन्फर्मेसनमा लेखिएजस्तै पठाउनुहोस्।',
  },
  email: {
    en: '"{value}" looks incomplete. An e-mail address looks like name@example.com.',
    hi: '"{value}" अधूरा लगता है। ई-मेल पता name@example.com जैसा होता है।',
    'hi-Latn': '"{value}" adhoora lagta hai. Email address name@example.com jaisa hota hai.',
    ur: '"{value}" ادھورا لگتا ہے۔ ای میل ایڈریس name@example.com جیسا ہوتا ہے۔',
    ne: '"{value}" अधुरो जस्तो देखिन्छ। इमेल ठेगाना name@example.com जस्तो हुन्छ।',
  },
  phone: {
    en: '"{value}" doesn\'t look like a complete phone number. Please send all its digits, with the country code if it is not Indian (like +977 98XXXXXXXX).',
    hi: '"{value}" पूरा फ़ोन नंबर नहीं लगता। कृपया सारे अंक भेजें; भारत के बाहर का नंबर हो तो देश के कोड के साथ (जैसे +977 98XXXXXXXX)।',
    'hi-Latn': '"{value}" poora phone number nahi lagta. Please saare digits bhejiye; India ke bahar ka number ho to country code ke saath (jaise +977 98XXXXXXXX).',
    ur: '"{value}" مکمل فون نمبر نہیں لگتا۔ براہ کرم تمام ہندسے بھیجیں؛ ملک سے باہر کا نمبر ہو تو ملک کے کوڈ کے ساتھ (جیسے +92 3XX XXXXXXX)۔',
    ne: '"{value}" पूरा फोन नम्बर जस्तो देखिँदैन। कृपया सबै अङ्क पठाउनुहोस्; देशको कोडसहित (जस्तै +977 98XXXXXXXX)।',
  },
  date: {
    en: '"{value}" isn\'t a date on the calendar. Please write it as day/month/year, like 15/03/2025.',
    hi: '"{value}" कैलेंडर की कोई तारीख़ नहीं है। कृपया दिन/महीना/साल में लिखें, जैसे 15/03/2025।',
    'hi-Latn': '"{value}" calendar ki koi date nahi hai. Please din/mahina/saal mein likhiye, jaise 15/03/2025.',
    ur: '"{value}" کیلنڈر کی کوئی تاریخ نہیں ہے۔ براہ کرم دن/مہینہ/سال میں لکھیں، جیسے 15/03/2025۔',
    ne: '"{value}" पात्रोको कुनै मिति होइन। कृपया दिन/महिना/साल लेख्नुहोस्, जस्तै 15/03/2025।',
  },
};
