import type { Conversation } from '../../conversations/types';

/**
 * Net Promoter figures of a set of conversations. An NPS answer is a score 0–10 from the NPS survey
 * (`nps.score`, recorded as soon as the score is in, whether or not "why?" was answered) or from a
 * CSAT survey held on the nps10 scale (`csat` answered, scale nps10); a conversation with both
 * counts each. Promoters score 9–10, passives 7–8, detractors 0–6; score = % promoters −
 * % detractors, one decimal, −100…100. null when there is no answer.
 */
export interface NpsFigures {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  score: number;
}

const isNpsScore = (s: unknown): s is number => typeof s === 'number' && Number.isInteger(s) && s >= 0 && s <= 10;

export function npsScores(conversations: readonly Conversation[]): number[] {
  const out: number[] = [];
  for (const c of conversations) {
    if (c.nps && (c.nps.status === 'answered' || c.nps.status === 'why') && isNpsScore(c.nps.score)) out.push(c.nps.score);
    if (c.csat?.status === 'answered' && c.csat.scale === 'nps10' && isNpsScore(c.csat.score)) out.push(c.csat.score);
  }
  return out;
}

export function npsFigures(conversations: readonly Conversation[]): NpsFigures | null {
  const scores = npsScores(conversations);
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return {
    responses: scores.length,
    promoters,
    passives: scores.length - promoters - detractors,
    detractors,
    score: Math.round(((promoters - detractors) * 1000) / scores.length) / 10,
  };
}
