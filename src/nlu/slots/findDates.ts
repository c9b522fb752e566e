import { allMatches, SlotMatch } from './spans';

/**
 * Dates, normalised to ISO `YYYY-MM-DD`:
 * - `2024-03-15` or `2024/03/15` (year first);
 * - `15/03/2024`, `15-03-24`, `15.3.2024` (day first, as written in South Asia; two-digit years are 20yy);
 * - a day and a month by name, either order, the year optional: `3rd November`, `Nov 3, 2025`,
 *   `12 नवंबर`, `१२ नवम्बर` (digits converted), `12 نومبر`, `५ नोभेम्बर`. Without a year, the year that puts
 *   the date nearest today (within half a year either way: "3 November" in December is this
 *   November, "5 January" is next January);
 * - relative words, counted from `today` (the calendar date of `now` in the configured time zone):
 *   en today / tomorrow / yesterday / day after tomorrow / day before yesterday;
 *   hi-Latn aaj / kal / parso; hi आज / कल / परसों; ur آج / کل / پرسوں; ne आज / भोलि / हिजो / पर्सि / अस्ति.
 * "kal" (कल, کل) means both yesterday and tomorrow, "parso" both ±2 days: they are read as past when
 * the message has a past-tense marker (tha, gaya, aaya, hua, था, गया, تھا, گیا, …) and as future
 * otherwise ("kal deliver karo" → tomorrow, "kal order kiya tha" → yesterday).
 * Impossible dates (31/02/2024) are not dates.
 */

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{M}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{M}])';

interface RelativeWord {
  word: string;
  /** Days from today; for ambiguous words the future reading (negated when the message is past tense). */
  days: number;
  ambiguous?: boolean;
}

// Longest first, so "day after tomorrow" wins over "tomorrow".
const RELATIVE_WORDS: RelativeWord[] = [
  { word: 'day after tomorrow', days: 2 },
  { word: 'day before yesterday', days: -2 },
  { word: 'today', days: 0 },
  { word: 'tomorrow', days: 1 },
  { word: 'yesterday', days: -1 },
  { word: 'aaj', days: 0 },
  { word: 'kal', days: 1, ambiguous: true },
  { word: 'parson', days: 2, ambiguous: true },
  { word: 'parso', days: 2, ambiguous: true },
  { word: 'आज', days: 0 },
  { word: 'कल', days: 1, ambiguous: true },
  { word: 'परसों', days: 2, ambiguous: true },
  { word: 'परसो', days: 2, ambiguous: true },
  { word: 'भोलि', days: 1 },
  { word: 'हिजो', days: -1 },
  { word: 'पर्सि', days: 2 },
  { word: 'पर्सी', days: 2 },
  { word: 'अस्ति', days: -2 },
  { word: 'آج', days: 0 },
  { word: 'کل', days: 1, ambiguous: true },
  { word: 'پرسوں', days: 2, ambiguous: true },
  { word: 'پرسو', days: 2, ambiguous: true },
];

const RELATIVE = new RegExp(
  `${NOT_LETTER_BEFORE}(${RELATIVE_WORDS.map((w) => w.word.replace(/ /g, '\\s+')).join('|')})${NOT_LETTER_AFTER}`,
  'giu',
);

