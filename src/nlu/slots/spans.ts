/** A value found in a message, with where it was (offsets into the message as given). */
export interface SlotMatch {
  value: string;
  start: number;
  end: number;
}

/** Replaces the spans with spaces (same length), so later finders cannot reuse those characters. */
export function maskSpans(text: string, spans: readonly SlotMatch[]): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

/** Every match of a global regex, as [match, start] pairs. */
export function allMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  return [...text.matchAll(new RegExp(pattern.source, flags))];
}
