/**
 * What the customer reads while linking accounts, in every catalog language. The code itself is
 * always written in ASCII digits (what OTP autofill and every keyboard expect).
 */
export type LinkMessageLanguage = 'en' | 'hi' | 'hi-Latn' | 'ur' | 'ne';

interface LinkMessages {
  code: (code: string, minutes: number) => string;
  linked: () => string;
  wrongCode: (attemptsLeft: number) => string;
  locked: () => string;
}

const MESSAGES: Record<LinkMessageLanguage, LinkMessages> = {
  en: {
    code: (code, minutes) =>
      `Your verification code is ${code}. Type it in the chat where you asked us to link your accounts. ` +
      `It expires in ${minutes} minutes. Never share it with anyone. If you did not ask for this, ignore this message.`,
    linked: () => 'Thank you, your accounts are now linked. Our team can see your earlier conversations.',
    wrongCode: (n) => `That code is not right. ${n === 1 ? '1 try left' : `${n} tries left`}.`,
    locked: () => 'Too many wrong codes. Please ask our team to send you a new code.',
  },
  hi: {
    code: (code, minutes) =>
      `आपका सत्यापन कोड ${code} है। इसे उसी चैट में लिखें जहाँ आपने खाते जोड़ने को कहा था। ` +
      `यह ${minutes} मिनट में समाप्त हो जाएगा। इसे किसी के साथ साझा न करें। अगर आपने यह नहीं माँगा, तो इस संदेश को अनदेखा करें।`,
    linked: () => 'धन्यवाद, आपके खाते अब जुड़ गए हैं। हमारी टीम आपकी पिछली बातचीत देख सकती है।',
    wrongCode: (n) => `यह कोड सही नहीं है। ${n} कोशिश${n === 1 ? '' : 'ें'} बाकी ${n === 1 ? 'है' : 'हैं'}।`,
    locked: () => 'बहुत बार गलत कोड डाला गया। कृपया हमारी टीम से नया कोड भेजने को कहें।',
  },
  'hi-Latn': {
    code: (code, minutes) =>
      `Aapka verification code ${code} hai. Ise usi chat mein likhiye jahan aapne accounts jodne ko kaha tha. ` +
      `Yeh ${minutes} minute mein khatam ho jayega. Ise kisi ke saath share na karein. Agar aapne yeh nahi maanga, to is message ko ignore karein.`,
    linked: () => 'Dhanyavaad, aapke accounts ab jud gaye hain. Hamari team aapki pichhli baatcheet dekh sakti hai.',
    wrongCode: (n) => `Yeh code sahi nahi hai. ${n} ${n === 1 ? 'koshish baaki hai' : 'koshishein baaki hain'}.`,
    locked: () => 'Bahut baar galat code daala gaya. Kripya hamari team se naya code bhejne ko kahiye.',
  },
  ur: {
    code: (code, minutes) =>
      `آپ کا تصدیقی کوڈ ${code} ہے۔ اسے اسی چیٹ میں لکھیں جہاں آپ نے اکاؤنٹس جوڑنے کو کہا تھا۔ ` +
      `یہ ${minutes} منٹ میں ختم ہو جائے گا۔ اسے کسی کے ساتھ شیئر نہ کریں۔ اگر آپ نے یہ نہیں مانگا تو اس پیغام کو نظر انداز کریں۔`,
    linked: () => 'شکریہ، آپ کے اکاؤنٹس اب جُڑ گئے ہیں۔ ہماری ٹیم آپ کی پچھلی بات چیت دیکھ سکتی ہے۔',
    wrongCode: (n) => `یہ کوڈ درست نہیں ہے۔ ${n} ${n === 1 ? 'کوشش باقی ہے' : 'کوششیں باقی ہیں'}۔`,
    locked: () => 'بہت بار غلط کوڈ درج کیا گیا۔ براہِ کرم ہماری ٹیم سے نیا کوڈ بھیجنے کو کہیں۔',
  },
  ne: {
    code: (code, minutes) =>
      `तपाईंको प्रमाणीकरण कोड ${code} हो। खाता जोड्न भन्नुभएको च्याटमा यो कोड लेख्नुहोस्। ` +
      `यो ${minutes} मिनेटमा समाप्त हुन्छ। यो कोड कसैलाई नदिनुहोस्। तपाईंले यो नमागेको भए यो सन्देशलाई बेवास्ता गर्नुहोस्।`,
    linked: () => 'धन्यवाद, तपाईंका खाताहरू अब जोडिएका छन्। हाम्रो टोलीले तपाईंका अघिल्ला कुराकानी हेर्न सक्छ।',
    wrongCode: (n) => `यो कोड मिलेन। अझै ${n} पटक प्रयास गर्न सक्नुहुन्छ।`,
    locked: () => 'धेरै पटक गलत कोड हालियो। कृपया हाम्रो टोलीलाई नयाँ कोड पठाउन भन्नुहोस्।',
  },
};

export const LINK_MESSAGE_LANGUAGES = Object.keys(MESSAGES) as LinkMessageLanguage[];

/** The language to write in: the tag itself, else its base language (`hi-IN` → `hi`), else English. */
export function linkMessageLanguage(tag: string | undefined): LinkMessageLanguage {
  if (!tag) return 'en';
  if (tag in MESSAGES) return tag as LinkMessageLanguage;
  if (/^hi-Latn/i.test(tag)) return 'hi-Latn';
  const base = tag.split('-')[0]!.toLowerCase();
  return base in MESSAGES ? (base as LinkMessageLanguage) : 'en';
}

export function verificationCodeText(lang: string | undefined, code: string, minutes: number): string {
  return MESSAGES[linkMessageLanguage(lang)].code(code, minutes);
}

export function linkedText(lang: string | undefined): string {
  return MESSAGES[linkMessageLanguage(lang)].linked();
}

export function wrongCodeText(lang: string | undefined, attemptsLeft: number): string {
  return MESSAGES[linkMessageLanguage(lang)].wrongCode(attemptsLeft);
}

export function lockedText(lang: string | undefined): string {
  return MESSAGES[linkMessageLanguage(lang)].locked();
}
