/** Twilio's limit for `Body` (protocols.md §1.6). */
export const TWILIO_MAX_BODY_CHARS = 1600;
/** Messenger's limit for `message.text`. */
export const MESSENGER_MAX_TEXT_CHARS = 2000;

// A sentence ends at . ! ? (Latin), । ॥ (Devanagari danda), ۔ ؟ (Urdu) followed by white space.
const SENTENCE_END = /[.!?\u0964\u0965\u06d4\u061f](?=\s)/g;

function lastSentenceEnd(window: string): number {
  let last = -1;
  for (const m of window.matchAll(SENTENCE_END)) last = m.index + m[0].length;
  return last;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Where to cut `rest` (longer than max): a line break, else a sentence end, else a space, else a hard cut. */
function cutIndex(rest: string, max: number): number {
  const window = rest.slice(0, max + 1); // a break right after the limit still counts
  const half = Math.floor(max / 2);
  const newline = window.lastIndexOf('\n');
  if (newline >= half) return newline;
  const sentence = lastSentenceEnd(window.slice(0, max));
  if (sentence >= half) return sentence;
  const space = window.search(/\s\S*$/);
  if (space > 0) return space;
  return isHighSurrogate(rest.charCodeAt(max - 1)) ? max - 1 : max;
}

/**
 * Splits a text into parts of at most `max` UTF-16 code units (never more characters than Twilio counts),
 * preferring line breaks, then sentence ends, then spaces, in the second half of each part; never splits
 * a surrogate pair. White space at the cut is dropped. A text within the limit comes back unchanged.
 */
export function splitMessageBody(text: string, max: number = TWILIO_MAX_BODY_CHARS): string[] {
  if (text.length <= max) return text === '' ? [] : [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutIndex(rest, max);
    const part = rest.slice(0, cut).trimEnd();
    if (part !== '') parts.push(part);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') parts.push(rest);
  return parts;
}
