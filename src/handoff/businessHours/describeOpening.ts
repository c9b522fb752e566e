import { daysBetween, localTimeAt } from './zonedTime';

interface OpeningWords {
  today: (time: string) => string;
  tomorrow: (time: string) => string;
  weekday: (day: string, time: string) => string;
  /** A week or more away: day/month. */
  date: (dayMonth: string, time: string) => string;
  /** mon..sun */
  weekdays: [string, string, string, string, string, string, string];
}

const WORDS: Record<string, OpeningWords> = {
  en: {
    today: (t) => `today at ${t}`,
    tomorrow: (t) => `tomorrow at ${t}`,
    weekday: (d, t) => `${d} at ${t}`,
    date: (d, t) => `on ${d} at ${t}`,
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  },
  hi: {
    today: (t) => `आज ${t} बजे`,
    tomorrow: (t) => `कल ${t} बजे`,
    weekday: (d, t) => `${d} ${t} बजे`,
    date: (d, t) => `${d} को ${t} बजे`,
    weekdays: ['सोमवार', 'मंगलवार', 'बुधवार', 'गुरुवार', 'शुक्रवार', 'शनिवार', 'रविवार'],
  },
  'hi-Latn': {
    today: (t) => `aaj ${t} baje`,
    tomorrow: (t) => `kal ${t} baje`,
    weekday: (d, t) => `${d} ${t} baje`,
    date: (d, t) => `${d} ko ${t} baje`,
    weekdays: ['Somvaar', 'Mangalvaar', 'Budhvaar', 'Guruvaar', 'Shukravaar', 'Shanivaar', 'Ravivaar'],
  },
  ur: {
    today: (t) => `آج ${t} بجے`,
    tomorrow: (t) => `کل ${t} بجے`,
    weekday: (d, t) => `${d} ${t} بجے`,
    date: (d, t) => `${d} کو ${t} بجے`,
    weekdays: ['پیر', 'منگل', 'بدھ', 'جمعرات', 'جمعہ', 'ہفتہ', 'اتوار'],
  },
  ne: {
    today: (t) => `आज ${t} बजे`,
    tomorrow: (t) => `भोलि ${t} बजे`,
    weekday: (d, t) => `${d} ${t} बजे`,
    date: (d, t) => `${d} मा ${t} बजे`,
    weekdays: ['सोमबार', 'मंगलबार', 'बुधबार', 'बिहीबार', 'शुक्रबार', 'शनिबार', 'आइतबार'],
  },
};

const WEEKDAY_INDEX = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 } as const;

/**
 * When an opening is, in the customer's words, relative to `now` in the team's time zone:
 * "today at 09:00", "tomorrow at 10:00", "Monday at 10:00", "on 01/12 at 10:00" (a week or more
 * away). Times are 24-hour with ASCII digits in every language. Unknown languages use English.
 */
export function describeOpening(date: Date, timeZone: string, lang: string, now: Date): string {
  const words = WORDS[lang] ?? (WORDS.en as OpeningWords);
  const at = localTimeAt(date.getTime(), timeZone);
  const today = localTimeAt(now.getTime(), timeZone);
  const time = `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;
  const days = daysBetween(today, at);
  if (days <= 0) return words.today(time);
  if (days === 1) return words.tomorrow(time);
  if (days < 7) return words.weekday(words.weekdays[WEEKDAY_INDEX[at.weekday]], time);
  return words.date(`${String(at.day).padStart(2, '0')}/${String(at.month).padStart(2, '0')}`, time);
}
