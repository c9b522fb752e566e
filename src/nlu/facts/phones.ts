import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { rememberRecent } from '../rememberRecent';
import { matchesOf } from './mask';
import { type FactCandidate, MAX_FACTS_PER_KIND } from './types';

/**
 * Phone numbers of any country, validated with libphonenumber-js (Google's metadata):
 * - written with + (or 00): read in that country; otherwise in `region` (DEFAULT_PHONE_REGION, IN),
 *   and, when not valid there, as a country code typed without its + ("92 300 1234567");
 * - valid for its country → verified, as E.164 (+919876543210);
 * - not valid but plausible (9 to 15 digits, 8 with a +) → unverified, as its digits (+ kept).
 * Digits may be grouped with spaces, dashes, dots and brackets ("+91 98765-43210", "(0300) 1234567").
 * A run of more than 15 digits with no separator is nobody's phone number. When a stretch of digit
 * groups is longer than one number ("98765 43210 91234 56789"), the longest valid window is taken,
 * left to right. At most MAX_PARSES numbers are parsed per message, so a flood of digit groups costs
 * a bounded amount of work. Text must have ASCII digits, e-mails masked out.
 */
const CANDIDATE = /(?<![\p{L}\p{N}+@])(?:(?:\+|00)\s?)?\(?\d(?:[ \-.()]{0,2}\d)*(?!\p{N})/gu;
const DIGIT_RUN = /\d+/g;
const MAX_PARSES = 24;
const MAX_DIGITS = 15;

interface Group {
  digits: string;
  start: number;
  end: number;
}

/** True for an ISO 3166 region libphonenumber knows (IN, PK, NP, US…): DEFAULT_PHONE_REGION is checked with it. */
export function isPhoneRegion(region: string): boolean {
  return isSupportedCountry(region);
}

/**
 * The country of a customer's own phone address ("whatsapp:+923001234567" → PK, "+9779841234567" →
 * NP), so a number they write without a country code ("0300-1234567", "9841234567") is read in their
 * country rather than the deployment's default. Undefined for an address that is not a phone number
 * in international form (a Messenger id, an e-mail) or whose country libphonenumber cannot tell.
 * Remembered for the last 1,024 addresses: a message asks twice (its facts and the bot's turn).
 */
export const phoneRegionOfAddress: (address: string) => string | undefined = rememberRecent((address) => {
  const match = /^(?:[a-z]+:)?(\+\d{7,15})$/u.exec(address.trim());
  if (!match) return undefined;
  const country = parsePhoneNumberFromString(match[1]!)?.country;
  return country && isSupportedCountry(country) ? country : undefined;
}, 1024);

export function findPhoneFacts(text: string, region = 'IN'): FactCandidate[] {
  const out: FactCandidate[] = [];
  let parses = 0;
  const country = region as CountryCode;
  for (const candidate of matchesOf(text, CANDIDATE, MAX_FACTS_PER_KIND * 8)) {
    if (out.length >= MAX_FACTS_PER_KIND || parses >= MAX_PARSES) break;
    const raw = candidate[0];
    const plus = raw.startsWith('+') ? 1 : raw.startsWith('00') ? 2 : 0;
    const groups: Group[] = [];
    for (const g of matchesOf(raw, DIGIT_RUN)) {
      groups.push({ digits: g[0], start: candidate.index + g.index, end: candidate.index + g.index + g[0].length });
    }
    if (plus === 2) groups[0] = { ...groups[0]!, digits: groups[0]!.digits.slice(2), start: groups[0]!.start + 2 };
    let first = 0;
    while (first < groups.length && out.length < MAX_FACTS_PER_KIND && parses < MAX_PARSES) {
      const international = plus > 0 && first === 0;
      // Windows starting at `first`, longest first, up to 15 digits.
      let total = 0;
      let last = first;
      while (last < groups.length && total + groups[last]!.digits.length <= MAX_DIGITS) total += groups[last++]!.digits.length;
      let taken = false;
      let plausible: { end: number; digits: string } | undefined;
      for (let end = last; end > first && parses < MAX_PARSES; end--) {
        const digits = groups.slice(first, end).map((g) => g.digits).join('');
        if (digits.length < (international ? 8 : 9)) break;
        parses++;
        let parsed = parsePhoneNumberFromString(international ? `+${digits}` : digits, country);
        // "92 300 1234567", "977-9841234567": a country code typed without its + or 00 (a whole run of groups only,
        // so a stretch of several numbers is still cut where each is valid at home).
        if (!parsed?.isValid() && !international && first === 0 && end === groups.length && digits.length >= 11 && digits[0] !== '0' && parses < MAX_PARSES) {
          parses++;
          const abroad = parsePhoneNumberFromString(`+${digits}`);
          if (abroad?.isValid()) parsed = abroad;
        }
        if (parsed?.isValid()) {
          const start = international ? candidate.index : groups[first]!.start;
          out.push({ kind: 'phone', value: parsed.number, verified: true, span: { start, end: groups[end - 1]!.end } });
          first = end;
          taken = true;
          break;
        }
        plausible ??= { end, digits };
      }
      if (taken) continue;
      if (plausible) {
        const start = international ? candidate.index : groups[first]!.start;
        const value = international ? `+${plausible.digits}` : plausible.digits;
        out.push({ kind: 'phone', value, verified: false, span: { start, end: groups[plausible.end - 1]!.end } });
        first = plausible.end;
        continue;
      }
      first++;
    }
  }
  return out;
}
