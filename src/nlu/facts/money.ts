import { matchesOf } from './mask';
import { type FactCandidate, MAX_FACTS_PER_KIND } from './types';

/**
 * Amounts of money, as `<ISO currency> <amount>` ("INR 2499", "INR 150000", "NPR 5000"):
 * - a currency before the number: ₹, Rs, Rs., INR, NPR, NRs, PKR, रु, रू, $ / USD;
 * - or after it: ₹ (2499₹), rupees, rupaye, rupaiya, रुपये, रुपए, रुपया, रुपैयाँ, روپے, روپیہ, /-, INR…;
 * - or a multiplier that only money takes: lakh (लाख, لاکھ), crore (करोड़, کروڑ);
 * - or, with no currency at all, an amount of three digits or more (or grouped: 12,499) right after a
 *   word of paying ("paid 12,499", "charged 2999", "deducted 5,000", "paisa kat gaya 3,499") or right before one ("12,499
 *   diye", "2,499 wapas karo", "3000 फिर्ता", "5000 kat gaye", "12,499 दिए", "5000 کٹ گئے", "5000 तिरें", "6500 tireko", "3200 pay kiye")
 *   or before a word telling what it cost ("1,299 ka tha", "4999 کا تھا"): the rupee is implied.
 * Amounts may use Indian or Western grouping (1,50,000 / 150,000), decimals (1.5 lakh, 499.50) and
 * k / thousand / hazaar (हज़ार, ہزار); a count of thousands alone ("15k", "१५ हजार") is money. Rupees without a country code count as INR.
 * Text must have ASCII digits, e-mails and phones masked out.
 */

const NUMBER = '(\\d{1,3}(?:,\\d{2,3})+(?:\\.\\d{1,2})?|\\d{1,12}(?:\\.\\d{1,2})?)';
const MULTIPLIER =
  '(?:\\s?(k|thousand|hazaa?r|हज़ार|हजार|ہزار|lakhs?|lacs?|lakh|लाख|لاکھ|crores?|cr|करोड़|करोड|کروڑ)(?![\\p{L}\\p{M}]))?';
const BEFORE = '(₹|nrs\\.?|rs\\.?|inr|npr|pkr|usd|\\$|रु\\.?|रू\\.?)';
const AFTER =
  '(₹|rupees?|rupaye|rupaiy[ae]|rupay|rupiya|rs\\.?|inr|npr|pkr|रुपये|रुपए|रुपया|रूपये|रुपैयाँ|रुपैयां|रुपैंया|روپے|روپیہ|روپئے|/-)';

