import type { CsatScale } from '../types';

/** The survey wording per language. Unknown languages use English. */
export interface SurveyTexts {
  /** csat5: the question and how to answer. */
  csat5: string;
  /** csat5 labels for 1..5 (Messenger buttons: at most 20 characters with the number). */
  csat5Labels: [string, string, string, string, string];
  /** nps10: the question and how to answer. */
  nps10: string;
  thanks: string;
  /** WhatsApp: the line before the numbered list. */
  replyWithNumber: string;
}

export const SURVEY_TEXTS: Readonly<Record<string, SurveyTexts>> = {
  en: {
    csat5: 'How did we do? Reply 1–5 (1 = very poor, 5 = excellent).',
    csat5Labels: ['Very poor', 'Poor', 'OK', 'Good', 'Excellent'],
    nps10: 'How likely are you to recommend us to a friend? Reply 0–10 (0 = not at all, 10 = very likely).',
    thanks: 'Thank you for your feedback!',
    replyWithNumber: 'Reply with a number:',
  },
  hi: {
    csat5: 'हमारी सेवा कैसी रही? 1–5 में जवाब दें (1 = बहुत खराब, 5 = बहुत बढ़िया)।',
    csat5Labels: ['बहुत खराब', 'खराब', 'ठीक', 'अच्छा', 'बहुत बढ़िया'],
    nps10: 'आप हमें किसी दोस्त को सुझाने की कितनी संभावना रखते हैं? 0–10 में जवाब दें (0 = बिल्कुल नहीं, 10 = ज़रूर)।',
    thanks: 'आपकी राय के लिए धन्यवाद!',
    replyWithNumber: 'एक नंबर भेजें:',
  },
  'hi-Latn': {
    csat5: 'Hamari service kaisi rahi? 1–5 mein jawab dein (1 = bahut kharab, 5 = bahut badhiya).',
    csat5Labels: ['Bahut kharab', 'Kharab', 'Theek', 'Achha', 'Bahut badhiya'],
    nps10: 'Aap hume kisi dost ko recommend karne ki kitni sambhavna rakhte hain? 0–10 mein jawab dein (0 = bilkul nahi, 10 = zaroor).',
    thanks: 'Aapke feedback ke liye shukriya!',
    replyWithNumber: 'Ek number bhejiye:',
  },
  ur: {
    csat5: 'ہماری سروس کیسی رہی؟ 1–5 میں جواب دیں (1 = بہت خراب، 5 = بہترین)۔',
    csat5Labels: ['بہت خراب', 'خراب', 'ٹھیک', 'اچھا', 'بہترین'],
    nps10: 'آپ ہمیں کسی دوست کو تجویز کرنے کا کتنا امکان رکھتے ہیں؟ 0–10 میں جواب دیں (0 = بالکل نہیں، 10 = ضرور)۔',
    thanks: 'آپ کی رائے کا شکریہ!',
    replyWithNumber: 'ایک نمبر بھیجیں:',
  },
  ne: {
    csat5: 'हाम्रो सेवा कस्तो लाग्यो? 1–5 मा जवाफ दिनुहोस् (1 = धेरै नराम्रो, 5 = उत्कृष्ट)।',
    csat5Labels: ['धेरै नराम्रो', 'नराम्रो', 'ठिकै', 'राम्रो', 'उत्कृष्ट'],
    nps10: 'तपाईं हामीलाई साथीलाई सिफारिस गर्ने कत्तिको सम्भावना छ? 0–10 मा जवाफ दिनुहोस् (0 = पटक्कै छैन, 10 = पक्कै)।',
    thanks: 'तपाईंको प्रतिक्रियाको लागि धन्यवाद!',
    replyWithNumber: 'एउटा नम्बर पठाउनुहोस्:',
  },
};

export function surveyTextsFor(lang: string): SurveyTexts {
  return SURVEY_TEXTS[lang] ?? (SURVEY_TEXTS.en as SurveyTexts);
}

export const SCALE_RANGE: Record<CsatScale, { min: number; max: number }> = {
  csat5: { min: 1, max: 5 },
  nps10: { min: 0, max: 10 },
};

/** The payload a tapped survey button sends back. */
export function surveyPayload(scale: CsatScale, score: number): string {
  return `${scale === 'csat5' ? 'csat' : 'nps'}:${score}`;
}
