import type { CatalogMessages } from '../types';

/** Built-in bot messages; a catalog's `messages:` overrides them per message and language. */
export const DEFAULT_MESSAGES: CatalogMessages = {
  fallback: {
    en: "Sorry, I didn't get that. Could you say it another way?",
    hi: 'माफ़ कीजिए, मैं समझ नहीं पाया। क्या आप इसे दूसरे तरीके से लिख सकते हैं?',
    'hi-Latn': 'Sorry, main samajh nahi paaya. Kya aap ise dusre tarike se likh sakte hain?',
    ur: 'معاف کیجیے، میں سمجھ نہیں پایا۔ کیا آپ اسے کسی اور طرح لکھ سکتے ہیں؟',
    ne: 'माफ गर्नुहोस्, मैले बुझिनँ। के तपाईं अर्को तरिकाले लेख्न सक्नुहुन्छ?',
  },
  clarify: {
    en: 'Did you mean one of these?',
    hi: 'क्या आपका मतलब इनमें से कोई है?',
    'hi-Latn': 'Kya aapka matlab inmein se koi hai?',
    ur: 'کیا آپ کا مطلب ان میں سے کوئی ہے؟',
    ne: 'के तपाईंले यीमध्ये कुनै भन्न खोज्नुभएको हो?',
  },
  handoff: {
    en: "I'm passing you to a person from our team; they will see everything you wrote.",
    hi: 'मैं आपको हमारी टीम के एक सदस्य से जोड़ रहा हूँ; वे आपकी लिखी हर बात देख पाएँगे।',
    'hi-Latn': 'Main aapko hamari team ke ek member se jod raha hoon; woh aapki likhi har baat dekh payenge.',
    ur: 'میں آپ کو ہماری ٹیم کے ایک رکن سے ملا رہا ہوں؛ وہ آپ کی لکھی ہر بات دیکھ سکیں گے۔',
    ne: 'म तपाईंलाई हाम्रो टोलीको एक जनासँग जोड्दैछु; उहाँले तपाईंले लेखेको सबै देख्नुहुनेछ।',
  },
  fulfillmentError: {
    en: "Sorry, I can't look that up right now. A colleague will pick this up.",
    hi: 'माफ़ कीजिए, मैं अभी यह जानकारी नहीं देख पा रहा हूँ। हमारी टीम का कोई सदस्य इसे देखेगा।',
    'hi-Latn': 'Sorry, main abhi yeh check nahi kar pa raha. Hamari team ka koi member ise dekhega.',
    ur: 'معاف کیجیے، میں ابھی یہ معلومات نہیں دیکھ پا رہا۔ ہماری ٹیم کا کوئی رکن اسے دیکھے گا۔',
    ne: 'माफ गर्नुहोस्, म अहिले यो जानकारी हेर्न सक्दिनँ। हाम्रो टोलीको एक जनाले यो हेर्नुहुनेछ।',
  },
};
