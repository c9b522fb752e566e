import { SlotMatch } from './spans';

/**
 * Slots of kind `regex`: the catalog's own pattern (JavaScript syntax, no slashes).
 * - Compiled with the `u` flag when the pattern allows it (so \p{L} works), else without.
 * - The value is the first capture group when the pattern has one and it matched, else the whole match.
 * - A pattern anchored with ^ or $ is tried on the whole (trimmed) message and then on each word
 *   (surrounding punctuation removed), so `^[A-Z]{2}\d{6}$` still finds the code in "it is AB123456".
 * A pattern that does not compile is a catalog error, reported by the catalog loader (see
 * slotPatternProblem); here it simply never matches, so a bad catalog cannot crash a turn.
 */

const cache = new Map<string, RegExp | null>();

export function compileSlotPattern(pattern: string): RegExp | null {
  if (cache.has(pattern)) return cache.get(pattern) ?? null;
  let compiled: RegExp | null = null;
  for (const flags of ['u', '']) {
    try {
      compiled = new RegExp(pattern, flags);
      break;
    } catch {
      // try the next flags
    }
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/** Why a slot pattern is unusable (for the catalog loader's error message), or null when it is fine. */
export function slotPatternProblem(pattern: string): string | null {
  if (compileSlotPattern(pattern) !== null) return null;
  try {
    new RegExp(pattern);
    return null;
  } catch (err) {
    return `not a valid regular expression: ${(err as Error).message}`;
  }
}

function valueOf(m: RegExpExecArray): string {
  return m.length > 1 && m[1] !== undefined ? m[1] : m[0];
}

export function findByPattern(text: string, pattern: string): SlotMatch | null {
  const re = compileSlotPattern(pattern);
  if (!re) return null;
  const plain = re; // flags are '' or 'u': exec keeps no state between calls
  const whole = plain.exec(text);
  if (whole && whole[0] !== '') return { value: valueOf(whole), start: whole.index, end: whole.index + whole[0].length };
  const trimmed = text.trim();
  const offset = text.indexOf(trimmed);
  const onTrimmed = plain.exec(trimmed);
  if (onTrimmed && onTrimmed[0] !== '') {
    return { value: valueOf(onTrimmed), start: offset + onTrimmed.index, end: offset + onTrimmed.index + onTrimmed[0].length };
  }
  if (!/[\^$]/.test(re.source)) return null;
  for (const word of text.matchAll(/\S+/g)) {
    const core = word[0].replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
    for (const candidate of new Set([word[0], core])) {
      if (candidate === '') continue;
      const m = plain.exec(candidate);
      if (m && m[0] !== '') {
        const start = word.index + word[0].indexOf(candidate) + m.index;
        return { value: valueOf(m), start, end: start + m[0].length };
      }
    }
  }
  return null;
}
