/**
 * What the phone line says (and the SMS it sends) in each catalog language. Hinglish callers hear
 * Hindi: a voice reads Devanagari, not romanised Hindi. Unknown languages use English.
 */
export interface VoiceTexts {
  /** `<Say>` language: a Twilio TTS locale. */
  sayLanguage: string;
  offer: string;
  sentWhatsApp: string;
  sentSms: string;
  failed: string;
  notChosen: string;
  /** The SMS sent to callers whose number can't get WhatsApp. */
  smsText: string;
}

const hindi: VoiceTexts = {
  sayLanguage: 'hi-IN',
  offer: 'कॉल करने के लिए धन्यवाद। इंतज़ार किए बिना व्हाट्सऐप पर बात जारी रखने के लिए 1 दबाएँ।',
  sentWhatsApp: 'हमने आपको व्हाट्सऐप पर संदेश भेजा है। वहीं जवाब दें, हम आपकी मदद करेंगे। धन्यवाद!',
  sentSms: 'आपके नंबर पर व्हाट्सऐप नहीं मिल सकता, इसलिए हमने आपको SMS भेजा है। उसी का जवाब दें, हम मदद करेंगे। धन्यवाद!',
  failed: 'माफ़ कीजिए, अभी हम आपको संदेश नहीं भेज पाए। कृपया थोड़ी देर बाद फिर कॉल करें। धन्यवाद!',
  notChosen: 'कोई बात नहीं। आप कभी भी व्हाट्सऐप पर हमें लिख सकते हैं। धन्यवाद!',
  smsText: 'नमस्ते! आपने अभी हमें कॉल किया था। इस संदेश का जवाब दें, हम यहीं आपकी मदद करेंगे।',
};

export const VOICE_TEXTS: Readonly<Record<string, VoiceTexts>> = {
  en: {
    sayLanguage: 'en-IN',
    offer: 'Thank you for calling. To continue on WhatsApp and skip the wait, press 1.',
    sentWhatsApp: 'We have sent you a WhatsApp message. Reply there and we will help you. Goodbye!',
    sentSms: "Your number can't receive WhatsApp, so we have sent you a text message instead. Reply to it and we will help you. Goodbye!",
    failed: 'Sorry, we could not send you a message right now. Please call again later. Goodbye!',
    notChosen: 'No problem. You can write to us on WhatsApp at any time. Goodbye!',
    smsText: 'Hello! You just called us. Reply to this message and we will help you here.',
  },
  hi: hindi,
  'hi-Latn': { ...hindi, smsText: 'Namaste! Aapne abhi hume call kiya tha. Is message ka jawab dein, hum yahin aapki madad karenge.' },
  ur: {
    sayLanguage: 'ur-IN',
    offer: 'کال کرنے کا شکریہ۔ انتظار کے بغیر واٹس ایپ پر بات جاری رکھنے کے لیے 1 دبائیں۔',
    sentWhatsApp: 'ہم نے آپ کو واٹس ایپ پر پیغام بھیجا ہے۔ وہیں جواب دیں، ہم آپ کی مدد کریں گے۔ شکریہ!',
    sentSms: 'آپ کے نمبر پر واٹس ایپ نہیں مل سکتا، اس لیے ہم نے آپ کو ایس ایم ایس بھیجا ہے۔ اسی کا جواب دیں، ہم مدد کریں گے۔ شکریہ!',
    failed: 'معاف کیجیے، ابھی ہم آپ کو پیغام نہیں بھیج سکے۔ براہ کرم کچھ دیر بعد دوبارہ کال کریں۔ شکریہ!',
    notChosen: 'کوئی بات نہیں۔ آپ کسی بھی وقت واٹس ایپ پر ہمیں لکھ سکتے ہیں۔ شکریہ!',
    smsText: 'السلام علیکم! آپ نے ابھی ہمیں کال کی تھی۔ اس پیغام کا جواب دیں، ہم یہیں آپ کی مدد کریں گے۔',
  },
  ne: {
    // No Nepali TTS voice on Twilio: the Hindi voice reads Nepali's Devanagari intelligibly.
    sayLanguage: 'hi-IN',
    offer: 'फोन गर्नुभएकोमा धन्यवाद। पर्खाइ बिना ह्वाट्सएपमा कुरा जारी राख्न 1 थिच्नुहोस्।',
    sentWhatsApp: 'हामीले तपाईंलाई ह्वाट्सएपमा सन्देश पठाएका छौं। त्यहीँ जवाफ दिनुहोस्, हामी मद्दत गर्नेछौं। धन्यवाद!',
    sentSms: 'तपाईंको नम्बरमा ह्वाट्सएप आउँदैन, त्यसैले हामीले SMS पठाएका छौं। त्यसैको जवाफ दिनुहोस्, हामी मद्दत गर्नेछौं। धन्यवाद!',
    failed: 'माफ गर्नुहोस्, अहिले हामी सन्देश पठाउन सकेनौं। कृपया केही बेरपछि फेरि फोन गर्नुहोस्। धन्यवाद!',
    notChosen: 'ठिक छ। तपाईं जुनसुकै बेला ह्वाट्सएपमा हामीलाई लेख्न सक्नुहुन्छ। धन्यवाद!',
    smsText: 'नमस्ते! तपाईंले भर्खरै हामीलाई फोन गर्नुभयो। यो सन्देशको जवाफ दिनुहोस्, हामी यहीँ मद्दत गर्नेछौं।',
  },
};

export function voiceTextsFor(lang: string): VoiceTexts {
  return VOICE_TEXTS[lang] ?? (VOICE_TEXTS.en as VoiceTexts);
}
