import { en } from './en';
import { hi } from './hi';
import { hiLatn } from './hiLatn';
import { ne } from './ne';
import type { SentimentLexicon } from './types';
import { ur } from './ur';

export type { SentimentLexicon } from './types';

/** The sentiment lexicons by catalog language tag. */
export const SENTIMENT_LEXICONS: Readonly<Record<string, SentimentLexicon>> = { en, hi, 'hi-Latn': hiLatn, ur, ne };
