import type { ChannelName } from '../../conversations/types';
import type { QuickReply } from '../../nlu/types';
import type { CsatScale } from '../types';
import { SCALE_RANGE, surveyPayload, surveyTextsFor } from './surveyTexts';

export interface SurveyMessage {
  text: string;
  quickReplies?: QuickReply[];
}

/**
 * The survey question. Messenger and the sandbox get buttons (payloads `csat:N` / `nps:N`);
 * WhatsApp, where an in-session message has at most 3 buttons, gets csat5 as a numbered list in
 * the text and nps10 as the question alone (it says "Reply 0–10").
 */
export function surveyFor(scale: CsatScale, lang: string, channel: ChannelName): SurveyMessage {
  const t = surveyTextsFor(lang);
  const buttons = channel !== 'whatsapp';
  if (scale === 'csat5') {
    const options = t.csat5Labels.map((label, i) => ({ n: i + 1, label }));
    if (buttons) {
      return { text: t.csat5, quickReplies: options.map((o) => ({ title: `${o.n} ${o.label}`.slice(0, 20), payload: surveyPayload(scale, o.n) })) };
    }
    return { text: [t.csat5, t.replyWithNumber, ...options.map((o) => `${o.n}. ${o.label}`)].join('\n') };
  }
  if (!buttons) return { text: t.nps10 };
  const { min, max } = SCALE_RANGE.nps10;
  const quickReplies = Array.from({ length: max - min + 1 }, (_, i) => ({ title: String(min + i), payload: surveyPayload(scale, min + i) }));
  return { text: t.nps10, quickReplies };
}

export function thanksFor(lang: string): string {
  return surveyTextsFor(lang).thanks;
}

/** Low scores open a follow-up for the team lead: csat5 1–2, nps10 0–6 (detractors). */
export function isLowScore(score: number, scale: CsatScale): boolean {
  return scale === 'csat5' ? score <= 2 : score <= 6;
}
