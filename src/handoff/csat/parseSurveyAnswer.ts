import { normaliseWords, toAsciiDigits } from '../sentiment/lexiconText';
import type { CsatScale } from '../types';
import { SCALE_RANGE } from './surveyTexts';

export interface SurveyAnswer {
  score: number;
  comment?: string;
}

/** Number words customers type instead of digits, 0–10, in the five catalog languages. */
const NUMBER_WORDS: Record<string, number> = {
  // en
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  // hi-Latn
  shunya: 0, ek: 1, do: 2, teen: 3, char: 4, chaar: 4, panch: 5, paanch: 5, chhe: 6, chhah: 6, che: 6, saat: 7, aath: 8, nau: 9, das: 10,
  // hi (Devanagari)
  शून्य: 0, एक: 1, दो: 2, तीन: 3, चार: 4, पाँच: 5, पांच: 5, छह: 6, छः: 6, छे: 6, सात: 7, आठ: 8, नौ: 9, दस: 10,
  // ur
  صفر: 0, ایک: 1, دو: 2, تین: 3, چار: 4, پانچ: 5, چھ: 6, چھے: 6, سات: 7, آٹھ: 8, نو: 9, دس: 10,
  // ne (शून्य, एक, चार, पाँच, सात, आठ, नौ, दस as in Hindi)
  दुई: 2, तिन: 3, छ: 6, दश: 10,
};
const WORD_SCORES = new Map(Object.entries(NUMBER_WORDS).map(([w, n]) => [normaliseWords(w), n]));

const PAYLOAD = /^(csat|nps):(\d{1,2})$/;
const STARS = /^([⭐★🌟]\uFE0F?){1,5}/u;
/** Between the score and a comment: a dash, colon, comma, full stop, bracket or "stars". */
const SEPARATOR = /^\s*(?:\/\s*(?:5|10)\b|out of (?:5|10)\b|stars?\b)?\s*(?:[-–—:,.)!|।۔،]+\s*|$)/iu;

function inRange(score: number, scale: CsatScale): boolean {
  const { min, max } = SCALE_RANGE[scale];
  return Number.isInteger(score) && score >= min && score <= max;
}

function answer(score: number, rest: string, scale: CsatScale): SurveyAnswer | null {
  if (!inRange(score, scale)) return null;
  if (!/[\p{L}\p{N}]/u.test(rest)) return { score };
  const comment = rest.trim();
  return comment ? { score, comment } : { score };
}

/** "4", "4 - great help", "4/5", "4 stars: quick", "४", "۴". */
function fromDigits(text: string, scale: CsatScale): SurveyAnswer | null {
  const m = /^(\d{1,2})(?!\d)/.exec(text);
  if (!m) return null;
  const after = text.slice(m[0].length);
  if (!/[\p{L}\p{N}]/u.test(after)) return answer(Number(m[1]), '', scale);
  const sep = SEPARATOR.exec(after);
  if (!sep) return null;
  return answer(Number(m[1]), after.slice(sep[0].length), scale);
}

/** "paanch", "five - good", "پانچ", "पाँच". */
function fromWord(text: string, scale: CsatScale): SurveyAnswer | null {
  const m = /^[\p{L}\p{M}]+/u.exec(text);
  if (!m) return null;
  const score = WORD_SCORES.get(normaliseWords(m[0]));
  if (score === undefined) return null;
  const after = text.slice(m[0].length);
  if (!/[\p{L}\p{N}]/u.test(after)) return answer(score, '', scale);
  const sep = SEPARATOR.exec(after);
  if (!sep) return null;
  return answer(score, after.slice(sep[0].length), scale);
}

/** "⭐⭐⭐⭐", "⭐⭐⭐⭐⭐ loved it" (csat5 only). */
function fromStars(text: string, scale: CsatScale): SurveyAnswer | null {
  if (scale !== 'csat5') return null;
  const m = STARS.exec(text);
  if (!m) return null;
  const stars = [...m[0]].filter((c) => c !== '\uFE0F').length;
  return answer(stars, text.slice(m[0].length).replace(/^\s*[-–—:,.]?\s*/, ''), scale);
}

/**
 * A survey answer, or null when the message is not one (the conversation then goes on as usual).
 * Accepts a button payload (`csat:4`, `nps:9`), a number in any catalog script optionally followed
 * by a separator and a comment or only by emoji ("5 - great help", "5 👍", "4/5", "٥", "५"), a number word ("five",
 * "paanch", "پانچ", "पाँच") and, for csat5, stars ("⭐⭐⭐⭐"). A number followed by words without
 * a separator ("2 items missing") is not read as a score. Out-of-range numbers give null.
 */
export function parseSurveyAnswer(input: string | { text?: string; payload?: string }, scale: CsatScale): SurveyAnswer | null {
  const payload = typeof input === 'string' ? input : input.payload;
  const text = typeof input === 'string' ? input : (input.text ?? '');
  // A plain string may be a payload too (callers pass `event.payload ?? event.text`).
  const tapped = payload ? PAYLOAD.exec(payload.trim()) : null;
  if (tapped) {
    const kind = tapped[1] === 'csat' ? 'csat5' : 'nps10';
    return kind === scale ? answer(Number(tapped[2]), '', scale) : null;
  }
  const trimmed = toAsciiDigits(text.normalize('NFC')).trim();
  if (!trimmed) return null;
  return fromDigits(trimmed, scale) ?? fromStars(trimmed, scale) ?? fromWord(trimmed, scale);
}
