import { BARE, DEFAULT_ORDER_PREFIX, HASHED, NOT_AN_ORDER_BEFORE } from '../slots/findOrderNumbers';
import { matchesOf } from './mask';
import { type FactCandidate, MAX_FACTS_PER_KIND } from './types';

/**
 * Order numbers in the catalog's format, `<PREFIX>-<6 digits>` (SG-482913), however typed:
 * `sg482913`, `SG 482913`, `SG 482 913`, `#482913`, a bare `482913` (see findOrderNumbers for
 * when a bare number is not taken). Verified when the digits are exactly six.
 * Wrong-format values are kept as unverified candidates:
 * - the prefix with too few or too many digits (`SG-4829`, `SG48291300`);
 * - `#` or the word "order" (ऑर्डर, آرڈر, अर्डर…) followed by 4 to 12 digits that are not six.
 * Run on text whose digits are ASCII, with e-mails masked out.
 */

const ORDER_WORD =
  '(?:order|ordr|odr|oder|ordar|ऑर्डर|आर्डर|ऑडर|ओर्डर|अर्डर|अडर|آرڈر|آڈر|ارڈر)(?:\\s*(?:no\\.?|nr\\.?|num|number|nmbr|id|नंबर|नम्बर|संख्या|نمبر|is|hai|है|ho|हो|ہے|:|#|-))*';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Patterns {
  prefixedSix: RegExp;
  prefixedAny: RegExp;
  afterWord: RegExp;
}

const byPrefix = new Map<string, Patterns>();

function patternsFor(prefix: string): Patterns {
  let p = byPrefix.get(prefix);
  if (!p) {
    const pre = `(?<![\\p{L}\\p{N}])${escapeRegExp(prefix)}[\\s\\-_#.:/]{0,2}`;
    p = {
      // Six digits, maybe as 3 + 3 ("SG 482 913").
      prefixedSix: new RegExp(`${pre}(\\d{3} ?\\d{3})(?!\\p{N})`, 'giu'),
      // Any other count: one to four groups of digits separated by single spaces.
      prefixedAny: new RegExp(`${pre}(\\d{1,12}(?: \\d{1,12}){0,3})(?!\\p{N})`, 'giu'),
      afterWord: new RegExp(`(?<![\\p{L}\\p{M}])${ORDER_WORD}\\s*(\\d{4,12})(?![\\p{N}\\p{L}])`, 'giu'),
    };
    if (byPrefix.size > 50) byPrefix.clear();
    byPrefix.set(prefix, p);
  }
  return p;
}

const HASHED_ANY = /#\s?(\d{4,12})(?![\p{N}\p{L}])/gu;

/** Only the prefixed forms (run first, before phones can claim "SG 9876543210"'s digits). */
export function findPrefixedOrderNumbers(text: string, prefix = DEFAULT_ORDER_PREFIX): FactCandidate[] {
  const P = prefix.toUpperCase();
  const { prefixedSix, prefixedAny } = patternsFor(prefix);
  const out: FactCandidate[] = [];
  for (const m of matchesOf(text, prefixedSix, MAX_FACTS_PER_KIND)) {
    out.push({ kind: 'order_number', value: `${P}-${(m[1] as string).replace(' ', '')}`, verified: true, span: { start: m.index, end: m.index + m[0].length } });
  }
  const taken = new Set(out.map((f) => f.span.start));
  for (const m of matchesOf(text, prefixedAny, MAX_FACTS_PER_KIND * 2)) {
    if (out.length >= MAX_FACTS_PER_KIND) break;
    if (taken.has(m.index)) continue;
    const digits = (m[1] as string).replace(/ /g, '');
    if (digits.length < 3 || digits.length > 12) continue;
    out.push({ kind: 'order_number', value: `${P}-${digits}`, verified: digits.length === 6, span: { start: m.index, end: m.index + m[0].length } });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** `#482913`, bare `482913`, "order 48291": run after phones, dates and amounts are masked out. */
export function findOtherOrderNumbers(text: string, prefix = DEFAULT_ORDER_PREFIX): FactCandidate[] {
  const P = prefix.toUpperCase();
  const out: FactCandidate[] = [];
  const starts = new Set<number>();
  const add = (m: RegExpExecArray, verified: boolean) => {
    if (out.length >= MAX_FACTS_PER_KIND) return;
    const digits = m[1] as string;
    const start = m.index + m[0].lastIndexOf(digits);
    if (starts.has(start)) return;
    starts.add(start);
    out.push({ kind: 'order_number', value: `${P}-${digits}`, verified, span: { start: m.index, end: m.index + m[0].length } });
  };
  for (const m of matchesOf(text, HASHED, MAX_FACTS_PER_KIND)) add(m, true);
  for (const m of matchesOf(text, BARE, MAX_FACTS_PER_KIND * 4)) {
    if (out.length >= MAX_FACTS_PER_KIND) break;
    if (!NOT_AN_ORDER_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) add(m, true);
  }
  for (const m of matchesOf(text, HASHED_ANY, MAX_FACTS_PER_KIND)) if ((m[1] as string).length !== 6) add(m, false);
  for (const m of matchesOf(text, patternsFor(prefix).afterWord, MAX_FACTS_PER_KIND)) if ((m[1] as string).length !== 6) add(m, false);
  return out.sort((a, b) => a.span.start - b.span.start);
}