const PAST_MARKERS = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${[
    'tha', 'thi', 'thaa', 'thee', 'gaya', 'gayi', 'gai', 'gya', 'gyi', 'aaya', 'aya', 'aayi', 'ayi', 'aai',
    'hua', 'hui', 'huwa', 'kiya', 'kia', 'kiye', 'liya', 'liye', 'mila', 'mili', 'diya', 'diye',
    'था', 'थी', 'थे', 'गया', 'गई', 'गयी', 'आया', 'आई', 'आयी', 'हुआ', 'हुई', 'किया', 'लिया', 'मिला', 'मिली', 'दिया',
    'تھا', 'تھی', 'تھے', 'گیا', 'گئی', 'آیا', 'آئی', 'ہوا', 'ہوئی', 'لیا', 'ملا', 'ملی', 'دیا',
  ].join('|')})${NOT_LETTER_AFTER}`,
  'iu',
);

/**
 * "12/11", "25/11 ko", "१२/११": a day and a month with a slash and no year (day first, as written in
 * South Asia). Not inside a longer run of numbers or slashes (12/11/2025 is DAY_FIRST; 1/2/3 is
 * nothing), and not "24/7" or a rating ("rated 4/5", "4/5 stars").
 */
const RATING_BEFORE = /(?:rated|rating|rate|score|marks|out of)(?:\s+[\p{L}\p{M}]+)?\s*[:-]?\s*$/iu;
const RATING_AFTER = /^\s*(?:stars?|⭐|rating)/iu;
const DAY_MONTH_SLASH = /(?<![\p{N}/.:-])(\d{1,2})\/(\d{1,2})(?![\p{N}/]|[.:-]\d)/gu;

/**
 * "3 din pehle", "3 days ago", "३ दिन पहले", "3 دن پہلے", "३ दिन अघि": a count of days back.
 * "last monday", "pichhle somvar", "पिछले सोमवार", "پچھلے پیر", "गएको सोमबार": the latest such
 * weekday before today.
 */
const DAYS_AGO = /(?<![\p{N}\p{L}])(\d{1,3})\s*(?:days?|din|dino|दिन|دن)\s+(?:ago|back|before|pehle|pahle|phle|pehele|pehley|पहले|पहिले|पहिला|अघि|अगाडि|پہلے|قبل)(?![\p{L}\p{M}])/giu;
/**
 * "13 tarikh ko", "13 तारीख को", "۱۳ تاریخ کو": a day of the month with the month left out. (Nepali
 * "गते" counts days of the Bikram Sambat month and is not read.)
 */
const DAY_OF_MONTH = /(?<![\p{N}\p{L}])(\d{1,2})\s*(?:tarikh|tareekh|tarik|tareek|तारीख़|तारीख|तारिख|تاریخ)(?![\p{L}\p{M}])/giu;

/**
 * Past tense in English and Nepali ("ordered on 3rd march", "paid on 5 june", "५ जुनमा अर्डर गरेको थियो",
 * "3 march ma kineko"): a day and month without a year is then the last one, not the nearest.
 * English counts only without a "will", "going to", "supposed to", "due" or "expected" ("will be
 * delivered on 5 march" is ahead).
 */
const ENGLISH_PAST = /(?<![a-z])(?:ordered|bought|purchased|placed|paid|booked|received|got|delivered|shipped|returned|sent|charged|debited|deducted)(?![a-z])/i;
const ENGLISH_AHEAD = /(?<![a-z])(?:will|going\s+to|gonna|supposed\s+to|due|expected)(?![a-z])/i;
const NEPALI_PAST = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${[
    'थियो', 'थिए', 'गरेको', 'गरेँ', 'गरें', 'किनेको', 'किनें', 'किनेँ', 'तिरेको', 'तिरें', 'पठाएको', 'आयो', 'पाएँ', 'पाएको', 'लिएको',
    'thiyo', 'thiye', 'gareko', 'kineko', 'tireko', 'pathayeko', 'aayo', 'payeko', 'lieko',
  ].join('|')})${NOT_LETTER_AFTER}`,
  'iu',
);

/** Whether the message tells of something done: PAST_MARKERS, or English or Nepali past tense. */
function isPastTense(text: string): boolean {
  return PAST_MARKERS.test(text) || NEPALI_PAST.test(text) || (ENGLISH_PAST.test(text) && !ENGLISH_AHEAD.test(text));
}

