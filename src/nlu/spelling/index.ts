export { catalogSpellingFor, MIN_TYPO_LENGTH, withinOneEdit } from './catalogSpelling';
export type { CatalogSpelling, CatalogSpellingOptions } from './catalogSpelling';
export { COMMON_WORD_RANK, commonEnglishWords, commonWordsOf } from './commonWords';
export { expandSmsSpelling, SMS_SPELLINGS } from './smsSpelling';
export { isHinglishWord } from './hinglishWords';
