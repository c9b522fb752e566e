export { angerShownOnlyBySigns, scoreSentiment, SENTIMENT_WEIGHTS } from './scoreSentiment';
export { SENTIMENT_LEXICONS, type SentimentLexicon } from './lexicons';
export { preparedOf, prepareText, type PreparedText } from './lexiconText';
