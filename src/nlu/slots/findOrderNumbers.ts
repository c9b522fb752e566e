import { allMatches, SlotMatch } from './spans';

/** The brand's order-number prefix: orders look like SG-482913. */
export const DEFAULT_ORDER_PREFIX = 'SG';

/**
 * Order numbers, normalised to `<PREFIX>-<6 digits>`. Customers type them as `SG-482913`,
 * `sg482913`, `SG 482913`, `#482913` or a bare `482913`. A bare 6-digit number is NOT taken when
 * it is glued to other digits or separators (part of a phone, date, amount like 1,50,000 or
 * decimal), or right after a word that says it is something else (PIN code, OTP, an amount).
 * Run on text whose digits are ASCII and whose phones and e-mails are masked out.
 */
export const NOT_AN_ORDER_BEFORE =
  /(?<![\p{L}\p{M}])(?:pin\s*code|pincode|pin|zip(?:\s*code)?|postal\s*code|post\s*code|otp|rs\.?|inr|pkr|npr|rupees?|₹|रु\.?|रुपये|रुपए|रुपैयाँ|पिन|ओटीपी|روپے|پن)\s*(?:no\.?|number|is|hai|:|#|-)?\s*$/iu;

function prefixed(prefix: string): RegExp {
  const p = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${p}[\\s\\-_#.:/]{0,2}(\\d{6})(?![\\p{N}])`, 'giu');
}
export const HASHED = /#\s?(\d{6})(?![\p{N}])/gu;
export const BARE = /(?<![\p{L}\p{N}+#.,:/-])(\d{6})(?![\p{N}]|[.,:/-]\d|\p{L})/gu;

export function findOrderNumbers(text: string, prefix = DEFAULT_ORDER_PREFIX): SlotMatch[] {
  const out: SlotMatch[] = [];
  const taken = (start: number) => out.some((m) => start >= m.start && start < m.end);
  const add = (m: RegExpExecArray) => {
    if (taken(m.index)) return;
    out.push({ value: `${prefix.toUpperCase()}-${m[1] as string}`, start: m.index, end: m.index + m[0].length });
  };
  allMatches(text, prefixed(prefix)).forEach(add);
  allMatches(text, HASHED).forEach(add);
  for (const m of allMatches(text, BARE)) {
    if (!NOT_AN_ORDER_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) add(m);
  }
  return out.sort((a, b) => a.start - b.start);
}