const PREFIXED = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${BEFORE}\\s?${NUMBER}${MULTIPLIER}`, 'giu');
const SUFFIXED = new RegExp(`(?<![\\p{L}\\p{N},.])${NUMBER}${MULTIPLIER}\\s?${AFTER}(?![\\p{L}\\p{M}])`, 'giu');
const LARGE = new RegExp(
  `(?<![\\p{L}\\p{N},.])${NUMBER}\\s?(lakhs?|lacs?|लाख|لاکھ|crores?|करोड़|करोड|کروڑ)(?![\\p{L}\\p{M}])`,
  'giu',
);

/**
 * "15k", "60k budget", "15 hazaar", "१५ हजार", "15 ہزار": a count of thousands is money even with no
 * currency (what else does a customer of a shop count in thousands?), except a screen's "4K" / "8K"
 * and thousands of steps, runs, mAh or followers.
 */
const THOUSANDS = new RegExp(
  `(?<![\\p{L}\\p{N},.])(\\d{1,3}(?:\\.\\d{1,2})?)\\s?(k|hazaa?r|हज़ार|हजार|ہزار)(?![\\p{L}\\p{M}\\p{N}])(?!\\s*(?:tv|uhd|hdr|qled|oled|led|display|screen|monitor|resolution|video|steps?|run|mah|followers?|km)(?![\\p{L}]))`,
  'giu',
);
const SCREEN_K = /^[48]k$/i;
/** Cheap checks before the scans above: most messages have no such word. */
const THOUSANDS_WORD = /\d\s?(?:k|haza|हज़ार|हजार|ہزار)/iu;
const REFUND_WORD = /refund|return my|wapas|vapas|waapas|वापस|واپس|फिर्ता/iu;

/** An amount a payment word makes money: three digits or more, or grouped ("paid 3 times" is not). */
const PAID_NUMBER = '(\\d{1,3}(?:,\\d{2,3})+(?:\\.\\d{1,2})?|\\d{3,12}(?:\\.\\d{1,2})?)';
const PAID_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:paid|pay|payed|charged|deducted|debited|spent|cost|costs|costed|refund of|amount of|kat gaya|kat gaye|kat gya|kat gye|cut gaya|cut gaye|cut gya|cut gye|kaat liye|kaat liya|kat liye|कट गए|कट गया|काट लिए|کٹ گئے|کٹ گیا|کاٹ لیے)\\s+(?:me\\s+|us\\s+|you\\s+|u\\s+)?${PAID_NUMBER}${MULTIPLIER}(?![\\p{N}])`,
  'giu',
);
const PAID_AFTER = new RegExp(
  `(?<![\\p{L}\\p{N},.])${PAID_NUMBER}${MULTIPLIER}\\s?(?:diye|diya|diyee|bhare|bhara|kat|kate|kaat|kat gaye|दिए|दिये|दिया|भरे|भरा|कटे|कट|دیے|دیئے|دیا|بھرے|کٹے|کٹ|तिरें|तिरेँ|तिरेको|तिरे|तिर्यो|तिरिसकेको|काटियो|काट्यो|चुकाए|चुकाया|ادا کیے|ادا کیا|paid|pay kiye|pay kiya|pay kie|tireko|tirisakeko|tiryo|tiren|tire)(?![\\p{L}\\p{M}])`,
  'giu',
);

/**
 * An amount to be given back: "refund 2,499", "2,499 wapas karo", "3000 फिर्ता", "1500 واپس". Only a
 * grouped number or one of three to five digits: a six-digit one beside these words is an order
 * number ("order 482913 wapas karo").
 */
const REFUND_NUMBER = '(\\d{1,3}(?:,\\d{2,3})+(?:\\.\\d{1,2})?|\\d{3,5}(?:\\.\\d{1,2})?)';
const REFUND_BEFORE = new RegExp(`(?<![\\p{L}\\p{M}])(?:refund|refunded|return my)\\s+(?:me\\s+|of\\s+)?${REFUND_NUMBER}${MULTIPLIER}(?![\\p{N}])`, 'giu');
const REFUND_AFTER = new RegExp(
  `(?<![\\p{L}\\p{N},.])${REFUND_NUMBER}${MULTIPLIER}\\s?(?:wapas|vapas|waapas|refund|वापस|واپس|फिर्ता)(?![\\p{L}\\p{M}])`,
  'giu',
);

/**
 * A price told as what something was: "1,299 ka tha", "32,490 में लिया", "4999 کا تھا", "१२,५०० को थियो",
 * "8999 ma kineko". Only a grouped number or one of three to five digits, not after "-" or "#": a
 * six-digit one is an order number ("order 482913 ka tha").
 */
const PRICE_AFTER = new RegExp(
  `(?<![\\p{L}\\p{N},.#-])${REFUND_NUMBER}${MULTIPLIER}\\s?(?:ka tha|ki thi|ka hai|ki hai|ka liya|ki li|me liya|mein liya|me li|mein li|ka pada|ki padi|का था|की थी|का है|की है|का लिया|की ली|में लिया|में ली|کا تھا|کی تھی|کا ہے|کی ہے|کا لیا|میں لیا|میں لی|को थियो|को हो|मा किनेको|मा लिएको|ko thiyo|ko ho|ma kineko|ma lieko)(?![\\p{L}\\p{M}])`,
  'giu',
);

/**
 * A grouped amount ("45,990", "1,25,000") anywhere in a message about paying ("payment failed but the
 * money got debited, 45,990 for the laptop"): grouping is how amounts are written, and order numbers,
 * phones and dates are not grouped so.
 */
