import { allMatches, SlotMatch } from './spans';

/**
 * Phone numbers, normalised to E.164 (+<country><number>) when the country is clear:
 * - written with + or 00: kept as given (8 to 15 digits);
 * - Indian mobiles: 10 digits starting 6-9, optionally after 0, 91 or +91 → +91…;
 * - Pakistani mobiles: 03xx xxxxxxx (11 digits) or 3xx xxxxxxx, optionally after 92 → +92…;
 * - Nepali mobiles: 97x/98x and 10 digits, after 977 → +977…
 * A bare 10-digit 97x/98x number is a valid Indian AND Nepali mobile, so it is returned as its
 * 10 digits (country unknown). Landlines and anything else are not recognised.
 * Digits may be separated by spaces, dashes, dots and brackets ("+91 98765-43210", "(0300) 1234567").
 */
const CANDIDATE = /(?<![\p{L}\p{N}+@])(?:\+\s?)?\(?\d(?:[ \-.()]{0,2}\d)+(?!\p{N})/gu;
const DIGIT_RUN = /\d+/g;

export function phoneFromDigits(digits: string, international: boolean): string | null {
  if (international || digits.startsWith('00')) {
    const d = international ? digits : digits.slice(2);
    return /^[1-9]\d{7,14}$/.test(d) ? `+${d}` : null;
  }
  const national = digits.length === 11 && digits.startsWith('0') ? digits.slice(1) : digits;
  if (/^[6-9]\d{9}$/.test(national)) return /^9[78]/.test(national) ? national : `+91${national}`;
  if (/^3\d{9}$/.test(national)) return `+92${national}`;
  if (/^91[6-9]\d{9}$/.test(digits)) return `+${digits}`;
  if (/^923\d{9}$/.test(digits)) return `+${digits}`;
  if (/^9779[78]\d{8}$/.test(digits)) return `+${digits}`;
  return null;
}

/** Finds phones in text whose digits are already ASCII. */
export function findPhones(text: string): SlotMatch[] {
  const found: SlotMatch[] = [];
  for (const candidate of allMatches(text, CANDIDATE)) {
    const international = candidate[0].startsWith('+');
    const groups = allMatches(candidate[0], DIGIT_RUN).map((g) => ({ digits: g[0], start: candidate.index + g.index }));
    let first = 0;
    // Longest run of consecutive digit groups that reads as a phone, leftmost first; then go on after it.
    while (first < groups.length) {
      let taken = false;
      for (let last = groups.length - 1; last >= first && !taken; last--) {
        const range = groups.slice(first, last + 1);
        const value = phoneFromDigits(range.map((g) => g.digits).join(''), international && first === 0);
        if (value === null) continue;
        const head = range[0] as { start: number };
        const tail = range[range.length - 1] as { digits: string; start: number };
        const start = international && first === 0 ? candidate.index : head.start;
        found.push({ value, start, end: tail.start + tail.digits.length });
        first = last + 1;
        taken = true;
      }
      if (!taken) first++;
    }
  }
  return found;
}
