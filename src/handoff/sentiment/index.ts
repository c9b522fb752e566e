export { scoreSentiment, SENTIMENT_WEIGHTS } from './scoreSentiment';
export { SENTIMENT_LEXICONS, type SentimentLexicon } from './lexicons';
export { prepareText, type PreparedText } from './lexiconText';