const PAYMENT_WORD =
  /(?<![\p{L}\p{M}])(?:paid|pay|payment|payed|debited|deducted|charged|money|amount|price|cost|refund|transaction|paisa|paise|paisay|पैसा|पैसे|पेमेंट|भुगतान|रकम|भुक्तानी|پیسے|ادائیگی|رقم|پیمنٹ)(?![\p{L}\p{M}])/iu;
const GROUPED = new RegExp(`(?<![\\p{L}\\p{N},.])(\\d{1,3}(?:,\\d{2,3})+(?:\\.\\d{1,2})?)${MULTIPLIER}(?![\\p{N}]|,\\d)`, 'giu');

const FACTORS: [RegExp, number][] = [
  [/^(k|thousand|hazaa?r|हज़ार|हजार|ہزار)$/i, 1e3],
  [/^(lakhs?|lacs?|लाख|لاکھ)$/i, 1e5],
  [/^(crores?|cr|करोड़|करोड|کروڑ)$/i, 1e7],
];

function currencyOf(marker: string | undefined): string {
  const m = (marker ?? '').toLowerCase();
  if (m === 'npr' || m.startsWith('nrs')) return 'NPR';
  if (m === 'pkr') return 'PKR';
  if (m === 'usd' || m === '$') return 'USD';
  return 'INR';
}

function amountOf(number: string, multiplier: string | undefined): string | null {
  let value = Number(number.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  if (multiplier) value *= FACTORS.find(([re]) => re.test(multiplier))?.[1] ?? 1;
  if (value <= 0 || value > 1e12) return null;
  const rounded = Math.round(value * 100) / 100;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(2);
}

export function findMoneyFacts(text: string): FactCandidate[] {
  if (!/\d/.test(text)) return [];
  const out: FactCandidate[] = [];
  const overlaps = (start: number, end: number) => out.some((f) => start < f.span.end && f.span.start < end);
  const add = (m: RegExpExecArray, number: string, multiplier: string | undefined, marker: string | undefined) => {
    if (out.length >= MAX_FACTS_PER_KIND || overlaps(m.index, m.index + m[0].length)) return;
    const amount = amountOf(number, multiplier);
    if (amount === null) return;
    out.push({ kind: 'money', value: `${currencyOf(marker)} ${amount}`, verified: true, span: { start: m.index, end: m.index + m[0].length } });
  };
  for (const m of matchesOf(text, PREFIXED, MAX_FACTS_PER_KIND)) add(m, m[2] as string, m[3], m[1]);
  for (const m of matchesOf(text, SUFFIXED, MAX_FACTS_PER_KIND)) add(m, m[1] as string, m[2], m[3]);
  for (const m of matchesOf(text, LARGE, MAX_FACTS_PER_KIND)) add(m, m[1] as string, m[2], undefined);
  for (const m of matchesOf(text, PAID_BEFORE, MAX_FACTS_PER_KIND)) add(m, m[1] as string, m[2], undefined);
  for (const m of matchesOf(text, PAID_AFTER, MAX_FACTS_PER_KIND)) add(m, m[1] as string, m[2], undefined);
  for (const m of matchesOf(text, PRICE_AFTER, MAX_FACTS_PER_KIND)) add(m, m[1] as string, m[2], undefined);
  if (REFUND_WORD.test(text)) {
    for (const m of matchesOf(text, REFUND_BEFORE, MAX_FACTS_PER_KIND)) add(m, m[1] as string, m[2], undefined);
    for (const m of matchesOf(text, REFUND_AFTER, MAX_FACTS_PER_KIND)) add(m, m[1] as string, m[2], undefined);
  }
  if (PAYMENT_WORD.test(text)) for (const m of matchesOf(text, GROUPED, MAX_FACTS_PER_KIND)) add(m, m[1] as string, m[2], undefined);
  if (THOUSANDS_WORD.test(text)) {
    for (const m of matchesOf(text, THOUSANDS, MAX_FACTS_PER_KIND)) if (!SCREEN_K.test(m[0])) add(m, m[1] as string, m[2], undefined);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
