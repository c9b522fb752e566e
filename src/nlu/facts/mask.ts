import type { Span } from './types';

/**
 * The text with every span replaced by spaces (same length, so offsets still hold), in one pass:
 * linear in the text's length whatever the number of spans.
 */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end } of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + ' '.repeat(end - from);
    at = end;
  }
  return out + text.slice(at);
}

/** Every match of a global (sticky-free) regex, found lazily, at most `limit` of them. */
export function* matchesOf(text: string, pattern: RegExp, limit = Infinity): Generator<RegExpExecArray> {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let count = 0;
  let m: RegExpExecArray | null;
  while (count < limit && (m = re.exec(text)) !== null) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    count++;
    yield m;
  }
}