/** Future tense: "aayega", "milegi", "आएगा", "آئے گا", "will". */
const FUTURE_MARKERS = /[a-z](?:ega|egi|enge|ogi|oge)(?![a-z])|(?<![a-z])will(?![a-z])|[\u0900-\u097F](?:गा|गी|गे)(?![\u0900-\u097F])|(?<![\p{L}])(?:گا|گی|گے)(?![\p{L}])/iu;

/**
 * The date of a day of the month with no month: in this month or one either side, the nearest; in a
 * past-tense message the latest not after today, in a future-tense one the earliest not before it.
 */
function monthFor(today: string, day: number, past: boolean, future: boolean): string | null {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const t = Date.parse(today);
  let best: string | null = null;
  for (const offset of [-1, 0, 1]) {
    const month = ((m - 1 + offset + 12) % 12) + 1;
    const year = y + (m + offset < 1 ? -1 : m + offset > 12 ? 1 : 0);
    const iso = isoDate(year, month, day);
    if (!iso || (past && iso > today) || (future && !past && iso < today)) continue;
    if (best === null || Math.abs(Date.parse(iso) - t) < Math.abs(Date.parse(best) - t)) best = iso;
  }
  return best;
}

// Urdu ہفتہ (Saturday) is left out: "پچھلے ہفتے" is "last week".
const WEEKDAYS: readonly (readonly string[])[] = [
  ['sunday', 'ravivar', 'raviwar', 'itwar', 'itvar', 'रविवार', 'इतवार', 'आइतबार', 'आइतवार', 'اتوار'],
  ['monday', 'somvar', 'somwar', 'सोमवार', 'सोमबार', 'پیر', 'سوموار'],
  ['tuesday', 'mangalvar', 'mangalwar', 'मंगलवार', 'मङ्गलबार', 'मंगलबार', 'منگل'],
  ['wednesday', 'budhvar', 'budhwar', 'बुधवार', 'बुधबार', 'بدھ'],
  ['thursday', 'guruvar', 'guruwar', 'veervar', 'virwar', 'गुरुवार', 'बृहस्पतिवार', 'वीरवार', 'बिहीबार', 'جمعرات'],
  ['friday', 'shukravar', 'shukrawar', 'शुक्रवार', 'शुक्रबार', 'جمعہ'],
  ['saturday', 'shanivar', 'shaniwar', 'शनिवार', 'शनिबार'],
];
const WEEKDAY_OF = new Map<string, number>(WEEKDAYS.flatMap((names, i) => names.map((n) => [n, i] as const)));
const LAST_WEEKDAY = new RegExp(
  `${NOT_LETTER_BEFORE}(?:last|pichhle|pichle|pichhla|pichla|pichhli|पिछले|पिछला|पिछली|پچھلے|پچھلا|گزشتہ|गएको|गत|अघिल्लो)\\s+(${[...WEEKDAY_OF.keys()]
    .sort((a, b) => b.length - a.length)
    .join('|')})(?:को|ko|کو)?${NOT_LETTER_AFTER}`,
  'giu',
);

export const YEAR_FIRST = /(?<![\p{N}])(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\p{N}])/gu;
export const DAY_FIRST = /(?<![\p{N}])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{N}])/gu;

