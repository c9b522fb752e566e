export { parseSurveyAnswer, type SurveyAnswer } from './parseSurveyAnswer';
export { isLowScore, surveyFor, type SurveyMessage, thanksFor } from './survey';
export { SCALE_RANGE, SURVEY_TEXTS, surveyPayload, type SurveyTexts } from './surveyTexts';
