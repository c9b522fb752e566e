/**
 * Romanised Nepali ("mero paisa kaile firta aauchha?") read in Devanagari for the intent classifier,
 * without a model: nepaliTransliterator.ts (the reading), romanisedNepaliClassifier.ts (the
 * classifier decorator the bot's brain uses).
 */
export { catalogWordsBySound, createNepaliTransliterator, MAX_TRANSLITERATED_LENGTH, nepaliTransliteratorFor, type NepaliTransliterator } from './nepaliTransliterator';
export { isRomanisedNepali, readingRomanisedNepali, withRomanisedNepali, type RankingClassifier } from './romanisedNepaliClassifier';
export { NEPALI_LEXICON } from './nepaliLexicon';
export { transliterateWord } from './romanToDevanagari';
export { devanagariSkeleton, latinSkeleton } from './soundSkeleton';