/**
 * Month names as customers write them, by month number: English (also Hinglish) in full and
 * abbreviated, Hindi and Nepali in Devanagari (with and without nukta, the common spellings), Urdu.
 * Nepali "मे" (May) is left out: in Hindi it is a common spelling of "में" (in), as in "5 मे"; so is
 * "mar" (Hinglish "mar gaya", died): March is written out.
 */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'जनवरी', 'جنوری'],
  ['february', 'feb', 'फरवरी', 'फ़रवरी', 'फेब्रुअरी', 'فروری'],
  ['march', 'मार्च', 'مارچ'],
  ['april', 'apr', 'अप्रैल', 'अप्रेल', 'अप्रिल', 'اپریل'],
  ['may', 'मई', 'مئی'],
  ['june', 'jun', 'जून', 'जुन', 'جون'],
  ['july', 'jul', 'जुलाई', 'جولائی'],
  ['august', 'aug', 'अगस्त', 'अगस्ट', 'اگست'],
  ['september', 'sept', 'sep', 'सितंबर', 'सितम्बर', 'सेप्टेम्बर', 'ستمبر'],
  ['october', 'oct', 'अक्टूबर', 'अक्तूबर', 'अक्टोबर', 'اکتوبر'],
  ['november', 'nov', 'नवंबर', 'नवम्बर', 'नोभेम्बर', 'نومبر'],
  ['december', 'dec', 'दिसंबर', 'दिसम्बर', 'डिसेम्बर', 'دسمبر'],
];
const MONTH_OF = new Map<string, number>(MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
const MONTH = `(${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|')})`;
const ORDINAL = '(?:st|nd|rd|th)?';
/** Nepali writes its postpositions onto the word: "नोभेम्बरमा" (in November), "नोभेम्बरदेखि" (since November). */
const GLUED = '(?:मा|को|देखि|सम्म)?';
/** "3rd November", "3 of nov 2025", "१२ नवंबर", "12 نومبر": day first. */
const DAY_MONTH = new RegExp(`(?<![\\p{N}\\p{L}])(\\d{1,2})${ORDINAL}\\s*(?:of\\s+)?${MONTH}${GLUED}\\.?${NOT_LETTER_AFTER}(?:,?\\s*(\\d{4})(?![\\p{N}]))?`, 'giu');
/** "November 3rd", "Nov 3, 2025": month first. */
const MONTH_DAY = new RegExp(`${NOT_LETTER_BEFORE}${MONTH}\\.?\\s*(\\d{1,2})${ORDINAL}(?![\\p{N}\\p{L}])(?:,?\\s*(\\d{4})(?![\\p{N}]))?`, 'giu');

/**
 * The ISO date of a day and month with no year: the year that puts it nearest `today`, or in a
 * message in the past tense the latest one not after today ("5 मार्च को ऑर्डर किया था" in December
 * is last March).
 */
function yearFor(today: string, month: number, day: number, past: boolean): string | null {
  const year = Number(today.slice(0, 4));
  const t = Date.parse(today);
  let best: string | null = null;
  for (const y of [year - 1, year, year + 1]) {
    const iso = isoDate(y, month, day);
    if (!iso || (past && iso > today)) continue;
    if (best === null || Math.abs(Date.parse(iso) - t) < Math.abs(Date.parse(best) - t)) best = iso;
  }
  return best;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO date, or null when the day does not exist. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * One formatter per zone, built once: constructing an Intl.DateTimeFormat costs far more than using
 * one, and this runs on every message. `null` marks a zone name the runtime does not know.
 */
const calendarFormats = new Map<string, Intl.DateTimeFormat | null>();

function calendarFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = calendarFormats.get(timeZone);
  if (format === undefined) {
    try {
      // en-CA formats as YYYY-MM-DD.
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      format = null;
    }
    if (calendarFormats.size < 1000) calendarFormats.set(timeZone, format);
  }
  return format;
}

/** True when `timeZone` is an IANA zone name this runtime knows (Asia/Kolkata, UTC, …). */
export function isKnownTimeZone(timeZone: string): boolean {
  return calendarFormat(timeZone) !== null;
}

/** Each time zone's last calendar date, with the minute it was read in (at most 1,000 zones). */
const lastCalendarDates = new Map<string, { minute: number; date: string }>();

/**
 * The calendar date of `now` in `timeZone` (an IANA name such as Asia/Kolkata; unknown names count
 * as UTC), as ISO. Formatting is the costly part and a turn asks more than once, so a zone's date is
 * kept for the rest of its minute: every zone's offset today is whole minutes, so its days begin on one.
 */
export function calendarDate(now: Date, timeZone: string): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastCalendarDates.get(timeZone);
  if (last && last.minute === minute) return last.date;
  const date = (calendarFormat(timeZone) ?? calendarFormat('UTC')!).format(now);
  if (last || lastCalendarDates.size < 1000) lastCalendarDates.set(timeZone, { minute, date });
  return date;
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Every date in the text, in order; at most `limit` of each form (numeric, relative word) are read. */
export function findDates(text: string, today: string, limit = Infinity): SlotMatch[] {
  const out: SlotMatch[] = [];
  for (const m of allMatches(text, YEAR_FIRST)) {
    if (out.length >= limit) break;
    const value = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (value) out.push({ value, start: m.index, end: m.index + m[0].length });
  }
  for (const m of allMatches(text, DAY_FIRST)) {
    if (out.length >= limit) break;
    const y = m[4] as string;
    const value = isoDate(y.length === 2 ? 2000 + Number(y) : Number(y), Number(m[3]), Number(m[1]));
    if (value) out.push({ value, start: m.index, end: m.index + m[0].length });
  }
  const past = isPastTense(text);
  const named = (day: string, monthName: string, year: string | undefined): string | null => {
    const month = MONTH_OF.get(monthName.toLowerCase());
    if (month === undefined) return null;
    return year ? isoDate(Number(year), month, Number(day)) : yearFor(today, month, Number(day), past);
  };
  if (/\d/.test(text)) {
    for (const [pattern, dayAt, monthAt] of [[DAY_MONTH, 1, 2], [MONTH_DAY, 2, 1]] as const) {
      for (const m of allMatches(text, pattern)) {
        if (out.length >= limit) break;
        const value = named(m[dayAt] as string, m[monthAt] as string, m[3]);
        const end = m.index + m[0].length;
        if (value && !out.some((o) => m.index < o.end && o.start < end)) out.push({ value, start: m.index, end });
      }
    }
  }
  if (/\d\/\d/.test(text)) {
    for (const m of allMatches(text, DAY_MONTH_SLASH)) {
      if (out.length >= limit) break;
      if ((m[1] === '24' && m[2] === '7') || RATING_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)) || RATING_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
      const value = yearFor(today, Number(m[2]), Number(m[1]), past);
      const end = m.index + m[0].length;
      if (value && !out.some((o) => m.index < o.end && o.start < end)) out.push({ value, start: m.index, end });
    }
  }
  const numeric = out.length;
  const counted = (m: RegExpExecArray, days: number) => {
    const end = m.index + m[0].length;
    if (out.length - numeric < limit && !out.some((o) => m.index < o.end && o.start < end)) out.push({ value: addDays(today, days), start: m.index, end });
  };
  if (/\d/.test(text)) {
    for (const m of allMatches(text, DAYS_AGO)) counted(m, -Number(m[1]));
    const future = FUTURE_MARKERS.test(text);
    for (const m of allMatches(text, DAY_OF_MONTH)) {
      const value = monthFor(today, Number(m[1]), past, future);
      const end = m.index + m[0].length;
      if (value && out.length - numeric < limit && !out.some((o) => m.index < o.end && o.start < end)) out.push({ value, start: m.index, end });
    }
  }
  for (const m of allMatches(text, LAST_WEEKDAY)) {
    const weekday = WEEKDAY_OF.get((m[1] as string).toLowerCase());
    if (weekday === undefined) continue;
    const back = (new Date(`${today}T00:00:00Z`).getUTCDay() - weekday + 7) % 7 || 7;
    counted(m, -back);
  }
  for (const m of allMatches(text, RELATIVE)) {
    if (out.length - numeric >= limit) break;
    const said = (m[1] as string).toLowerCase().replace(/\s+/g, ' ');
    const word = RELATIVE_WORDS.find((w) => w.word === said);
    if (!word) continue;
    const days = word.ambiguous && past ? -word.days : word.days;
    out.push({ value: addDays(today, days), start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}
