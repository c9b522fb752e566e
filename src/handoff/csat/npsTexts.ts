/** The NPS follow-up question, asked after a bare score, per language (unknown languages: English). */
const NPS_WHY: Readonly<Record<string, string>> = {
  en: 'Thank you! What is the main reason for your score?',
  hi: 'धन्यवाद! आपने यह स्कोर क्यों दिया?',
  'hi-Latn': 'Shukriya! Aapne yeh score kyun diya?',
  ur: 'شکریہ! آپ نے یہ اسکور کیوں دیا؟',
  ne: 'धन्यवाद! तपाईंले यो अंक किन दिनुभयो?',
};

export function npsWhyFor(lang: string): string {
  return NPS_WHY[lang] ?? (NPS_WHY.en as string);
}

/** Longest "why?" answer kept as the NPS comment. */
export const NPS_COMMENT_MAX = 1000;
