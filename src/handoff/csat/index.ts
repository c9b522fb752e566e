export { parseSurveyAnswer, type SurveyAnswer } from './parseSurveyAnswer';
export { isLowScore, surveyFor, type SurveyMessage, thanksFor } from './survey';
export { SCALE_RANGE, SURVEY_TEXTS, surveyPayload, type SurveyTexts } from './surveyTexts';
export { NPS_COMMENT_MAX, npsWhyFor } from './npsTexts';
export { surveyPlan, type SurveyPlan } from './surveyPlan';
