import type { CsatScale, TeamSurvey } from '../types';

/**
 * Which surveys a resolved conversation gets, from its team's setting, and which one goes first.
 * A team without a setting keeps the server-wide CSAT_SCALE (csat5, or nps10 asked as the CSAT).
 */
export interface SurveyPlan {
  /** The CSAT survey to ask first, or null when the team asks NPS only. */
  csat: CsatScale | null;
  /** Whether NPS (0–10 then "why?") is asked: first (no CSAT) or after the CSAT answer. */
  nps: boolean;
}

export function surveyPlan(teamSurvey: TeamSurvey | undefined, defaultScale: CsatScale): SurveyPlan {
  switch (teamSurvey) {
    case 'csat':
      return { csat: 'csat5', nps: false };
    case 'nps':
      return { csat: null, nps: true };
    case 'both':
      return { csat: 'csat5', nps: true };
    default:
      return { csat: defaultScale, nps: false };
  }
}
