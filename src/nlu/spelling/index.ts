export { catalogSpellingFor, MIN_TYPO_LENGTH, withinOneEdit } from './catalogSpelling';
export type { CatalogSpelling } from './catalogSpelling';
export { expandSmsSpelling, SMS_SPELLINGS } from './smsSpelling';
